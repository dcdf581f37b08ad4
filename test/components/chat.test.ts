/**
 * The real `<cention-chat>` with the real client against the scriptable fake server
 * (test/support): what a visitor does, end to end, with keyboard paths and axe in each state.
 */
import { aTimeout, expect, fixture, fixtureCleanup, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { CentionChatElement } from '../../src/embed.js';
import type { CentionChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import { startFakeServer, waitFor, type FakeServer } from '../support/fake-server-client.js';
import { shadow, structured } from './helpers.js';

let server: FakeServer;

beforeEach(async () => {
  sessionStorage.clear();
  localStorage.clear();
  server = await startFakeServer();
});

afterEach(async () => {
  fixtureCleanup();
  await server.stop();
});

async function renderChat(attributes = ''): Promise<CentionChatElement> {
  const wrapper = await fixture<HTMLDivElement>(
    // Attributes vary per test; the markup is ours, so building it as a string is safe here.
    `<div><cention-chat base-url="${server.baseURL}" area="2" ${attributes}></cention-chat></div>`,
  );
  return wrapper.querySelector('cention-chat') as CentionChatElement;
}

const launcher = (el: CentionChatElement) =>
  shadow(el).querySelector('[part="launcher"]') as HTMLButtonElement;

const panelOf = (el: CentionChatElement) =>
  shadow(el).querySelector('cention-chat-panel') as CentionChatPanel | null;

/**
 * Finds an element inside the panel's nested shadow roots; undefined (not null) when missing, so
 * `waitFor(() => find(…))` keeps waiting.
 */
function find<T extends Element = HTMLElement>(
  el: CentionChatElement,
  ...path: string[]
): T | undefined {
  let root: ParentNode | null = shadow(el);
  let found: Element | null = null;
  for (const selector of path) {
    found = root?.querySelector(selector) ?? null;
    root = found?.shadowRoot ?? found;
  }
  return (found as T | null) ?? undefined;
}

const deepActiveElement = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

async function startChat(el: CentionChatElement): Promise<void> {
  await el.show();
  const form = await waitFor(() => find(el, 'cention-chat-panel', 'cention-start-form'), 'form');
  const root = shadow(form);
  await waitFor(() => root.querySelector('[name="name"]'), 'name field');
  (root.querySelector('[name="name"]') as HTMLInputElement).value = 'Vera';
  (root.querySelector('[name="email"]') as HTMLInputElement).value = 'vera@example.com';
  (root.querySelector('[name="message"]') as HTMLTextAreaElement).value = 'Where is my parcel?';
  (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
  await server.waitForFrames('register');
  await waitFor(() => find(el, 'cention-chat-panel', 'cention-message-list'), 'message list');
}

const messageTexts = (el: CentionChatElement): string[] => {
  const list = find(el, 'cention-chat-panel', 'cention-message-list');
  if (!list?.shadowRoot) return [];
  return messageRows(el).map(
    (row) => row.querySelector('.bubble')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );
};

/** The log's rows of messages (without the widget's own "joined" lines). */
function messageRows(el: CentionChatElement): Element[] {
  const list = find(el, 'cention-chat-panel', 'cention-message-list');
  return [...(list?.shadowRoot?.querySelectorAll('.row') ?? [])].filter(
    (row) => !row.querySelector('.system') || !row.textContent?.includes('joined the chat'),
  );
}

describe('<cention-chat>', () => {
  it('draws only the launcher: no panel, no connection, nothing stored before a chat', async () => {
    const el = await renderChat();
    expect(launcher(el).getAttribute('aria-label')).to.equal('Open chat');
    expect(launcher(el).getAttribute('aria-expanded')).to.equal('false');
    expect(panelOf(el)).to.equal(null);
    await aTimeout(50);
    expect(await server.received()).to.deep.equal([]);
    expect(await server.httpRequests()).to.deep.equal([]);
    expect(sessionStorage.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('opens with the launcher, moves focus in, and Escape closes it back to the launcher', async () => {
    const el = await renderChat();
    launcher(el).focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    await oneEvent(el, 'cention-chat-open');
    expect(el.hasAttribute('open')).to.equal(true);
    const nameField = await waitFor(
      () => deepActiveElement()?.getAttribute('name') === 'name' && deepActiveElement(),
      'focus in the name field',
    );
    expect(nameField).to.be.instanceOf(HTMLInputElement);
    expect(launcher(el).getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    expect(await server.openConnections(), 'opening is not starting a chat').to.deep.equal([]);
    expect(sessionStorage.length, 'nothing stored by opening').to.equal(0);

    setTimeout(() => sendKeys({ press: 'Escape' }));
    await oneEvent(el, 'cention-chat-close');
    expect(el.hasAttribute('open')).to.equal(false);
    expect(shadow(el).activeElement).to.equal(launcher(el));
    expect((shadow(el).querySelector('[part="panel"]') as HTMLElement).hidden).to.equal(true);
  });

  it('runs a whole chat: start, queue, send with Enter, receive, end with transcript', async () => {
    const el = await renderChat('transcript');
    const started = oneEvent(el, 'cention-chat-start');
    await startChat(el);
    expect((await started).detail).to.deep.equal({
      area: 2,
      name: 'Vera',
      email: 'vera@example.com',
    });
    const [register] = await server.framesOfType('register');
    expect(register?.data).to.include({ area: 2, name: 'Vera', message: 'Where is my parcel?' });
    await waitFor(() => find(el, 'cention-chat-panel', 'cention-queue-status'), 'queue status');
    expect(
      find(el, 'cention-chat-panel', 'cention-queue-status', '[role="status"]')?.textContent,
    ).to.contain('You are next in the queue.');
    await waitFor(
      () => messageTexts(el).some((t) => t.includes('Where is my parcel?')),
      'question',
    );
    await expect(el).to.be.accessible();

    // Focus went to the composer after starting; Enter sends.
    await waitFor(() => deepActiveElement()?.localName === 'textarea', 'focus in the composer');
    await sendKeys({ type: 'Any news?' });
    const send = oneEvent(el, 'cention-message-send');
    await sendKeys({ press: 'Enter' });
    expect((await send).detail.text).to.equal('Any news?');
    const [frame] = await server.waitForFrames('chat message');
    expect(frame?.data?.message).to.equal('Any news?');
    await waitFor(
      () => messageRows(el)[1]?.querySelector('.delivery')?.textContent === 'Sent',
      'the message marked sent',
    );

    const received = oneEvent(el, 'cention-message-receive');
    await server.pushMessage('It ships <b>today</b>.', { agent: 'Anna' });
    expect((await received).detail.message.text).to.equal('It ships <b>today</b>.');
    await waitFor(() => messageTexts(el).some((t) => t.includes('It ships today.')), 'reply');
    expect(find(el, 'cention-chat-panel', 'h2')?.textContent, 'header names the agent').to.equal(
      'Anna',
    );
    expect(find(el, 'cention-chat-panel', 'cention-queue-status')).to.equal(undefined);

    // End chat: header button → confirmation → finished.
    find(el, 'cention-chat-panel', '.end')?.click();
    const confirm = await waitFor(
      () => find(el, 'cention-chat-panel', 'cention-end-confirm'),
      'confirmation',
    );
    await expect(el).to.be.accessible();
    const ended = oneEvent(el, 'cention-chat-end');
    shadow(confirm).querySelector<HTMLButtonElement>('.confirm')?.click();
    expect((await ended).detail.by).to.equal('client');
    await server.waitForFrames('close chat');
    const finished = await waitFor(
      () => find(el, 'cention-chat-panel', 'cention-chat-finished'),
      'finished state',
    );
    await (finished as CentionChatPanel).updateComplete;
    const save = await waitFor(
      () => shadow(finished).querySelector<HTMLAnchorElement>('.save') ?? undefined,
      'the save link',
    );
    expect(save.href).to.contain(`${server.baseURL}/socket/external.api/savehistory?`);
    expect(shadow(finished).querySelector('.print')).to.be.instanceOf(HTMLAnchorElement);
    const composer = find(el, 'cention-chat-panel', 'cention-composer', 'textarea');
    expect((composer as HTMLTextAreaElement).readOnly, 'the composer is read-only').to.equal(true);
    await waitFor(
      () => deepActiveElement()?.classList.contains('restart'),
      'focus on "Start a new chat"',
    );
    await expect(el).to.be.accessible();

    // Start a new chat: back to the start form.
    shadow(finished).querySelector<HTMLButtonElement>('.restart')?.click();
    await waitFor(() => find(el, 'cention-chat-panel', 'cention-start-form'), 'start form again');
  });

  it('stops waiting when an agent accepts the chat, announced with an empty chat array', async () => {
    const el = await renderChat();
    await startChat(el);
    await waitFor(() => find(el, 'cention-chat-panel', 'cention-queue-status'), 'queue status');
    // The reference server announces the agent this way, before the agent writes anything.
    await server.emit('chat message', { agent: 'Alice', client: 'Vera', chat: [] });
    await waitFor(
      () => find(el, 'cention-chat-panel', 'h2')?.textContent === 'Alice',
      'the header names the agent',
    );
    expect(find(el, 'cention-chat-panel', 'cention-queue-status')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('exposes its parts to page styles through every shadow root', async () => {
    const style = document.createElement('style');
    style.textContent = [
      'launcher',
      'panel',
      'header',
      'messages',
      'message',
      'composer',
      'send-button',
    ]
      .map(
        (name, index) => `cention-chat::part(${name}) { outline: 1px solid rgb(${index}, 1, 2); }`,
      )
      .join('\n');
    document.head.append(style);
    try {
      const el = await renderChat();
      await startChat(el);
      await waitFor(() => messageTexts(el).length > 0, 'a message');
      const outline = (element: Element | null | undefined) =>
        element ? getComputedStyle(element).outlineColor : 'missing';
      const panel = 'cention-chat-panel';
      const list = [panel, 'cention-message-list'];
      expect(outline(launcher(el))).to.equal('rgb(0, 1, 2)');
      expect(outline(shadow(el).querySelector('[part="panel"]'))).to.equal('rgb(1, 1, 2)');
      expect(outline(find(el, panel, '[part="header"]'))).to.equal('rgb(2, 1, 2)');
      expect(outline(find(el, ...list, '[part="messages"]'))).to.equal('rgb(3, 1, 2)');
      expect(outline(find(el, ...list, '[part="message"]'))).to.equal('rgb(4, 1, 2)');
      expect(outline(find(el, panel, 'cention-composer', '[part="composer"]'))).to.equal(
        'rgb(5, 1, 2)',
      );
      expect(outline(find(el, panel, 'cention-composer', '[part="send-button"]'))).to.equal(
        'rgb(6, 1, 2)',
      );
    } finally {
      style.remove();
    }
  });

  it('counts unread agent messages on the launcher badge while closed', async () => {
    const el = await renderChat();
    await startChat(el);
    await el.close();
    const change = oneEvent(el, 'cention-unread-change');
    await server.pushMessage('Are you still there?');
    expect((await change).detail.count).to.equal(1);
    const badge = shadow(el).querySelector('.badge') as HTMLElement;
    expect(badge.hidden).to.equal(false);
    expect(badge.textContent).to.equal('1');
    expect(launcher(el).getAttribute('aria-label')).to.equal('Open chat, 1 unread message');
    await expect(el).to.be.accessible();
    const cleared = oneEvent(el, 'cention-unread-change');
    await el.show();
    expect((await cleared).detail.count).to.equal(0);
    expect(badge.hidden).to.equal(true);
    const [seen] = await server.waitForFrames('seen');
    expect(seen?.data?.ids).to.be.an('array').with.length.above(0);
  });

  it('sanitises hostile agent HTML coming through the real client', async () => {
    const el = await renderChat();
    await startChat(el);
    await server.pushMessage(
      '<img src="data:image/png;base64,AAAA" onerror="window.__chatPwned = 1"><a href="javascript:window.__chatPwned = 1">x</a><script>window.__chatPwned = 1</script>ok',
    );
    await waitFor(() => messageTexts(el).some((t) => t.includes('ok')), 'hostile message');
    const message = messageRows(el)[1];
    expect(message?.querySelector('[onerror], script')).to.equal(null);
    expect(message?.querySelector('a')?.getAttribute('href') ?? null).to.equal(null);
    await aTimeout(50);
    expect((window as unknown as { __chatPwned?: number }).__chatPwned).to.equal(undefined);
  });

  it('attaches an image: progress, then a thumbnail the server serves', async () => {
    const el = await renderChat();
    await startChat(el);
    const png = Uint8Array.from(
      atob(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      ),
      (c) => c.charCodeAt(0),
    );
    const composer = find(el, 'cention-chat-panel', 'cention-composer') as HTMLElement & {
      addFiles(files: File[]): Promise<void>;
    };
    await composer.addFiles([new File([png], 'dot.png', { type: 'image/png' })]);
    await server.waitForFrames('add attachment');
    const image = await waitFor(
      () =>
        messageRows(el)
          .map((row) => row.querySelector<HTMLImageElement>('img.thumbnail'))
          .find((img) => img && img.complete && img.naturalWidth > 0) ?? undefined,
      'a loaded thumbnail',
    );
    expect(image.alt).to.equal('Open dot.png full size');
    expect(new URL(image.src).searchParams.get('t'), 'the session secret').to.be.a('string');
    await expect(el).to.be.accessible();
  });

  it('robot templates: postback buttons send {title, data} and show the choice', async () => {
    const el = await renderChat();
    await startChat(el);
    await server.pushMessage(
      structured({
        event: 'TEMPLATE',
        template: {
          type: 'button',
          text: 'What do you need?',
          buttons: [
            { type: 'url', title: 'Track parcel', url: 'https://example.com/track' },
            { type: 'postback', title: 'Talk to a human', data: 'handover' },
          ],
        },
      }),
      { agent: 'Bot' },
    );
    await waitFor(() => messageTexts(el).some((t) => t.includes('What do you need?')), 'template');
    const templateMessage = messageRows(el)[1];
    const link = templateMessage?.querySelector<HTMLAnchorElement>('.buttons a');
    expect(link?.href).to.equal('https://example.com/track');
    expect(link?.rel).to.equal('noopener noreferrer');
    await expect(el).to.be.accessible();
    const button = templateMessage?.querySelector<HTMLButtonElement>('.buttons button');
    button?.focus();
    await sendKeys({ press: 'Enter' });
    const [postback] = await server.waitForFrames('postback');
    expect(postback?.data).to.deep.equal({ title: 'Talk to a human', data: 'handover' });
    await waitFor(
      () => messageTexts(el).some((t) => t.includes('You chose: Talk to a human')),
      'the choice in the log',
    );
    expect(button?.getAttribute('aria-pressed')).to.equal('true');
  });

  it('resumes a live chat on the next page without flashing the start form', async () => {
    const first = await renderChat();
    await startChat(first);
    await server.pushMessage('Welcome back soon');
    await waitFor(() => messageTexts(first).some((t) => t.includes('Welcome back soon')), 'reply');
    fixtureCleanup(); // "navigate away"

    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const seenViews = new Set<string>();
    const second = document.createElement('cention-chat') as CentionChatElement;
    second.setAttribute('base-url', server.baseURL);
    second.setAttribute('area', '2');
    wrapper.append(second);
    await waitFor(() => {
      const panel = panelOf(second);
      if (panel) seenViews.add(panel.controller.state.view);
      if (find(second, 'cention-chat-panel', 'cention-start-form')) seenViews.add('start-form');
      return messageTexts(second).some((t) => t.includes('Welcome back soon'));
    }, 'history after resume');
    expect([...seenViews]).to.not.include('start-form');
    expect([...seenViews]).to.not.include('start');
    const [resume] = await server.waitForFrames('resume');
    expect(resume?.data?.sessionId).to.be.a('number');
    expect(second.hasAttribute('open'), 'the panel was open when the visitor left').to.equal(true);
    const live = find(second, 'cention-chat-panel', 'cention-message-list', '[aria-live="polite"]');
    expect(live?.textContent?.trim(), 'history is not read out again').to.equal('');
    wrapper.remove();
  });

  it('resumes a long chat with the newest page and loads older pages by scrolling up, none announced', async () => {
    const first = await renderChat();
    await startChat(first);
    for (let n = 1; n <= 70; n++) await server.pushMessage(`Answer ${n}`);
    await waitFor(() => messageTexts(first).some((t) => t.includes('Answer 70')), 'all answers');
    fixtureCleanup(); // "navigate away"

    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const second = document.createElement('cention-chat') as CentionChatElement;
    second.setAttribute('base-url', server.baseURL);
    second.setAttribute('area', '2');
    wrapper.append(second);
    await waitFor(() => messageTexts(second).some((t) => t.includes('Answer 70')), 'newest page');
    const [resume] = await server.waitForFrames('resume');
    expect(resume?.data).to.include({ historyLimit: 50 });
    const log = find(second, 'cention-chat-panel', 'cention-message-list', '.log') as HTMLElement;
    await waitFor(() => log.scrollTop > 0, 'at the newest message');
    log.scrollTop = 0;
    await waitFor(() => messageTexts(second).length === 71, 'every message after paging');
    expect(messageTexts(second)[0], 'the first question, paged in last').to.match(/^You: /);
    const live = find(second, 'cention-chat-panel', 'cention-message-list', '[aria-live="polite"]');
    expect(live?.textContent?.trim(), 'history is not read out').to.equal('');
    wrapper.remove();
  });

  it('an agent ending the chat while the visitor types keeps the draft and the focus', async () => {
    const el = await renderChat();
    await startChat(el);
    await waitFor(() => deepActiveElement()?.localName === 'textarea', 'focus in the composer');
    await sendKeys({ type: 'Half a thought' });
    await server.finishSession('agent');
    await waitFor(() => find(el, 'cention-chat-panel', 'cention-chat-finished'), 'finished');
    await aTimeout(50);
    const field = deepActiveElement() as HTMLTextAreaElement | null;
    expect(field?.localName, 'focus stays in the composer').to.equal('textarea');
    expect(field?.value).to.equal('Half a thought');
    expect(field?.readOnly).to.equal(true);
  });

  it('speaks the page language, follows RTL, and themes dark', async () => {
    const el = await renderChat('lang="sv" dir="rtl" theme="dark"');
    expect(launcher(el).getAttribute('aria-label')).to.equal('Öppna chatten');
    const box = launcher(el).getBoundingClientRect();
    expect(box.left, 'bottom-end is the left side in RTL').to.be.below(window.innerWidth / 2);
    const background = getComputedStyle(launcher(el)).backgroundColor;
    expect(background).to.equal('rgb(168, 199, 250)');
    await el.show();
    const submit = await waitFor(
      () => find(el, 'cention-chat-panel', 'cention-start-form', 'button[type="submit"]'),
      'form',
    );
    expect(submit.textContent?.trim()).to.equal('Starta chatten');
    await expect(el).to.be.accessible();
  });

  it('sits in the page when inline, and prefill fills the form', async () => {
    const el = await renderChat('inline');
    el.prefill({ name: 'Vera', email: 'vera@example.com' });
    expect(shadow(el).querySelector<HTMLElement>('[part="launcher"]')?.hidden).to.equal(true);
    const nameField = await waitFor(
      () => find<HTMLInputElement>(el, 'cention-chat-panel', 'cention-start-form', '[name="name"]'),
      'inline form',
    );
    expect(nameField.value).to.equal('Vera');
    expect(find(el, 'cention-chat-panel', '[role="region"]')).to.be.instanceOf(HTMLElement);
    expect(find(el, 'cention-chat-panel', '.minimise')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('fills a small screen, sized to the visual viewport, with 16 px inputs', async () => {
    await setViewport({ width: 400, height: 700 });
    try {
      const el = await renderChat();
      await el.show();
      const nameField = await waitFor(
        () =>
          find<HTMLInputElement>(el, 'cention-chat-panel', 'cention-start-form', '[name="name"]'),
        'form',
      );
      const box = (
        shadow(el).querySelector('[part="panel"]') as HTMLElement
      ).getBoundingClientRect();
      expect(box.width).to.equal(400);
      expect(box.top).to.equal(window.visualViewport?.offsetTop ?? 0);
      expect(box.height).to.equal(Math.round(window.visualViewport?.height ?? 0));
      expect(getComputedStyle(nameField).fontSize).to.equal('16px');
      expect(getComputedStyle(launcher(el)).display, 'the panel covers the launcher').to.equal(
        'none',
      );
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('on a small screen the open panel is modal: the page behind is inert, Tab stays in the panel', async () => {
    await setViewport({ width: 400, height: 700 });
    const page = document.createElement('nav');
    page.innerHTML = '<a href="#one">Page link</a> <button>Page button</button>';
    document.body.prepend(page);
    try {
      const el = await renderChat();
      await el.show();
      await waitFor(
        () => find(el, 'cention-chat-panel', 'cention-start-form', '[name="name"]'),
        'form',
      );
      expect(page.inert, 'the page behind the panel').to.equal(true);
      for (let press = 0; press < 12; press++) {
        await sendKeys({ press: 'Tab' });
        expect(page.contains(document.activeElement), 'Tab reached the page').to.equal(false);
      }
      el.hide();
      expect(page.inert, 'given back when the panel closes').to.equal(false);
    } finally {
      page.remove();
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('keeps the original global factory, and a second copy of the script does not throw', async () => {
    expect(window._CentionChat).to.be.a('function');
    const CentionChat = window._CentionChat?.();
    if (!CentionChat) throw new Error('no factory');
    CentionChat.baseURL = server.baseURL;
    const result = await new Promise<{ chatOpen: boolean }>((resolve) =>
      CentionChat.canChat(resolve, 2),
    );
    expect(result.chatOpen).to.equal(true);
    // A second copy of the entry (another URL, so the module runs again).
    await import(/* @vite-ignore */ `../../src/embed.ts?copy=${Date.now()}`);
    expect(customElements.get('cention-chat')).to.equal(CentionChatElement);
  });
});
