/**
 * The panel and its ChatController, driven by a fake client: every state the client's events can
 * lead to, rendered from those events alone.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CentionChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import type { CentionLeaveMessage } from '../../src/components/leave-message/leave-message.js';
import { FakeClient, openCanChat } from './fake-client.js';
import { waitFor } from '../support/fake-server-client.js';
import { agentMessage, shadow, structured } from './helpers.js';

async function renderPanel(
  client = new FakeClient(),
  options: { lang?: string; hasStoredSession?: boolean; visible?: boolean } = {},
): Promise<CentionChatPanel> {
  return fixture<CentionChatPanel>(
    html`<cention-chat-panel
      .client=${client}
      .hasStoredSession=${options.hasStoredSession ?? false}
      .area=${2}
      lang=${options.lang ?? 'en'}
      ?visible=${options.visible ?? true}
      transcript
    ></cention-chat-panel>`,
  );
}

const part = (panel: CentionChatPanel, selector: string) =>
  shadow(panel).querySelector<HTMLElement>(selector);

/** The leave-a-message view, once its lazily loaded chunk has arrived and rendered. */
async function leaveMessageView(panel: CentionChatPanel): Promise<CentionLeaveMessage> {
  for (let tries = 0; tries < 100; tries++) {
    const view = part(panel, 'cention-leave-message') as CentionLeaveMessage | null;
    if (view && customElements.get('cention-leave-message')) {
      await view.updateComplete;
      return view;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    await panel.updateComplete;
  }
  throw new Error('the leave-a-message view did not appear');
}

async function startedPanel(client = new FakeClient()): Promise<CentionChatPanel> {
  const panel = await renderPanel(client);
  panel.controller.start({ name: 'Vera', email: 'vera@example.com', message: 'Hi' });
  client.fire('chat message', {
    agent: '',
    client: 'Vera',
    chat: [{ id: 1, umid: '', sender: 'CLIENT', sent: 1, sentHuman: '10:00', text: 'Hi' }],
  });
  await panel.updateComplete;
  return panel;
}

describe('cention-chat-panel', () => {
  it('asks canChat for its area and shows the start form', async () => {
    const client = new FakeClient();
    const panel = await renderPanel(client);
    expect(client.callsOf('canChat')).to.deep.equal([[2]]);
    expect(part(panel, 'cention-start-form')).to.be.instanceOf(HTMLElement);
    expect(part(panel, '[part="header"] h2')?.textContent).to.equal('Chat');
    await expect(panel).to.be.accessible();
  });

  it('shows a loading state while it asks, without the form', async () => {
    const client = new FakeClient();
    client.canChat = (_handler, area) =>
      void client.calls.push({ method: 'canChat', args: [area] });
    const panel = await renderPanel(client);
    expect(part(panel, '[role="status"]')?.textContent).to.equal('Loading…');
    expect(part(panel, 'cention-start-form')).to.equal(null);
    await expect(panel).to.be.accessible();
  });

  it('shows the closed state when canChat says the chat is closed', async () => {
    const client = new FakeClient();
    client.canChatResult = { ...openCanChat, chatOpen: false, openingHours: 'Mon–Fri 8–17' };
    const panel = await renderPanel(client);
    const view = await leaveMessageView(panel);
    expect(shadow(view).textContent).to.contain('Mon–Fri 8–17');
    expect(shadow(view).textContent).to.contain('Leave us a message');
    expect(part(panel, 'cention-start-form')).to.equal(null);
    await expect(panel).to.be.accessible();
  });

  it('"Check again" keeps focus in the panel, and hands it to the form once open', async () => {
    const client = new FakeClient();
    client.canChatResult = { ...openCanChat, chatOpen: false };
    const panel = await renderPanel(client);
    const view = await leaveMessageView(panel);
    const button = shadow(view).querySelector<HTMLButtonElement>('.notice button') as HTMLElement;
    button.focus();
    // The check stays pending: the view (and its focused button) stays, marked busy.
    let answer: ((result: typeof openCanChat) => void) | undefined;
    client.canChat = (handler) => (answer = handler);
    button.click();
    await panel.updateComplete;
    await view.updateComplete;
    expect(part(panel, 'cention-leave-message')).to.equal(view);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(shadow(view).activeElement).to.equal(button);
    expect(document.activeElement).to.not.equal(document.body);
    // Still closed: focus stays on the button.
    answer?.({ ...openCanChat, chatOpen: false });
    await panel.updateComplete;
    await view.updateComplete;
    expect(shadow(view).activeElement).to.equal(button);
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    // Open now: the start form replaces the view and gets focus, not <body>.
    button.click();
    answer?.(openCanChat);
    await panel.updateComplete;
    const form = part(panel, 'cention-start-form') as CentionChatPanel;
    await form.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shadow(form).activeElement?.getAttribute('name')).to.equal('name');
  });

  for (const [event, title] of [
    ['agent unavailable', 'All our agents are busy'],
    ['queue full', 'The queue is full'],
  ] as const) {
    it(`after "${event}" it says so and offers to check again`, async () => {
      const client = new FakeClient();
      const panel = await startedPanel(client);
      client.fire(event);
      await panel.updateComplete;
      const view = await leaveMessageView(panel);
      expect(shadow(view).querySelector('h2')?.textContent).to.equal(title);
      expect(shadow(view).querySelector('form')).to.be.instanceOf(HTMLFormElement);
      expect(client.callsOf('resetChat').length).to.equal(1);
      await expect(panel).to.be.accessible();
    });
  }

  it('a refused start offers the message form filled with what the visitor typed', async () => {
    const client = new FakeClient();
    const panel = await renderPanel(client);
    const form = part(panel, 'cention-start-form') as CentionChatPanel;
    await form.updateComplete;
    const fill = (name: string, value: string) => {
      const control = shadow(form).querySelector<HTMLInputElement>(`[name="${name}"]`);
      if (control) control.value = value;
    };
    fill('name', 'Vera');
    fill('email', 'vera@example.com');
    fill('message', 'Can I move my plan?');
    shadow(form).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await panel.updateComplete;
    client.fire('queue full');
    await panel.updateComplete;
    const view = await leaveMessageView(panel);
    const value = (name: string) =>
      shadow(view).querySelector<HTMLInputElement>(`[name="${name}"]`)?.value;
    expect([value('name'), value('email'), value('message')]).to.deep.equal([
      'Vera',
      'vera@example.com',
      'Can I move my plan?',
    ]);
  });

  it('shows the area name and the queue, then the agent’s name in the header', async () => {
    const client = new FakeClient();
    const panel = await startedPanel(client);
    panel.areaName = 'Broadband support';
    client.fire('queue', 4, { estimatedWaitSeconds: 300 });
    await panel.updateComplete;
    expect(part(panel, '[part="header"] h2')?.textContent).to.equal('Broadband support');
    const queue = part(panel, 'cention-queue-status') as CentionChatPanel;
    await queue.updateComplete;
    expect(shadow(queue).textContent).to.contain('number 4');
    expect(shadow(queue).textContent).to.contain('about 5 min');
    await expect(panel).to.be.accessible();
    client.fire('chat message', { agent: 'Anna', client: 'Vera', chat: [agentMessage('Hello')] });
    await panel.updateComplete;
    expect(part(panel, 'cention-queue-status')).to.equal(null);
    expect(part(panel, '[part="header"] h2')?.textContent).to.equal('Anna');
  });

  it('ends the wait when the server names an agent, even with no new message', async () => {
    const client = new FakeClient();
    const panel = await startedPanel(client);
    client.fire('queue', 2);
    await panel.updateComplete;
    expect(part(panel, 'cention-queue-status')).to.be.instanceOf(HTMLElement);
    client.fire('chat message', { agent: 'Alice', client: 'Vera', chat: [] });
    await panel.updateComplete;
    expect(part(panel, 'cention-queue-status')).to.equal(null);
    expect(part(panel, '[part="header"] h2')?.textContent).to.equal('Alice');
  });

  it('shows the agent typing, with the draft when shared, until a message arrives', async () => {
    const client = new FakeClient();
    const panel = await startedPanel(client);
    client.fire('agent preview', { messageLen: 5, text: 'Hello' });
    await panel.updateComplete;
    const typing = part(panel, 'cention-typing-preview') as CentionChatPanel;
    await typing.updateComplete;
    expect(shadow(typing).querySelector('.text')?.textContent).to.equal('Hello');
    client.fire('chat message', {
      agent: 'Anna',
      client: 'Vera',
      chat: [agentMessage('Hello there')],
    });
    await panel.updateComplete;
    await typing.updateComplete;
    expect(shadow(typing).querySelector('[role="status"]')?.textContent).to.equal('');
  });

  it('sends previews through the client only when typing-preview is on', async () => {
    const client = new FakeClient();
    const panel = await startedPanel(client);
    panel.sendsPreview = true;
    await panel.updateComplete;
    const composer = part(panel, 'cention-composer') as HTMLElement;
    composer.dispatchEvent(
      new CustomEvent('cention-composer-preview', {
        detail: { text: 'Hel' },
        bubbles: true,
        composed: true,
      }),
    );
    expect(client.callsOf('preview')).to.deep.equal([['Hel']]);
  });

  it('shows a failed message with retry, and retry asks the client to resend', async () => {
    const client = new FakeClient();
    const panel = await startedPanel(client);
    const composer = part(panel, 'cention-composer') as HTMLElement;
    const sent = oneEvent(panel, 'cention-message-send');
    composer.dispatchEvent(
      new CustomEvent('cention-composer-send', {
        detail: { text: 'Lost words' },
        bubbles: true,
        composed: true,
      }),
    );
    const { detail } = await sent;
    expect(detail).to.deep.equal({ umid: 'c-test-1', text: 'Lost words' });
    client.setStatus({
      connection: 'connected',
      outbox: [{ id: 'c-test-1', message: 'Lost words', state: 'failed', error: 'too_large' }],
    });
    await panel.updateComplete;
    const list = part(panel, 'cention-message-list') as CentionChatPanel;
    await list.updateComplete;
    const failed = [...shadow(list).querySelectorAll('.row')].at(-1) as HTMLElement;
    expect(failed.querySelector('.delivery')?.textContent).to.equal(
      'Not sent. It is too large to send.',
    );
    failed.querySelector<HTMLButtonElement>('.details button')?.click();
    expect(client.callsOf('retryMessage')).to.deep.equal([['c-test-1']]);
    await expect(panel).to.be.accessible();
  });

  it('says when the connection is lost', async () => {
    const client = new FakeClient();
    const panel = await startedPanel(client);
    client.setStatus({ connection: 'reconnecting', outbox: [] });
    await panel.updateComplete;
    expect(part(panel, '.banner')?.textContent).to.contain('Reconnecting');
    client.setStatus({ connection: 'connected', outbox: [] });
    await panel.updateComplete;
    expect(part(panel, '.banner')).to.equal(null);
  });

  it('resumes a stored session without showing the start form', async () => {
    const client = new FakeClient();
    client.resumeResult = { sessionId: 3, sessionSecret: 's', areaId: 5, clientName: 'Vera' };
    const panel = await renderPanel(client, { hasStoredSession: true });
    expect(part(panel, 'cention-start-form')).to.equal(null);
    expect(client.callsOf('tryResume').length).to.equal(1);
    expect(client.callsOf('canChat'), 'features of the resumed area').to.deep.equal([[5]]);
    expect(part(panel, 'cention-message-list')).to.be.instanceOf(HTMLElement);
  });

  it('falls back to the start form when the stored session cannot be resumed', async () => {
    const client = new FakeClient();
    client.resumeResult = { error: 'chat closed' };
    const panel = await renderPanel(client, { hasStoredSession: true });
    expect(part(panel, 'cention-start-form')).to.be.instanceOf(HTMLElement);
  });

  it('ends when the agent ends the chat, and tells the page', async () => {
    const client = new FakeClient();
    const panel = await startedPanel(client);
    setTimeout(() => client.fire('finish chat session', { by: 'agent' }));
    const ended = await oneEvent(panel, 'cention-chat-end');
    expect(ended.detail.by).to.equal('agent');
    await panel.updateComplete;
    const finished = part(panel, 'cention-chat-finished') as CentionChatPanel;
    await finished.updateComplete;
    expect(shadow(finished).textContent).to.contain('The agent ended the chat.');
    // Signed links (client/transcript-links.ts), made once the end view shows: no secret in them.
    const save = await waitFor(
      () => shadow(finished).querySelector<HTMLAnchorElement>('.save') ?? undefined,
      'the save link',
    );
    expect(save.href).to.match(/savehistory\?area=2&session=7&expires=\d+&signature=[\w-]{43}$/);
    expect(save.href).not.to.contain('secret-7');
    await expect(panel).to.be.accessible();
  });

  it('translates system texts to Swedish unless the page has its own I hook', async () => {
    const client = new FakeClient();
    const panel = await renderPanel(client, { lang: 'sv' });
    panel.controller.start({ name: 'Vera', email: 'v@example.com', message: 'Hej' });
    client.fire('chat message', {
      agent: 'Anna',
      client: 'Vera',
      chat: [
        agentMessage(structured({ event: 'AGENTS_ADDED', names: ['Anna'] }), { sender: 'SYSTEM' }),
      ],
    });
    await panel.updateComplete;
    const texts = () =>
      panel.controller.state.items.filter((i) => i.kind !== 'joined').map((i) => i.text);
    expect(texts()[0]).to.equal('Handläggare tillagda: Anna');
    client.I = (text) => (text.startsWith('Agent(s) added') ? 'Nya: {AGENT_NAMES}' : undefined);
    client.fire('chat message', {
      agent: 'Anna',
      client: 'Vera',
      chat: [
        agentMessage(structured({ event: 'AGENTS_ADDED', names: ['Bo'] }), { sender: 'SYSTEM' }),
      ],
    });
    expect(texts()[1]).to.equal('Nya: Bo');
    expect(part(panel, '[part="header"] .end')?.textContent?.trim()).to.equal('Avsluta chatten');
  });

  it('stops listening to the client when removed', async () => {
    const client = new FakeClient();
    const panel = await renderPanel(client);
    expect(client.handlerCount()).to.be.above(0);
    panel.remove();
    expect(client.handlerCount()).to.equal(0);
  });

  it('asks to be minimised from the header', async () => {
    const panel = await renderPanel();
    setTimeout(() => part(panel, '.minimise')?.click());
    await oneEvent(panel, 'cention-panel-minimise');
  });
});
