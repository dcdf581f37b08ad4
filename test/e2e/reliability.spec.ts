/**
 * What must survive a bad connection or a bad day on the server: a visitor offline for 10 s who
 * keeps writing, a server killed with SIGKILL and started again mid-chat, a message that never left
 * the page before a navigation, and two tabs of one chat. Everything against the real reference
 * server in Chromium; every message is checked for "exactly once, in order" where people look: the
 * agent console and the widget.
 */
import type { Page, WebSocketRoute } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replyAsAgent } from './support/fixtures.js';
import {
  acceptedChat,
  consoleBubbles,
  deliveryOf,
  expect,
  sendAsVisitor,
  showChatInConsole,
  startFormWasShown,
  test,
  trackWebSockets,
  watchForStartForm,
  widgetMessage,
  type SocketRecord,
} from './support/flow-helpers.js';
import { startServerProcess } from './support/server-process.js';

const OFFLINE_MS = 10_000;
const numbered = (prefix: string, count: number): string[] =>
  Array.from(
    { length: count },
    (_, index) => `${prefix} ${String(index + 1).padStart(2, '0')}/${count}`,
  );

/** The console's bubbles whose text starts with `prefix`, in the order the agent sees them. */
async function consoleTextsStartingWith(agent: Page, prefix: string): Promise<string[]> {
  const texts = await consoleBubbles(agent).allInnerTexts();
  return texts.map((text) => text.trim()).filter((text) => text.startsWith(prefix));
}

test('20 messages written during 10 s offline reach the agent once each, in order', async ({
  newPerson,
  server,
}) => {
  let sockets: SocketRecord[] = [];
  const { visitor, agent } = await acceptedChat(newPerson, server, 'Olle Offline', (page) => {
    sockets = trackWebSockets(page);
  });
  const v = visitor.page;
  const a = agent.page;
  await replyAsAgent(a, 'Olle Offline', 'Hi Olle, go ahead.');
  await expect(widgetMessage(v, 'Hi Olle, go ahead.')).toBeVisible();
  const texts = numbered('Offline message', 20);
  const framesWithOfflineMessages = () =>
    sockets.flatMap((socket) =>
      socket.sent.filter((frame) => frame.includes('Offline message')).map(() => socket),
    );

  // Chromium's offline mode fires `offline` but leaves an open WebSocket open (checked in this
  // Chromium): the widget's client must close it itself. Wait until no socket is open, so every
  // message below is written while the socket is really down.
  await visitor.context.setOffline(true);
  const wentOffline = Date.now();
  await expect(v.getByText('You are offline.', { exact: false })).toBeVisible();
  await expect.poll(() => sockets.filter((socket) => socket.closedAt === undefined)).toEqual([]);

  for (const text of texts) await sendAsVisitor(v, text);
  // Every one waits in the outbox, shown as "Sending…", and none has reached the agent.
  for (const text of texts) await expect(deliveryOf(v, text)).toHaveText('Sending…');
  // The visitor stays offline for the whole 10 s (writing took part of it).
  await v.waitForTimeout(Math.max(0, OFFLINE_MS - (Date.now() - wentOffline)));
  expect(await consoleTextsStartingWith(a, 'Offline message')).toEqual([]);
  expect(framesWithOfflineMessages()).toEqual([]);

  const cameBack = Date.now();
  await visitor.context.setOffline(false);
  await expect(async () => {
    expect(await consoleTextsStartingWith(a, 'Offline message')).toEqual(texts);
  }).toPass();
  for (const text of texts) {
    await expect(widgetMessage(v, text)).toHaveCount(1);
    await expect(deliveryOf(v, text)).toHaveText(/^(Sent|Seen by agent)$/);
  }
  await expect(v.getByText('You are offline.', { exact: false })).toBeHidden();
  // They went out from the outbox over a socket opened after the network came back.
  const carriers = framesWithOfflineMessages();
  expect(carriers.length).toBeGreaterThan(0);
  for (const socket of carriers) expect(socket.openedAt).toBeGreaterThanOrEqual(cameBack);

  // What the server stored, not only what one console collected: a reloaded console gets the chat
  // from the store, with each message once, in order.
  await a.reload();
  await showChatInConsole(a, 'Olle Offline');
  await expect(a.getByRole('log')).toContainText(texts[texts.length - 1] ?? '');
  expect(await consoleTextsStartingWith(a, 'Offline message')).toEqual(texts);
});

test('the server is killed and restarted mid-chat: both sides go on, nothing lost', async ({
  newPerson,
  agentConsoleDir,
}) => {
  const server = await startServerProcess({
    dataDir: mkdtempSync(join(tmpdir(), 'cention-kill-')),
    agentConsoleDir,
  });
  try {
    const { visitor, agent } = await acceptedChat(newPerson, server, 'Kim Kill');
    const v = visitor.page;
    const a = agent.page;
    await replyAsAgent(a, 'Kim Kill', 'Agent, before the crash.');
    await expect(widgetMessage(v, 'Agent, before the crash.')).toBeVisible();
    await sendAsVisitor(v, 'Visitor, before the crash.');
    await expect(deliveryOf(v, 'Visitor, before the crash.')).toHaveText('Seen by agent');

    await server.kill();
    await expect(v.getByText('Connection lost. Reconnecting…')).toBeVisible();
    await expect(a.getByRole('status').filter({ hasText: 'Offline, reconnecting…' })).toBeVisible();
    await sendAsVisitor(v, 'Visitor, while the server is down.');
    await expect(deliveryOf(v, 'Visitor, while the server is down.')).toHaveText('Sending…');

    await server.restart();
    // Both sides come back by themselves with their jittered backoff (a few seconds at most
    // after a short outage), so these waits allow for the backoff ceiling of the attempts so far.
    await expect(v.getByText('Connection lost. Reconnecting…')).toBeHidden({ timeout: 20_000 });
    await expect(a.getByRole('status').filter({ hasText: 'Alice · Connected' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(consoleBubbles(a).last()).toHaveText('Visitor, while the server is down.');
    await expect(deliveryOf(v, 'Visitor, while the server is down.')).toHaveText('Seen by agent');

    // The conversation goes on both ways over the new server process.
    await replyAsAgent(a, 'Kim Kill', 'Agent, after the restart.');
    await expect(widgetMessage(v, 'Agent, after the restart.')).toBeVisible();
    await sendAsVisitor(v, 'Visitor, after the restart.');
    await expect(consoleBubbles(a).last()).toHaveText('Visitor, after the restart.');

    // Nothing lost, nothing doubled: the restarted server's store (a reloaded console) and the
    // widget both hold the whole conversation once, in order.
    const conversation = [
      'Hello, this is Kim Kill.',
      'Agent, before the crash.',
      'Visitor, before the crash.',
      'Visitor, while the server is down.',
      'Agent, after the restart.',
      'Visitor, after the restart.',
    ];
    await a.reload();
    await showChatInConsole(a, 'Kim Kill');
    await expect(consoleBubbles(a)).toHaveText(conversation);
    for (const text of conversation) await expect(widgetMessage(v, text)).toHaveCount(1);
    await v.reload();
    await expect(widgetMessage(v, 'Visitor, after the restart.')).toBeVisible();
    for (const text of conversation) await expect(widgetMessage(v, text)).toHaveCount(1);
  } finally {
    await server.stop();
  }
});

test('a message still unsent when the visitor follows a link is sent from the next page', async ({
  newPerson,
  server,
}) => {
  const held = 'Typed right before following the link.';
  let isHolding = true;
  const { visitor, agent } = await acceptedChat(newPerson, server, 'Nils Nav', async (page) => {
    // Between the page and the server, swallow the frame carrying `held` while the old page is
    // up, as when a page unloads before its socket sent it. Everything else passes through.
    await page.routeWebSocket(/\/socket\/external\/.+\/websocket$/, (socket: WebSocketRoute) => {
      const upstream = socket.connectToServer();
      socket.onMessage((frame) => {
        if (isHolding && String(frame).includes(held)) return;
        upstream.send(frame);
      });
    });
  });
  const v = visitor.page;
  const a = agent.page;
  await replyAsAgent(a, 'Nils Nav', 'Have a look at our prices.');
  await expect(widgetMessage(v, 'Have a look at our prices.')).toBeVisible();
  await watchForStartForm(v);

  await sendAsVisitor(v, held);
  await expect(deliveryOf(v, held)).toHaveText('Sending…');
  isHolding = false;
  await v.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pricing' }).click();
  await expect(v).toHaveURL(/\/pricing\.html$/);

  // The new page resumes with the history and sends what the old page left in the outbox.
  await expect(widgetMessage(v, 'Have a look at our prices.')).toBeVisible();
  await expect(widgetMessage(v, 'Hello, this is Nils Nav.')).toBeVisible();
  await expect(consoleBubbles(a).last()).toHaveText(held);
  await expect(deliveryOf(v, held)).toHaveText('Seen by agent');
  await expect(widgetMessage(v, held)).toHaveCount(1);
  expect(await startFormWasShown(v)).toBe(false);
  await expect(consoleBubbles(a)).toHaveText([
    'Hello, this is Nils Nav.',
    'Have a look at our prices.',
    held,
  ]);
});

test('two tabs of the same site show the same chat, without duplicates', async ({
  newPerson,
  server,
}) => {
  const { visitor, agent } = await acceptedChat(newPerson, server, 'Tove Tabs');
  const first = visitor.page;
  const a = agent.page;
  await replyAsAgent(a, 'Tove Tabs', 'Hello Tove.');
  await expect(widgetMessage(first, 'Hello Tove.')).toBeVisible();

  // A second tab that inherits the first one's session storage, as Chromium's "Duplicate tab" and
  // pages opened by the site itself (window.open with an opener) do. A Ctrl+click tab does not
  // inherit it: see the next test.
  const opening = visitor.context.waitForEvent('page');
  await first.evaluate(() => window.open('/pricing.html'));
  const second = await opening;
  await expect(widgetMessage(second, 'Hello Tove.')).toBeVisible();
  await expect(widgetMessage(second, 'Hello, this is Tove Tabs.')).toBeVisible();

  // Messages from every side show up in both tabs and at the agent's, once each.
  await sendAsVisitor(first, 'Written in the first tab.');
  await sendAsVisitor(second, 'Written in the second tab.');
  await replyAsAgent(a, 'Tove Tabs', 'Got both, Tove.');
  const conversation = [
    'Hello, this is Tove Tabs.',
    'Hello Tove.',
    'Written in the first tab.',
    'Written in the second tab.',
    'Got both, Tove.',
  ];
  await expect(consoleBubbles(a)).toHaveText(conversation);
  for (const tab of [first, second]) {
    await expect(widgetMessage(tab, 'Got both, Tove.')).toBeVisible();
    await expect(tab.locator('cention-message-list .row:not(:has(.system))')).toHaveText(
      conversation.map((text) => new RegExp(text.replace(/[.,]/g, '\\$&'))),
    );
  }
  await expect(deliveryOf(second, 'Written in the second tab.')).toHaveText('Seen by agent');
});

test('a tab opened with Ctrl+click shows the same chat', async ({ newPerson, server }) => {
  // A Ctrl+click tab shares nothing with the first tab but localStorage, where the widget keeps
  // its session by default (the `session-storage` attribute).
  const { visitor, agent } = await acceptedChat(newPerson, server, 'Carl Ctrl');
  await replyAsAgent(agent.page, 'Carl Ctrl', 'Hello Carl.');
  await expect(widgetMessage(visitor.page, 'Hello Carl.')).toBeVisible();

  const opening = visitor.context.waitForEvent('page');
  await visitor.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Pricing' })
    .click({ modifiers: ['ControlOrMeta'] });
  const second = await opening;
  await second.getByRole('button', { name: /open chat/i }).click();
  await expect(widgetMessage(second, 'Hello Carl.')).toHaveCount(1);
  await expect(second.getByLabel('Your question')).toHaveCount(0);
});
