/**
 * Page context (issue 11): the page a visitor starts on and each route change of a single-page app
 * reach the agents of the chat, checked (http/https only, length caps, a rate per chat) and kept
 * as text.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import { PAGE_RATE } from '../../demo/server/engine/page-visits.js';
import type { PageVisit } from '../../src/protocol/index.js';
import { Agent, errorCode, firstArg, Visitor } from './support/chat-clients.js';
import { startTestServer } from './support/test-server.js';

let server: RunningServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

async function chatWithAgent(fields: Record<string, unknown> = {}) {
  const visitor = await Visitor.connect(server.baseURL);
  const session = await visitor.register({
    href: 'https://shop.example/products/router?ref=ad',
    pageTitle: 'Router NB-1000 – Shop',
    ...fields,
  });
  const alice = await Agent.signIn(server.baseURL, 'Alice');
  const chat = await alice.accept(session.sessionId);
  return { visitor, alice, session, chat };
}

it('the start page and each route change reach the agent, in order', async () => {
  const { visitor, alice, session, chat } = await chatWithAgent();
  assert.deepEqual(
    chat.pages?.map(({ url, title }) => ({ url, title })),
    [{ url: 'https://shop.example/products/router?ref=ad', title: 'Router NB-1000 – Shop' }],
  );
  visitor.socket.send('page', { url: 'https://shop.example/checkout#step-2', title: 'Checkout' });
  const event = await alice.socket.waitFor(
    'page',
    (f) => f.args[0].sessionId === session.sessionId,
  );
  assert.equal(event.args[0].page.url, 'https://shop.example/checkout#step-2');
  assert.equal(event.args[0].page.title, 'Checkout');
  assert.equal(typeof event.args[0].page.at, 'number');

  // The same page again (a title-less re-render) is not news.
  visitor.socket.send('page', { url: 'https://shop.example/checkout#step-2', title: 'Checkout' });
  visitor.socket.send('page', { url: 'https://shop.example/thanks', title: 'Thanks' });
  const next = await alice.socket.waitFor('page', (f) => f.args[0].sessionId === session.sessionId);
  assert.equal(next.args[0].page.url, 'https://shop.example/thanks');

  // A console that opens the chat later sees the history, oldest first.
  const bob = await Agent.signIn(server.baseURL, 'Alice');
  const reopened = await bob.socket.request('chat', { sessionId: session.sessionId }, 'chat');
  const pages = firstArg<{ pages: PageVisit[] }>(reopened).pages.map((page) => page.title);
  assert.deepEqual(pages, ['Router NB-1000 – Shop', 'Checkout', 'Thanks']);
  bob.close();
  alice.close();
  visitor.close();
});

it('refuses what is not an http(s) page, and caps lengths', async () => {
  const { visitor, alice } = await chatWithAgent();
  const refused = [
    { url: 'javascript:alert(1)', title: 'x' },
    { url: 'data:text/html,<script>alert(1)</script>' },
    { url: 'file:///etc/passwd' },
    { url: '/relative/path' },
    { url: `https://shop.example/${'a'.repeat(2000)}` },
    { url: 'https://shop.example/', title: 't'.repeat(301) },
    { url: 42 },
    { url: 'https://shop.example/', title: { html: '<b>' } },
  ];
  for (const data of refused) {
    const answer = await visitor.socket.requestUnchecked('page', data);
    assert.equal(errorCode(answer), 'bad_frame', JSON.stringify(data).slice(0, 80));
  }
  // Markup in a title is kept as text (the console renders text); controls are removed.
  visitor.socket.send('page', {
    url: 'https://shop.example/x',
    title: '<img src=x onerror=alert(1)>\u202E\n',
  });
  const event = await alice.socket.waitFor('page', () => true);
  assert.equal(event.args[0].page.title, '<img src=x onerror=alert(1)>');
  alice.close();
  visitor.close();
});

it('a start page that is not http(s) is left out, and the chat still starts', async () => {
  const { visitor, alice, chat } = await chatWithAgent({ href: 'file:///home/me/page.html' });
  assert.deepEqual(chat.pages, []);
  alice.close();
  visitor.close();
});

it('limits route changes per chat', async () => {
  const { visitor, alice } = await chatWithAgent();
  const over = 5;
  for (let index = 0; index < PAGE_RATE.burst + over; index += 1) {
    visitor.socket.send('page', { url: `https://shop.example/p/${index}` });
  }
  // Accepted page frames have no answer; each one over the rate is answered `rate_limited`.
  for (let index = 0; index < over; index += 1) {
    const refused = await visitor.socket.waitForAny((frame) => frame.event === 'error');
    assert.equal(errorCode(refused), 'rate_limited');
  }
  for (let index = 0; index < PAGE_RATE.burst; index += 1) {
    const shown = await alice.socket.waitFor('page', () => true);
    assert.equal(shown.args[0].page.url, `https://shop.example/p/${index}`);
  }
  // A marker sent after the rest: when it is answered, nothing more is on its way.
  assert.equal(errorCode(await visitor.socket.requestUnchecked('page', { url: 'x' })), 'bad_frame');
  assert.equal(
    alice.socket.received.filter((frame) => frame.event === 'page').length,
    PAGE_RATE.burst,
  );
  alice.close();
  visitor.close();
});

it('a page frame before register is no_session', async () => {
  const visitor = await Visitor.connect(server.baseURL);
  const answer = await visitor.socket.requestUnchecked('page', { url: 'https://shop.example/' });
  assert.equal(errorCode(answer), 'no_session');
  visitor.close();
});
