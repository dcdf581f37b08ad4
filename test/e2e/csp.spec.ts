/**
 * The widget on a page with a strict Content Security Policy (no inline script or style, no eval)
 * and Trusted Types enforced with the policy names docs/widget.md documents (`lit-html`,
 * `dompurify`): a whole chat, for the module entry, the classic loader (also on a page that allows
 * scripts by nonce only: the loader's `import()` carries its tag's nonce, and is no Trusted Types
 * sink), README's inline page-speed snippet (allowed by nonce) and the one-file bundle, without a
 * single CSP or Trusted Types violation.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  expect,
  replyAsAgent,
  signInAsAgent,
  startChatAsVisitor,
  test,
} from './support/fixtures.js';

/** The policy, with `scriptSrc` as the page's `script-src`. */
const strictCSP = (scriptSrc: string) =>
  [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html dompurify',
  ].join('; ');

/** A nonce for the page that allows scripts by nonce only (as sites with `strict-dynamic` do). */
const NONCE = 'c2VjcmV0LW5vbmNlLTEyMw==';

/** A 1×1 PNG as a data: address, which the policy allows for images. */
const PIXEL_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

interface ViolationLog {
  violations: string[];
}

/**
 * Records every `securitypolicyviolation` (also from inside shadow roots: the event is composed)
 * into `window.cspLog`, from before the first script of each document runs.
 */
function recordViolations() {
  const log: ViolationLog = { violations: [] };
  (window as unknown as { cspLog: ViolationLog }).cspLog = log;
  const record = (event: SecurityPolicyViolationEvent) =>
    log.violations.push(
      `${event.effectiveDirective}: ${event.blockedURI || 'inline'} ${event.sample} (${event.sourceFile}:${event.lineNumber})`,
    );
  window.addEventListener('securitypolicyviolation', record, true);
}

const violationsIn = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspLog: ViolationLog }).cspLog.violations);

/** README's page-speed snippet as a site pastes it, pointed at the test server's /widget/. */
const README_SNIPPET = (() => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const snippet = /<script>(window\.centionChat=.*addEventListener\('load'.*)<\/script>/.exec(
    readme,
  );
  if (!snippet?.[1]) throw new Error('README.md no longer holds the page-speed snippet');
  return snippet[1].replace('https://your-host/widget/', '/widget/');
})();

const builds = [
  {
    name: 'module build',
    script: '<script type="module" src="/widget/cention-chat.js"></script>',
    scriptSrc: "'self'",
  },
  {
    name: 'classic loader',
    script: '<script src="/widget/cention-chat.iife.js"></script>',
    scriptSrc: "'self'",
  },
  {
    // Only the nonce allows scripts: the loader's import() of the module entry, and that entry's
    // chunks, must inherit it from the loader's tag.
    name: 'classic loader with a nonce',
    script: `<script nonce="${NONCE}" src="/widget/cention-chat.iife.js"></script>`,
    scriptSrc: `'nonce-${NONCE}'`,
  },
  {
    // The inline snippet, allowed by its nonce only: its import() passes the nonce on.
    name: 'page-speed snippet with a nonce',
    script: `<script nonce="${NONCE}">${README_SNIPPET}</script>`,
    scriptSrc: `'nonce-${NONCE}'`,
  },
  {
    name: 'one-file bundle',
    script: '<script src="/widget/cention-chat.bundle.js"></script>',
    scriptSrc: "'self'",
  },
];

for (const build of builds) {
  test(`a whole chat under a strict CSP with Trusted Types (${build.name})`, async ({
    browser,
    server,
  }) => {
    const pageURL = new URL(`/strict-csp-${build.name.replaceAll(' ', '-')}.html`, server.url).href;
    const context = await browser.newContext();
    const agentContext = await browser.newContext();
    const visitor = await context.newPage();
    const agent = await agentContext.newPage();
    const consoleProblems: string[] = [];
    const pageErrors: string[] = [];
    visitor.on('console', (message) => {
      if (/content security policy|trusted ?type/i.test(message.text())) {
        consoleProblems.push(message.text());
      }
    });
    visitor.on('pageerror', (error) => pageErrors.push(error.message));
    await visitor.addInitScript(recordViolations);
    await visitor.route(pageURL, (route) =>
      route.fulfill({
        status: 200,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': strictCSP(build.scriptSrc),
        },
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
          <title>Strict CSP</title>${build.script}</head>
          <body><main><h1>A page with a strict policy</h1></main>
          <cention-chat base-url="${server.baseURL}" area="1" transcript></cention-chat>
          </body></html>`,
      }),
    );

    try {
      await signInAsAgent(agent, server.agentURL, 'Alice');
      await startChatAsVisitor(visitor, pageURL, {
        name: 'Cecilia Csp',
        email: 'cecilia@example.com',
        question: 'Does the chat work under a strict policy?',
      });
      await agent.getByRole('button', { name: 'Accept chat with Cecilia Csp' }).click();
      await expect(agent.getByRole('log')).toContainText('Does the chat work');

      // Agent HTML (sanitised through the dompurify policy), with a data: image and a link.
      await replyAsAgent(
        agent,
        'Cecilia Csp',
        `It <strong>does</strong>. <img src="${PIXEL_DATA_URL}" alt="tick"> <a href="https://example.com/help">Help</a>`,
      );
      const log = visitor.getByRole('log');
      await expect(log.locator('strong')).toHaveText('does');
      await expect(log.getByRole('img', { name: 'tick' })).toBeVisible();

      // Typing, sending, and the agent's answer.
      await agent.getByLabel('Reply to Cecilia Csp').fill('Typing…');
      await expect(visitor.getByText(/typing/)).toBeVisible();
      await visitor.getByLabel('Write a message').fill('Good to hear.\nTwo lines, too.');
      await visitor.getByLabel('Write a message').press('Enter');
      await expect(agent.getByRole('log')).toContainText('Two lines, too.');

      // A file: uploaded with XHR, shown as a thumbnail from the chat server.
      const chooser = visitor.waitForEvent('filechooser');
      await visitor.getByRole('button', { name: 'Attach a file' }).click();
      await (
        await chooser
      ).setFiles({
        name: 'tick.png',
        mimeType: 'image/png',
        buffer: Buffer.from(PIXEL_DATA_URL.split(',')[1] ?? '', 'base64'),
      });
      await expect(log.getByRole('link', { name: /Download tick\.png/ })).toBeVisible();
      await expect(log.getByRole('img', { name: 'tick.png' })).toBeVisible();
      await expect(agent.getByRole('log')).toContainText('tick.png');

      // A reload resumes the chat (storage and the socket again, under the same policy).
      await visitor.reload();
      await expect(log).toContainText('Good to hear.');
      await replyAsAgent(agent, 'Cecilia Csp', 'Still here after your reload.');
      await expect(log).toContainText('Still here after your reload.');

      // The visitor ends the chat through the confirmation; the finished state offers transcripts.
      await visitor.getByRole('button', { name: 'End chat' }).click();
      await visitor.getByRole('button', { name: 'End chat' }).last().click();
      await expect(visitor.getByText('The chat has ended', { exact: true })).toBeVisible();
      await expect(visitor.getByRole('link', { name: 'Save transcript' })).toBeVisible();

      expect(await violationsIn(visitor)).toEqual([]);
      expect(consoleProblems).toEqual([]);
      expect(pageErrors).toEqual([]);

      // The policy really is enforced on this page: an HTML string sink is refused and reported.
      const refused = await visitor.evaluate(() => {
        try {
          document.querySelector('main')!.innerHTML = '<em>untrusted</em>';
          return false;
        } catch {
          return true;
        }
      });
      expect(refused).toBe(true);
      await expect
        .poll(() => violationsIn(visitor))
        .toEqual([expect.stringMatching(/^require-trusted-types-for/)]);
    } finally {
      await context.close();
      await agentContext.close();
    }
  });
}
