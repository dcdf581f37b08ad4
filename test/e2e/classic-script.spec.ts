/**
 * The classic script tag (`<script src=…/cention-chat.iife.js>`, no `type="module"`), as a site on
 * another origin embeds it: it is a small loader that imports the module entry from its own folder,
 * so a page pays the launcher only, the same files as with `<script type="module">`, and a chat
 * loads the same lazy chunks. Measured in the browser: bytes on the wire (compressed) per page and
 * per opened chat. The opt-in one-file `cention-chat.bundle.js` runs a chat on its own.
 */
import type { Page, Request } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  expect,
  replyAsAgent,
  signInAsAgent,
  startChatAsVisitor,
  test,
} from './support/fixtures.js';

const KIB = 1024;

/** A plain web server on another port (another origin) that answers every path with `html`. */
async function startHostSite(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

const hostPage = (script: string, baseURL: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host site</title>
  ${script}</head><body><main><h1>A site on another origin</h1></main>
  <cention-chat base-url="${baseURL}" area="1"></cention-chat></body></html>`;

interface WidgetFile {
  path: string;
  /** Bytes on the wire (the compressed body). */
  bytes: number;
  encoding: string | undefined;
}

/** Records every widget file the page fetches, with its transferred size. */
function recordWidgetFiles(page: Page): () => Promise<WidgetFile[]> {
  const requests: Request[] = [];
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname.startsWith('/widget/')) requests.push(request);
  });
  return async () =>
    Promise.all(
      requests.map(async (request) => {
        const response = await request.response();
        return {
          path: new URL(request.url()).pathname,
          bytes: (await request.sizes()).responseBodySize,
          encoding: (await response?.allHeaders())?.['content-encoding'],
        };
      }),
    );
}

const total = (files: WidgetFile[]) => files.reduce((sum, file) => sum + file.bytes, 0);
/** Paths without the loader, so both script kinds can be compared file for file. */
// The leave-a-message view's chunk depends on what the server answers at that moment (whether
// anyone can chat), not on the script kind, so it is left out of the comparison.
const modulePaths = (files: WidgetFile[]) =>
  files
    .map((file) => file.path)
    .filter((path) => path !== '/widget/cention-chat.iife.js')
    .filter((path) => !/\/leave-message-chunk-[^/]*\.js$/.test(path))
    .sort();

async function measure(page: Page, script: string, baseURL: string) {
  const site = await startHostSite(hostPage(script, baseURL));
  const widgetFiles = recordWidgetFiles(page);
  try {
    await page.goto(site.url);
    await expect(page.getByRole('button', { name: /open chat/i })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const onLoad = await widgetFiles();
    await page.getByRole('button', { name: /open chat/i }).click();
    await expect(page.getByRole('dialog', { name: 'Chat' })).toBeVisible();
    await expect(page.getByLabel('Name')).toBeVisible();
    await page.waitForLoadState('networkidle');
    return { onLoad, onOpen: await widgetFiles() };
  } finally {
    site.server.close();
  }
}

test('a classic script tag on another origin loads the launcher only, then the same chunks as the module entry', async ({
  browser,
  server,
}) => {
  const context = await browser.newContext();
  const classic = await measure(
    await context.newPage(),
    `<script src="${server.url}widget/cention-chat.iife.js"></script>`,
    server.baseURL,
  );
  const moduleContext = await browser.newContext();
  const moduleKind = await measure(
    await moduleContext.newPage(),
    `<script type="module" src="${server.url}widget/cention-chat.js"></script>`,
    server.baseURL,
  );
  await context.close();
  await moduleContext.close();

  for (const files of [classic.onLoad, classic.onOpen, moduleKind.onOpen]) {
    for (const file of files) expect(file.encoding, file.path).toBe('br');
  }
  expect(classic.onLoad.map((file) => file.path)).toContain('/widget/cention-chat.iife.js');
  expect(modulePaths(classic.onLoad)).toEqual(modulePaths(moduleKind.onLoad));
  expect(modulePaths(classic.onOpen)).toEqual(modulePaths(moduleKind.onOpen));
  // The panel is not part of a page view; it comes with the first open.
  expect(classic.onLoad.some((file) => /\/register-/.test(file.path))).toBe(false);
  expect(classic.onOpen.some((file) => /\/register-/.test(file.path))).toBe(true);
  // The start form shows no agent HTML: DOMPurify waits until a chat starts.
  const isPurifier = (file: WidgetFile) => /\/purify[^/]*\.js$/.test(file.path);
  expect(classic.onOpen.some(isPurifier)).toBe(false);
  expect(moduleKind.onOpen.some(isPurifier)).toBe(false);

  const figures = {
    classicPage: total(classic.onLoad),
    modulePage: total(moduleKind.onLoad),
    classicOpen: total(classic.onOpen),
    moduleOpen: total(moduleKind.onOpen),
  };
  test.info().annotations.push({
    type: 'widget bytes (brotli, on the wire)',
    description: JSON.stringify(figures),
  });
  console.log('widget bytes on the wire (brotli):', figures);
  expect(figures.classicPage).toBeLessThan(12 * KIB);
  expect(figures.modulePage).toBeLessThan(12 * KIB);
  expect(figures.classicOpen).toBeLessThan(48 * KIB);
});

test('the classic loader runs a whole chat from another origin', async ({ browser, server }) => {
  const site = await startHostSite(
    hostPage(
      `<script src="${server.url}widget/cention-chat.iife.js"></script>
      <script>
        // As README says for the loader: the Chat API's factory is there once the element is.
        window.factoryOnDefine = typeof window._CentionChat;
        customElements.whenDefined('cention-chat').then(() => {
          window.factoryOnDefine = typeof window._CentionChat;
        });
      </script>`,
      server.baseURL,
    ),
  );
  const context = await browser.newContext();
  const visitor = await context.newPage();
  const pageErrors: string[] = [];
  visitor.on('pageerror', (error) => pageErrors.push(error.message));
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  try {
    await signInAsAgent(agent, server.agentURL, 'Alice');
    await startChatAsVisitor(visitor, site.url, {
      name: 'Cora Crossorigin',
      email: 'cora@example.com',
      question: 'Does the loader work from another site?',
    });
    await agent.getByRole('button', { name: 'Accept chat with Cora Crossorigin' }).click();
    await replyAsAgent(agent, 'Cora Crossorigin', 'It does.');
    await expect(visitor.getByRole('log')).toContainText('It does.');
    expect(
      await visitor.evaluate(() => (window as { factoryOnDefine?: string }).factoryOnDefine),
    ).toBe('function');
    expect(pageErrors).toEqual([]);
  } finally {
    site.server.close();
    await context.close();
    await agentContext.close();
  }
});

test('the opt-in one-file bundle runs a chat from one file', async ({ browser, server }) => {
  const classicPage = new URL('/bundle-test.html', server.url).href;
  const context = await browser.newContext();
  const visitor = await context.newPage();
  const requested: string[] = [];
  visitor.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await visitor.route(classicPage, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: hostPage('<script src="/widget/cention-chat.bundle.js"></script>', server.baseURL),
    }),
  );
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signInAsAgent(agent, server.agentURL, 'Alice');

  await startChatAsVisitor(visitor, classicPage, {
    name: 'Carl Classic',
    email: 'carl@example.com',
    question: 'Does the one-file build work?',
  });
  await agent.getByRole('button', { name: 'Accept chat with Carl Classic' }).click();
  await replyAsAgent(agent, 'Carl Classic', 'It does.');
  await expect(visitor.getByRole('log')).toContainText('It does.');
  expect(requested.filter((path) => path.startsWith('/widget/'))).toEqual([
    '/widget/cention-chat.bundle.js',
  ]);
  await context.close();
  await agentContext.close();
});
