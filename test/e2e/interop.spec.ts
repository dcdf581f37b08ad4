/**
 * `<cention-chat>` inside framework pages, built by Vite in the test setup: React 19 and Vue 3
 * each pass attributes (and change them from state), set the `client` property, call `prefill()`
 * through a ref and listen to the widget's DOM events; then the visitor starts a real chat.
 */
import { Agent } from '../server/support/chat-clients.js';
import { buildTestApp, type TestApp } from './fixtures/interop-apps/build.js';
import { expect, test } from './support/fixtures.js';

const frameworks: { app: TestApp; label: string }[] = [
  { app: 'react', label: 'React' },
  { app: 'vue', label: 'Vue' },
];

for (const { app, label } of frameworks) {
  test(`<cention-chat> in a ${label} page: attributes, properties, methods and events`, async ({
    browser,
    server,
  }) => {
    const bundle = await buildTestApp(app);
    // Served from the chat server's origin, so the page, the widget and the chat share one origin.
    const pageURL = new URL(`/${app}-app/index.html`, server.url).href;
    const bundleURL = new URL(`/${app}-app/app.js`, server.url).href;
    const agent = await Agent.signIn(server.baseURL, 'Alice');
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route(bundleURL, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: bundle }),
    );
    await page.route(pageURL, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${label} page</title>
          <script type="module" src="/widget/cention-chat.js"></script>
          <script type="module" src="${bundleURL}"></script></head>
          <body data-base-url="${server.baseURL}"><div id="app"></div></body></html>`,
      }),
    );

    try {
      await page.goto(pageURL);
      await expect(
        page.getByRole('heading', { name: `${label} ${app === 'react' ? 19 : 3} page` }),
      ).toBeVisible();
      const chat = page.locator('cention-chat');
      const events = page.getByRole('list', { name: 'Widget events' });

      // Attributes: set by the framework, and changed from its state.
      await expect(chat).toHaveAttribute('base-url', server.baseURL);
      await expect(chat).toHaveAttribute('area', '1');
      await expect(page.getByRole('button', { name: 'Open chat' })).toBeVisible();
      await page.getByRole('button', { name: 'Svenska' }).click();
      await expect(chat).toHaveAttribute('lang', 'sv');
      await expect(page.getByRole('button', { name: 'Öppna chatten' })).toBeVisible();
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.getByRole('button', { name: 'Open chat' })).toBeVisible();

      // The `client` property is the page's own client object, not a string attribute.
      expect(
        await chat.evaluate(
          (element) =>
            (element as HTMLElement & { client: unknown }).client ===
              (window as unknown as { pageClient: unknown }).pageClient &&
            !element.hasAttribute('client'),
        ),
      ).toBe(true);

      // Opening fires `cention-chat-open`, heard by the framework's listener.
      await page.getByRole('button', { name: 'Open chat' }).click();
      await expect(events).toContainText('cention-chat-open');
      await expect(page.getByRole('heading', { name: `Support from ${label}` })).toBeVisible();

      // `prefill()` through the framework's ref filled in name and email.
      await expect(page.getByLabel('Name')).toHaveValue('Frida Framework');
      await expect(page.getByLabel('Email')).toHaveValue('frida@example.com');

      // Starting the chat: the start event reaches the page, and so does the `queue` event of
      // the page's own client, which proves the widget uses the client it was given.
      await page.getByLabel('Your question').fill(`Hello from ${label}!`);
      await page.getByRole('button', { name: 'Start chat' }).click();
      await expect(events).toContainText('cention-chat-start: Frida Framework');
      await expect(events).toContainText('client: queue');

      // And the chat itself works inside the framework page.
      const { sessionId } = await page.evaluate(() => ({
        sessionId: Number(
          (window as unknown as { pageClient: { sessionId: number } }).pageClient.sessionId,
        ),
      }));
      await agent.accept(sessionId);
      await agent.say(sessionId, `Hi from the agent, ${label} page.`);
      await expect(page.getByRole('log')).toContainText(`Hi from the agent, ${label} page.`);
      // Changing an attribute mid-chat re-renders the widget without losing the chat.
      await page.getByRole('button', { name: 'Svenska' }).click();
      await expect(page.getByRole('heading', { name: /Alice/ })).toBeVisible();
      await expect(page.getByRole('log')).toContainText(`Hi from the agent, ${label} page.`);
      expect(pageErrors).toEqual([]);
      // Leave the shared server tidy: an open chat would go back to the queue when Alice leaves.
      await agent.act('end', { sessionId });
    } finally {
      agent.close();
      await context.close();
    }
  });
}
