/**
 * The panel and its ChatController, driven by a fake client: every state the client's events can
 * lead to, rendered from those events alone.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CentionChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import { FakeClient, openCanChat } from './fake-client.js';
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
    const form = part(panel, 'cention-start-form') as HTMLElement;
    await (form as CentionChatPanel).updateComplete;
    expect(shadow(form).textContent).to.contain('Mon–Fri 8–17');
    await expect(panel).to.be.accessible();
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
      const form = part(panel, 'cention-start-form') as HTMLElement;
      await (form as CentionChatPanel).updateComplete;
      expect(shadow(form).querySelector('h2')?.textContent).to.equal(title);
      expect(client.callsOf('resetChat').length).to.equal(1);
      await expect(panel).to.be.accessible();
    });
  }

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
      outbox: [{ id: 'c-test-1', message: 'Lost words', state: 'failed' }],
    });
    await panel.updateComplete;
    const list = part(panel, 'cention-message-list') as CentionChatPanel;
    await list.updateComplete;
    const failed = [...shadow(list).querySelectorAll('.row')].at(-1) as HTMLElement;
    expect(failed.querySelector('.delivery')?.textContent).to.equal('Not sent.');
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
    expect(shadow(finished).querySelector<HTMLAnchorElement>('.save')?.href).to.contain(
      'savehistory?area=2&secret=secret-7',
    );
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
