/**
 * `<cention-chat>` as integrators use it beyond one widget on a full page load: several widgets,
 * a single-page app removing and re-adding it, properties set by frameworks, the site's own
 * button (`hide-launcher`), sign-out, the call queue, and an upgrade from the widget that kept one
 * chat per site (`cention-chat.session`, before issue 11). The real element and client against
 * the scriptable fake server.
 */
import { aTimeout, expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CentionChatElement } from '../../src/embed.js';
import { moveSiteWideChat } from '../../src/client/site-wide-chat.js';
import { DETACH_GRACE_MS } from '../../src/components/chat/widget-instances.js';
import { startFakeServer, waitFor, type FakeServer } from '../support/fake-server-client.js';
import { shadow } from './helpers.js';

let server: FakeServer;

beforeEach(async () => {
  sessionStorage.clear();
  localStorage.clear();
  server = await startFakeServer();
});

afterEach(async () => {
  fixtureCleanup();
  for (const el of document.querySelectorAll('cention-chat')) el.remove();
  await aTimeout(DETACH_GRACE_MS + 50);
  await server.stop();
});

function newChat(area: number, attributes: Record<string, string> = {}): CentionChatElement {
  const el = document.createElement('cention-chat');
  el.baseUrl = server.baseURL;
  el.area = area;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

function find(el: Element, ...path: string[]): HTMLElement | undefined {
  let root: ParentNode | null = shadow(el);
  let found: Element | null = null;
  for (const selector of path) {
    found = root?.querySelector(selector) ?? null;
    if (!found) return undefined;
    root = found.shadowRoot ?? found;
  }
  return (found as HTMLElement | null) ?? undefined;
}

/** Starts a chat through the element's `start()`, as a site with a known visitor would. */
async function startChat(el: CentionChatElement, message = 'Hello'): Promise<void> {
  const started = await el.start({ name: 'Vera', email: 'vera@example.com', message });
  expect(started, 'start() started a chat').to.equal(true);
  await waitFor(() => find(el, 'cention-chat-panel', 'cention-message-list'), 'message list');
  await waitFor(() => el.client.sessionId !== undefined, 'the server answered register');
}

const liveConnections = () => server.openConnections();

describe('<cention-chat> on real sites', () => {
  it('keeps two widgets of different areas apart across a reload', async () => {
    const support = newChat(1);
    const sales = newChat(2);
    document.body.append(support, sales);
    await startChat(sales, 'About a quote');
    const [register] = await server.waitForFrames('register');
    expect(register?.data?.area).to.equal(2);
    support.remove();
    sales.remove(); // "reload"
    await aTimeout(DETACH_GRACE_MS + 50);

    const supportAgain = newChat(1);
    const salesAgain = newChat(2);
    document.body.append(supportAgain, salesAgain);
    await server.waitForFrames('resume');
    await waitFor(() => find(salesAgain, 'cention-chat-panel', 'cention-message-list'), 'resumed');
    await aTimeout(200);
    expect(await server.framesOfType('resume'), 'only the area-2 widget resumes').to.have.length(1);
    expect(find(supportAgain, 'cention-chat-panel', 'cention-message-list')).to.equal(undefined);
    expect((await server.sessions()).length, 'no second chat').to.equal(1);
  });

  it('two widgets of one area with different chat-ids keep their own chats', async () => {
    const first = newChat(2, { 'chat-id': 'orders' });
    const second = newChat(2, { 'chat-id': 'returns' });
    document.body.append(first, second);
    await startChat(first);
    expect(
      Object.keys(localStorage).filter((key) => key.startsWith('cention-chat.session')),
    ).to.have.length(1);
    await second.show();
    await waitFor(() => find(second, 'cention-chat-panel', 'cention-start-form'), 'start form');
  });

  it('closes the connection after removal, keeps it when moved, resumes with one socket', async () => {
    const el = newChat(2);
    document.body.append(el);
    await startChat(el);
    await waitFor(async () => (await liveConnections()).length === 1, 'connected');
    const [connection] = await liveConnections();

    // Moved in the DOM: the same connection goes on.
    const box = document.createElement('div');
    document.body.append(box);
    box.append(el);
    await aTimeout(DETACH_GRACE_MS + 100);
    expect(await liveConnections()).to.deep.equal([connection]);

    el.remove();
    await waitFor(async () => (await liveConnections()).length === 0, 'connection closed');

    document.body.append(el);
    await server.waitForFrames('resume');
    await waitFor(async () => (await liveConnections()).length === 1, 'one connection again');
    await aTimeout(300);
    expect(await liveConnections()).to.have.length(1);
    box.remove();
  });

  it('a new widget of the same chat takes over from one just removed (SPA route change)', async () => {
    const old = newChat(2);
    document.body.append(old);
    await startChat(old);
    old.remove();
    const next = newChat(2);
    document.body.append(next);
    await server.waitForFrames('resume');
    await waitFor(async () => (await liveConnections()).length === 1, 'the new widget connected');
    await aTimeout(DETACH_GRACE_MS + 100);
    expect(await liveConnections(), 'never two sockets for the chat').to.have.length(1);
  });

  it('reflects its attributes as typed properties; open is state, show/hide/toggle act', async () => {
    const el = newChat(3);
    el.areaName = 'Sales';
    el.transcript = true;
    el.lang = 'sv';
    document.body.append(el);
    expect(el.getAttribute('area')).to.equal('3');
    expect(el.getAttribute('base-url')).to.equal(server.baseURL);
    expect(el.hasAttribute('transcript')).to.equal(true);
    expect(el.position).to.equal('bottom-end');

    const opened = oneEvent(el, 'cention-chat-open');
    el.open = true;
    await opened;
    expect(el.hasAttribute('open')).to.equal(true);
    await waitFor(() => find(el, 'cention-chat-panel'), 'panel loads when open is set');
    el.removeAttribute('open');
    expect(el.open).to.equal(false);
    await el.toggle();
    expect(el.open).to.equal(true);
    el.hide();
    expect(el.open).to.equal(false);
  });

  it('hide-launcher: the page opens it from its own button, and focus returns there', async () => {
    const page = await fixture<HTMLDivElement>(html`
      <div>
        <button id="help">Chat with us</button>
        <cention-chat hide-launcher base-url=${server.baseURL} area="2"></cention-chat>
      </div>
    `);
    const el = page.querySelector('cention-chat') as CentionChatElement;
    const button = page.querySelector('#help') as HTMLButtonElement;
    expect((find(el, '[part="launcher"]') as HTMLButtonElement).hidden).to.equal(true);
    button.addEventListener('click', () => void el.show());
    button.focus();
    button.click();
    await waitFor(() => find(el, 'cention-chat-panel', 'cention-start-form'), 'start form');
    await waitFor(() => el.matches(':focus-within'), 'focus moved into the panel');
    await sendKeys({ press: 'Escape' });
    expect(el.open).to.equal(false);
    expect(document.activeElement).to.equal(button);
  });

  it('logout() ends the chat on the server and forgets it here', async () => {
    const el = newChat(2);
    document.body.append(el);
    await startChat(el);
    await el.logout();
    await server.waitForFrames('close chat');
    expect(
      Object.keys(localStorage).some((key) => key.startsWith('cention-chat.session')),
    ).to.equal(false);
    expect(el.open).to.equal(false);
    await el.show();
    await waitFor(() => find(el, 'cention-chat-panel', 'cention-start-form'), 'a fresh form');
  });

  it('the call queue runs calls made before a widget was on the page', async () => {
    window.centionChat?.('show', '#later');
    window.centionChat?.('bogus' as 'show');
    const el = newChat(2);
    el.id = 'later';
    document.body.append(el);
    await waitFor(() => el.open && find(el, 'cention-chat-panel'), 'opened by the queued call');
    expect(el).to.be.instanceOf(CentionChatElement);
  });
});

/**
 * A chat started on the server and left in storage the way the earlier widget kept it: the
 * session under the site-wide name, an unsent message in the site-wide outbox, the panel open.
 */
async function oldVersionChat(area: number): Promise<{ sessionId: number }> {
  const el = newChat(area);
  document.body.append(el);
  expect(await el.start({ name: 'Vera', email: 'vera@example.com', message: 'Hello' })).to.equal(
    true,
  );
  await waitFor(() => el.client.sessionId !== undefined, 'the server answered register');
  const session = {
    sessionId: el.client.sessionId,
    sessionSecret: el.client.sessionSecret,
    areaId: area,
  };
  el.remove();
  await aTimeout(DETACH_GRACE_MS + 50);
  localStorage.clear();
  sessionStorage.clear();
  localStorage.setItem('cention-chat.session', JSON.stringify(session));
  sessionStorage.setItem(
    'cention-chat.outbox',
    JSON.stringify([{ id: 'c-old-1', message: 'Are you still there?', state: 'sending' }]),
  );
  sessionStorage.setItem('cention-chat.open', '1');
  await server.clearLogs();
  return { sessionId: session.sessionId ?? 0 };
}

describe('<cention-chat> after an upgrade from one chat per site', () => {
  it('resumes the chat kept under the old site-wide names, then forgets those names', async () => {
    const { sessionId } = await oldVersionChat(2);
    const el = newChat(2);
    document.body.append(el);

    const [resume] = await server.waitForFrames('resume');
    expect(resume?.data?.sessionId, 'the same chat resumed').to.equal(sessionId);
    await waitFor(
      () => find(el, 'cention-chat-panel', 'cention-message-list'),
      'the chat shown, not a start form',
    );
    expect(el.open, 'open as the visitor left it').to.equal(true);
    const sent = await server.waitForFrames('chat message');
    expect(sent.map((frame) => frame.data?.message)).to.include('Are you still there?');

    expect(localStorage.getItem('cention-chat.session'), 'old name deleted').to.equal(null);
    expect(sessionStorage.getItem('cention-chat.outbox')).to.equal(null);
    expect(sessionStorage.getItem('cention-chat.open')).to.equal(null);
    const scoped = Object.keys(localStorage).filter((key) =>
      key.startsWith('cention-chat.session:'),
    );
    expect(scoped, 'kept under the widget’s own name').to.have.length(1);

    // Once: the next page finds the chat under the new name (nothing left to move).
    el.remove();
    await aTimeout(DETACH_GRACE_MS + 50);
    await server.clearLogs();
    document.body.append(newChat(2));
    const [again] = await server.waitForFrames('resume');
    expect(again?.data?.sessionId).to.equal(sessionId);
  });

  it('leaves an old chat of another area where it is', async () => {
    await oldVersionChat(3);
    const stored = localStorage.getItem('cention-chat.session');
    const el = newChat(2);
    el.open = true;
    document.body.append(el);
    await waitFor(() => find(el, 'cention-chat-panel', 'cention-start-form'), 'a fresh start form');
    await aTimeout(200);
    expect(await server.framesOfType('resume'), 'nothing resumed').to.have.length(0);
    expect(localStorage.getItem('cention-chat.session')).to.equal(stored);
    expect(sessionStorage.getItem('cention-chat.outbox')).to.not.equal(null);
  });
});

describe('moveSiteWideChat', () => {
  const old = { sessionId: 7, sessionSecret: 's', areaId: 2 };
  const location = { kind: 'localStorage', scope: 'https://chat.example/s/w#2' } as const;

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  afterEach(() => {
    for (const entry of document.cookie.split('; ').filter(Boolean)) {
      document.cookie = `${entry.split('=')[0]}=; path=/; max-age=0`;
    }
  });

  it('does not overwrite a chat the widget already keeps under its own name', () => {
    const own = JSON.stringify({ sessionId: 9, sessionSecret: 't', areaId: 2 });
    localStorage.setItem(`cention-chat.session:${location.scope}`, own);
    localStorage.setItem('cention-chat.session', JSON.stringify(old));
    expect(moveSiteWideChat(location, 2)).to.equal(false);
    expect(localStorage.getItem(`cention-chat.session:${location.scope}`)).to.equal(own);
    expect(localStorage.getItem('cention-chat.session')).to.equal(JSON.stringify(old));
  });

  it('moves a cookie-kept chat and writes nothing when there is none', () => {
    expect(moveSiteWideChat(location, 2)).to.equal(false);
    expect(localStorage.length + sessionStorage.length).to.equal(0);
    document.cookie = `cention-chat.session=${encodeURIComponent(JSON.stringify(old))}; path=/`;
    const cookie = { kind: 'cookie', scope: location.scope } as const;
    expect(moveSiteWideChat(cookie, 2)).to.equal(true);
    expect(document.cookie).to.not.contain('cention-chat.session=');
    expect(document.cookie).to.contain(encodeURIComponent(JSON.stringify(old)));
  });
});
