/**
 * Upgrading from a widget that kept one chat per site (`cention-chat.session`, before issue 11) to
 * one that keeps each widget's chat under its chat server, area and `chat-id`: a visitor's chat in
 * progress goes on after the upgrade. The real element and client against the fake server; the
 * old version's storage is written as it wrote it.
 */
import { aTimeout, expect, fixtureCleanup } from '@open-wc/testing';
import '../../src/embed.js';
import type { CentionChatElement } from '../../src/embed.js';
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
  sessionStorage.clear();
  localStorage.clear();
  await server.stop();
});

function newChat(area: number): CentionChatElement {
  const el = document.createElement('cention-chat');
  el.baseUrl = server.baseURL;
  el.area = area;
  return el;
}

const panelOf = (el: Element) => shadow(el).querySelector('cention-chat-panel');
const viewOf = (el: Element, selector: string) => panelOf(el)?.shadowRoot?.querySelector(selector);

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
    await waitFor(() => viewOf(el, 'cention-message-list'), 'the chat shown, not a start form');
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
    await waitFor(() => viewOf(el, 'cention-start-form'), 'a fresh start form');
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
