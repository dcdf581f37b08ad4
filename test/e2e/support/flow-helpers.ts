/**
 * Helpers for the flow, state and reliability specs, on top of fixtures.ts: a worker-wide built
 * agent console for servers the tests start themselves (other configs, a child process), people in
 * their own browser contexts, and locators for single messages of the widget and the console.
 */
import type {
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
  TestType,
} from '@playwright/test';
import { startServer, type RunningServer } from '../../../demo/server/app.js';
import type { ServerConfig } from '../../../demo/server/config.js';
import {
  E2E_ADMISSION,
  expect,
  signInAsAgent,
  startChatAsVisitor,
  test as base,
  type ServerFixtures,
  type WorkerFixtures,
  withTestPasswords,
} from './fixtures.js';

interface FlowTestFixtures {
  /**
   * A person with their own browser context (`options`: their locale, time zone …); every context
   * is closed after the test.
   */
  newPerson: (options?: BrowserContextOptions) => Promise<Person>;
  /** A server with its own config (and clock) in this process; closed after the test. */
  serverWith: (config: ServerConfig, now?: () => number) => Promise<RunningServer>;
}

/** A person with their own browser (cookies, storage) and one tab. */
export interface Person {
  context: BrowserContext;
  page: Page;
}

export const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & ServerFixtures & FlowTestFixtures,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions & WorkerFixtures
> = base.extend<FlowTestFixtures>({
  newPerson: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      return { context, page: await context.newPage() };
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  serverWith: async ({ agentConsoleDir }, use) => {
    const servers: RunningServer[] = [];
    await use(async (config, now) => {
      const server = await startServer({
        port: 0,
        dataDir: ':memory:',
        logLevel: 'silent',
        agentConsoleDir,
        config: withTestPasswords(config),
        admission: E2E_ADMISSION,
        now,
      });
      servers.push(server);
      return server;
    });
    await Promise.all(servers.map((server) => server.close()));
  },
});

export { expect };

/**
 * The one message row of the widget that holds `text`. Texts in tests are unique, so a second row
 * with the same text (a duplicate) makes this locator fail in strict mode or in `toHaveCount(1)`.
 */
export function widgetMessage(page: Page, text: string): Locator {
  return page.locator('cention-message-list .row').filter({ hasText: text });
}

/** The delivery state under a visitor message: "Sending…", "Sent", "Seen by agent", "Not sent.". */
export function deliveryOf(page: Page, text: string): Locator {
  return widgetMessage(page, text).locator('.delivery');
}

/** The bubbles of the agent console's open chat, in the order shown. */
export function consoleBubbles(agent: Page): Locator {
  return agent.getByRole('log').locator('li .bubble');
}

/**
 * Shows one chat in the console by the visitor's name from "My chats" (after a reload the console
 * opens the first chat it gets, which may be another test's on the shared worker server).
 */
export async function showChatInConsole(agent: Page, visitorName: string): Promise<void> {
  await agent.locator('.chat-link').filter({ hasText: visitorName }).click();
  await expect(agent.getByRole('heading', { name: visitorName, exact: true })).toBeVisible();
}

/** A link's address, to fetch what a person would get by following it. */
export async function hrefOf(link: Locator): Promise<string> {
  const href = await link.getAttribute('href');
  if (!href) throw new Error('the link has no href');
  // The console's file links are paths on its own origin.
  return new URL(href, link.page().url()).href;
}

/** Types into the widget's composer and sends with Enter, as a visitor does. */
export async function sendAsVisitor(page: Page, text: string): Promise<void> {
  const composer = page.getByLabel('Write a message');
  await composer.fill(text);
  await composer.press('Enter');
  // The composer empties once the widget accepted the message (it is in the outbox then).
  await expect(composer).toHaveValue('');
}

/**
 * Turns on the widget's documented `typing-preview` attribute (the demo page does not set it), so
 * the agent sees what the visitor types. Done before the panel opens, as a site would in its HTML.
 */
export async function enableTypingPreview(page: Page): Promise<void> {
  await page
    .locator('cention-chat')
    .evaluate((element) => element.setAttribute('typing-preview', ''));
}

/** What the page did on one WebSocket, recorded by Playwright outside the page's own code. */
export interface SocketRecord {
  url: string;
  openedAt: number;
  closedAt: number | undefined;
  /** Text frames the page sent (SockJS frames: JSON arrays of protocol frames). */
  sent: string[];
}

/**
 * Records every WebSocket the page opens, from now on (also across navigations), so a test can
 * prove when the socket really was down, independent of what the widget says about itself.
 */
export function trackWebSockets(page: Page): SocketRecord[] {
  const records: SocketRecord[] = [];
  page.on('websocket', (socket) => {
    const record: SocketRecord = {
      url: socket.url(),
      openedAt: Date.now(),
      closedAt: undefined,
      sent: [],
    };
    records.push(record);
    socket.on('framesent', (frame) => {
      if (typeof frame.payload === 'string') record.sent.push(frame.payload);
    });
    socket.on('close', () => (record.closedAt = Date.now()));
  });
  return records;
}

/**
 * Alice signed in, a visitor on `pageURL` in another browser context who started a chat, and
 * Alice accepted it. `beforeStart` runs on the visitor's page before anything loads (to attach
 * recorders).
 */
export async function acceptedChat(
  newPerson: () => Promise<Person>,
  site: { url: string; agentURL: string },
  visitorName: string,
  beforeStart: (visitor: Page) => void | Promise<void> = () => undefined,
): Promise<{ visitor: Person; agent: Person }> {
  const visitor = await newPerson();
  const agent = await newPerson();
  await beforeStart(visitor.page);
  await signInAsAgent(agent.page, site.agentURL, 'Alice');
  await startChatAsVisitor(visitor.page, site.url, {
    name: visitorName,
    email: 'visitor@example.com',
    question: `Hello, this is ${visitorName}.`,
  });
  await agent.page.getByRole('button', { name: `Accept chat with ${visitorName}` }).click();
  await expect(agent.page.getByRole('log')).toContainText(`Hello, this is ${visitorName}.`);
  return { visitor, agent };
}

/**
 * Records on every page load whether the widget's start form was ever in the DOM (checked each
 * animation frame), for "a resumed chat never flashes the start form". Read it with
 * `startFormWasShown(page)` after the load.
 */
export async function watchForStartForm(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const watch = { startForm: false };
    (window as unknown as { startFormWatch: typeof watch }).startFormWatch = watch;
    const check = () => {
      const panel = document
        .querySelector('cention-chat')
        ?.shadowRoot?.querySelector('cention-chat-panel')?.shadowRoot;
      if (panel?.querySelector('cention-start-form')) watch.startForm = true;
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

export function startFormWasShown(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      (window as unknown as { startFormWatch: { startForm: boolean } }).startFormWatch.startForm,
  );
}
