/**
 * Issue 11 as a logged-in visitor and an agent would see it: a site passes a signed visitor token;
 * the visitor is not asked for name and email and the agent sees "Verified"; an expired or forged
 * token gets the whole form back with the reason, the visitor chats as a guest and the agent sees
 * no mark; and a single-page app's route change (History API) reaches the console.
 */
import type { Browser, Page } from '@playwright/test';
import { SignJWT } from 'jose';
import { startServer, type RunningServer } from '../../demo/server/app.js';
import { demoConfig } from '../../demo/server/demo-config.js';
import {
  E2E_ADMISSION,
  expect,
  signInAsAgent,
  test,
  withTestPasswords,
} from './support/fixtures.js';

const SITE_SECRET = 'e2e-site-secret-known-only-to-the-back-end';

/** What a site's back end does on each page view of a signed-in visitor (the README's example). */
function signVisitor(options: { secret?: string; expiresAt?: number } = {}): Promise<string> {
  return new SignJWT({ name: 'Vera Verified', email: 'vera@site.example' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('customer-4711')
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? '10m')
    .sign(new TextEncoder().encode(options.secret ?? SITE_SECRET));
}

let server: RunningServer;
test.beforeAll(async ({ agentConsoleDir }) => {
  server = await startServer({
    port: 0,
    dataDir: ':memory:',
    logLevel: 'silent',
    agentConsoleDir,
    config: { ...withTestPasswords(demoConfig), visitorIdentity: { secret: SITE_SECRET } },
    admission: E2E_ADMISSION,
  });
});
test.afterAll(() => server.close());

/** A shop page of the server's origin with the widget and the token its back end signed. */
async function openShopPage(browser: Browser, token: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const url = new URL('/shop/account', server.url).href;
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My account</title>
        <script type="module" src="/widget/cention-chat.js"></script></head>
        <body><main><h1>My account</h1></main>
        <cention-chat base-url="${server.baseURL}" area="1" visitor-token="${token}"></cention-chat>
        </body></html>`,
    }),
  );
  await page.goto(url);
  await page.getByRole('button', { name: /open chat/i }).click();
  return page;
}

async function signedInAgent(browser: Browser): Promise<Page> {
  const agent = await (await browser.newContext()).newPage();
  await signInAsAgent(agent, server.agentURL, 'Alice');
  return agent;
}

test('a verified visitor: no name or email asked, "Verified" for the agent, route changes reach the console', async ({
  browser,
}) => {
  const agent = await signedInAgent(browser);
  const visitor = await openShopPage(browser, await signVisitor());
  await expect(
    visitor.getByText('You are chatting as Vera Verified (vera@site.example).'),
  ).toBeVisible();
  await expect(visitor.getByLabel('Name')).toHaveCount(0);
  await expect(visitor.getByLabel('Email')).toHaveCount(0);
  await visitor.getByLabel('Your question').fill('Where is order 4711?');
  await visitor.getByRole('button', { name: 'Start chat' }).click();

  await agent.getByRole('button', { name: 'Accept chat with Vera Verified' }).click();
  const header = agent.getByRole('heading', { name: /Vera Verified/ });
  await expect(header).toContainText('✓ Verified');
  await expect(agent.getByText('vera@site.example')).toBeVisible();
  const pages = agent.getByRole('group', { name: "Visitor's pages" });
  await expect(pages).toContainText('Now on: My account');

  // The shop is a single-page app: a route change without a page load.
  await visitor.evaluate(() => {
    history.pushState({}, '', '/shop/orders/4711');
    document.title = 'Order 4711';
  });
  await expect(pages).toContainText('Now on: Order 4711', { timeout: 10_000 });
  await expect(pages.getByRole('link', { name: 'Order 4711' })).toHaveAttribute(
    'href',
    new URL('/shop/orders/4711', server.url).href,
  );
  await expect(pages).toContainText('Earlier pages (1)');
  await visitor.context().close();
  await agent.context().close();
});

for (const [what, makeToken, reason] of [
  [
    'expired',
    () => signVisitor({ expiresAt: Math.floor(Date.now() / 1000) - 300 }),
    'Your sign-in has expired. You can chat as a guest instead.',
  ],
  [
    'forged (another secret)',
    () => signVisitor({ secret: 'a-forger-guessing-the-secret-of-the-site' }),
    'We could not confirm your sign-in. You can chat as a guest instead.',
  ],
] as const) {
  test(`a token that is ${what}: the visitor is told why and chats as a guest, not verified`, async ({
    browser,
  }) => {
    const agent = await signedInAgent(browser);
    const visitor = await openShopPage(browser, await makeToken());
    await visitor.getByLabel('Your question').fill('Can I change my address?');
    await visitor.getByRole('button', { name: 'Start chat' }).click();

    await expect(visitor.getByRole('alert')).toHaveText(reason);
    await expect(visitor.getByLabel('Your question')).toHaveValue('Can I change my address?');
    await visitor.getByLabel('Name').fill('Mallory Guest');
    await visitor.getByLabel('Email').fill('mallory@example.com');
    await visitor.getByRole('button', { name: 'Start chat' }).click();

    await agent.getByRole('button', { name: 'Accept chat with Mallory Guest' }).click();
    await expect(agent.getByRole('log')).toContainText('Can I change my address?');
    await expect(agent.getByRole('heading', { name: /Mallory Guest/ })).not.toContainText(
      'Verified',
    );
    await visitor.context().close();
    await agent.context().close();
  });
}
