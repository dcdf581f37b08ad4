/**
 * The widget on real sites, against the real server: two widgets of different areas on one page,
 * a single-page app removing and re-adding it, the call queue used before the script has loaded
 * (both script kinds), and the Chat API's `tryResume` in a second tab of the same site.
 */
import type { Page } from '@playwright/test';
import type { ServerConfig } from '../../demo/server/config.js';
import { defineArea } from '../../demo/server/config.js';
import type { RunningServer } from '../../demo/server/app.js';
import { Agent } from '../server/support/chat-clients.js';
import { expect, test, type Person } from './support/flow-helpers.js';

/** Two areas open at all hours, one agent for both (so a chat can always start). */
const config: ServerConfig = {
  workspace: 'demo',
  areas: [
    defineArea({ id: 1, name: 'Support', openingHours: 'always' }),
    defineArea({ id: 2, name: 'Sales', openingHours: 'always' }),
  ],
  agents: [{ name: 'Alice', areas: [1, 2] }],
};

const SNIPPET =
  '<script>window.centionChat=window.centionChat||function(){(centionChat.q=centionChat.q||[]).push(arguments)}</script>';
const MODULE = '<script type="module" src="/widget/cention-chat.js"></script>';
const CLASSIC = '<script src="/widget/cention-chat.iife.js"></script>';

/** Serves `body` as a page of the chat server's origin at `/site/<name>`; returns its URL. */
async function sitePage(page: Page, server: RunningServer, name: string, body: string) {
  const url = new URL(`/site/${name}`, server.url).href;
  await page.context().route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Site</title></head>
        <body><main><h1>A site</h1></main>${body}</body></html>`,
    }),
  );
  return url;
}

/**
 * Runs `steps` against a server of `config` while Alice is signed in (so a chat can always start),
 * for a visitor in their own browser; Alice signs out afterwards, whatever happened.
 */
async function withAgentOnline(
  fixtures: {
    newPerson: () => Promise<Person>;
    serverWith: (config: ServerConfig) => Promise<RunningServer>;
  },
  steps: (site: { server: RunningServer; alice: Agent; visitor: Person }) => Promise<void>,
): Promise<void> {
  const server = await fixtures.serverWith(config);
  const alice = await Agent.signIn(server.baseURL, 'Alice');
  try {
    await steps({ server, alice, visitor: await fixtures.newPerson() });
  } finally {
    alice.close();
  }
}

const widget = (server: RunningServer, id: string, area: number, extra = '') =>
  `<cention-chat id="${id}" base-url="${server.baseURL}" area="${area}" area-name="Area ${area}" ${extra}></cention-chat>`;

/** The session id the widget `id` holds once the server has answered (undefined before). */
const sessionOf = (page: Page, id: string) =>
  page.evaluate(
    (selector) =>
      (document.querySelector(selector) as HTMLElement & { client?: { sessionId?: number } })
        ?.client?.sessionId,
    `#${id}`,
  );

async function startIn(page: Page, id: string, message: string): Promise<number> {
  const started = await page.evaluate(
    async ({ selector, message }) => {
      await customElements.whenDefined('cention-chat');
      const chat = document.querySelector(selector) as HTMLElementTagNameMap['cention-chat'];
      return chat.start({ name: 'Vera', email: 'vera@example.com', message });
    },
    { selector: `#${id}`, message },
  );
  expect(started).toBe(true);
  await expect.poll(() => sessionOf(page, id)).toBeGreaterThan(0);
  return (await sessionOf(page, id)) ?? 0;
}

test('two widgets (areas 1 and 2) on one page keep two chats across a reload', async ({
  newPerson,
  serverWith,
}) => {
  await withAgentOnline({ newPerson, serverWith }, async ({ server, visitor: { page } }) => {
    const url = await sitePage(
      page,
      server,
      'two',
      MODULE + widget(server, 'support', 1) + widget(server, 'sales', 2, 'position="bottom-start"'),
    );
    await page.goto(url);
    const support = await startIn(page, 'support', 'About my order');
    const sales = await startIn(page, 'sales', 'About a quote');
    expect(sales).not.toBe(support);

    await page.reload();
    await expect.poll(() => sessionOf(page, 'support')).toBe(support);
    await expect.poll(() => sessionOf(page, 'sales')).toBe(sales);
    const peers = server.engine.peers;
    await expect.poll(() => peers.visitorConnectionCount(support)).toBe(1);
    await expect.poll(() => peers.visitorConnectionCount(sales)).toBe(1);
  });
});

test('removing the element closes its connection; adding it again resumes on one socket', async ({
  newPerson,
  serverWith,
}) => {
  await withAgentOnline({ newPerson, serverWith }, async ({ server, visitor: { page } }) => {
    await page.goto(await sitePage(page, server, 'spa', MODULE + widget(server, 'chat', 1)));
    const sessionId = await startIn(page, 'chat', 'Hello from a single-page app');
    const connections = () => server.engine.peers.visitorConnectionCount(sessionId);
    await expect.poll(connections).toBe(1);

    await page.evaluate(() => {
      const chat = document.querySelector('#chat');
      (window as unknown as { kept: Element | null }).kept = chat;
      chat?.remove();
    });
    await expect.poll(connections, { message: 'the server saw the socket close' }).toBe(0);

    await page.evaluate(() => {
      document.body.append((window as unknown as { kept: Element }).kept);
    });
    await expect.poll(connections).toBe(1);
    // Open as it was, with the chat's history.
    await expect(page.getByRole('log')).toContainText('Hello from a single-page app');
    // A route change that renders a new widget of the same chat: still one socket.
    await page.evaluate(() => {
      const old = document.querySelector('#chat') as HTMLElement;
      const next = old.cloneNode() as HTMLElement;
      old.remove();
      document.body.append(next);
    });
    await expect.poll(() => sessionOf(page, 'chat')).toBe(sessionId);
    await page.waitForTimeout(1000);
    expect(connections()).toBe(1);
  });
});

for (const [kind, script] of [
  ['module', MODULE],
  ['classic', CLASSIC],
] as const) {
  test(`the call queue opens the panel and starts a chat when called before the ${kind} script`, async ({
    newPerson,
    serverWith,
  }) => {
    await withAgentOnline(
      { newPerson, serverWith },
      async ({ server, alice, visitor: { page } }) => {
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        const calls = `<script>centionChat('start', { name: 'Quinn', email: 'quinn@example.com',
        message: 'Queued before the script' });</script>`;
        await page.goto(
          await sitePage(
            page,
            server,
            `queue-${kind}`,
            SNIPPET + calls + script + widget(server, 'chat', 1),
          ),
        );
        await expect(page.getByRole('dialog')).toBeVisible();
        await expect(page.getByRole('log')).toContainText('Queued before the script');
        const sessionId = await sessionOf(page, 'chat');
        expect(sessionId).toBeGreaterThan(0);
        await alice.waitForQueued(sessionId ?? 0);
        expect(errors).toEqual([]);
      },
    );
  });
}

test('the Chat API sample tryResume in a second tab of the same site resumes', async ({
  newPerson,
  serverWith,
}) => {
  await withAgentOnline(
    { newPerson, serverWith },
    async ({ server, visitor: { page, context } }) => {
      // As chat-api.txt's samples: `var CentionChat = _CentionChat(); CentionChat.baseURL = …`.
      const sample = `<script type="module">
      var CentionChat = window._CentionChat();
      CentionChat.baseURL = ${JSON.stringify(server.baseURL)};
      window.sample = { chat: CentionChat, result: undefined };
      CentionChat.tryResume(function (result) { window.sample.result = result; });
    </script>`;
      const url = await sitePage(page, server, 'sample', MODULE + sample);
      await page.goto(url);
      await expect
        .poll(() =>
          page.evaluate(
            () => (window as unknown as { sample?: { result?: unknown } }).sample?.result,
          ),
        )
        .toEqual({ error: 'no session' });
      const sessionId = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const chat = (
              window as unknown as {
                sample: { chat: ReturnType<NonNullable<Window['_CentionChat']>> };
              }
            ).sample.chat;
            chat.registerAction('queue', () => resolve(Number(chat.sessionId)));
            chat.connect({
              area: 1,
              name: 'Tab One',
              email: 'tab@example.com',
              message: 'First tab',
            });
          }),
      );

      const second = await context.newPage();
      await second.goto(url);
      await expect
        .poll(() =>
          second.evaluate(
            () =>
              (window as unknown as { sample?: { result?: { sessionId?: number } } }).sample?.result
                ?.sessionId,
          ),
        )
        .toBe(sessionId);
    },
  );
});
