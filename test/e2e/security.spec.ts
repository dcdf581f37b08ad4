/**
 * Security of the visitor's page: agent and robot HTML from an XSS corpus never runs (no dialog, no
 * script, no inline handler, no navigation), and the session secret stays between the widget and
 * its chat server: never in the server's logs, never in a request to another origin.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../demo/server/app.js';
import { demoConfig } from '../../demo/server/demo-config.js';
import { robotApiPlugin } from '../../demo/server/robot/robot-api-plugin.js';
import { FakeWebhook } from '../server/robot-webhook-fake.js';
import { Agent } from '../server/support/chat-clients.js';
import { framesetPayloads, xssPayloads, type XssPayload } from './fixtures/xss-payloads.js';
import { callRobotApi, sayAsAgent } from './support/chat-senders.js';
import { expect, startChatAsVisitor, test, withTestPasswords } from './support/fixtures.js';
import { readWidgetSession } from './support/widget-session.js';
import {
  countDeep,
  messageLinks,
  pendingImages,
  scanForActiveContent,
  watchForXss,
  type XssWatch,
} from './support/xss-watch.js';

const END_OF_CORPUS = 'End of the XSS corpus.';
/** The visitor's own text is shown as text; this one would report id 9000 if it ran. */
const VISITOR_PAYLOAD = '<img src=x onerror=__xss(9000)><script>__xss(9001)</script>';

/** A visitor page with the XSS watch armed, chatting (question shown) on `server`. */
async function watchedVisitor(
  context: BrowserContext,
  server: RunningServer,
  name: string,
): Promise<{ visitor: Page; watch: XssWatch; sessionId: number; sessionSecret: string }> {
  const watch = await watchForXss(context);
  const visitor = await context.newPage();
  await startChatAsVisitor(visitor, server.url, {
    name,
    email: 'xss@example.com',
    question: `Hello, this is ${name}.`,
  });
  await expect(visitor.getByRole('log')).toContainText(`Hello, this is ${name}.`);
  const { sessionId, sessionSecret } = await readWidgetSession(visitor);
  watch.watchNavigations(visitor);
  return { visitor, watch, sessionId, sessionSecret };
}

/** Everything the corpus could have done, checked once the last message is on screen. */
async function expectNothingRan(
  visitor: Page,
  watch: XssWatch,
  baseline: string[],
  payloads: readonly XssPayload[],
) {
  await expect(visitor.getByRole('log')).toContainText(END_OF_CORPUS);
  // Error handlers would fire when an image fails: wait until every image has loaded or failed.
  await expect.poll(() => pendingImages(visitor)).toBe(0);
  expect(await countDeep(visitor, '.row[data-key]')).toBeGreaterThan(payloads.length);
  expect(await scanForActiveContent(visitor)).toEqual(baseline);
  for (const link of await messageLinks(visitor)) {
    // Relative addresses ("#", "/page") have no scheme of their own; any scheme must be harmless.
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(link.href)?.[1]?.toLowerCase();
    expect([undefined, 'http', 'https', 'mailto', 'tel'], `link ${link.href}`).toContain(scheme);
    expect(link, 'links open in a new tab without access to the page').toMatchObject({
      target: '_blank',
      rel: expect.stringMatching(/^(?=.*\bnoopener\b)(?=.*\bnoreferrer\b)/),
    });
  }
  expect(watch.hits, 'ids of payloads that executed').toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.popups).toEqual([]);
  expect(watch.navigations).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
}

async function sendAsVisitor(visitor: Page, text: string): Promise<void> {
  await visitor.getByLabel('Write a message').fill(text);
  await visitor.getByLabel('Write a message').press('Enter');
}

test('the XSS watch itself notices a payload that runs', async ({ browser, server }) => {
  // Without this, a broken watch would make every XSS test below pass.
  const context = await browser.newContext();
  const watch = await watchForXss(context);
  const page = await context.newPage();
  await page.goto(server.url);
  const baseline = await scanForActiveContent(page);
  await page.evaluate(() => {
    const host = document.createElement('div');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<img src=x onerror="__xss(-1)">';
  });
  await expect.poll(() => watch.hits).toEqual([-1]);
  expect(await scanForActiveContent(page)).toEqual([...baseline, 'document > div > img[onerror]']);
  await page.evaluate(() => setTimeout(() => alert('control'), 0));
  await expect.poll(() => watch.dialogs).toEqual(['alert: control']);
  await context.close();
});

/** The agent half: the visitor chats with Alice, who sends every payload over the agent socket. */
async function sendCorpusAsAgent(
  browser: Browser,
  server: RunningServer,
  payloads: readonly XssPayload[],
): Promise<void> {
  // An agent is signed in first: with none, the widget offers no start form.
  const agent = await Agent.signIn(server.baseURL, 'Alice');
  const context = await browser.newContext();
  const { visitor, watch, sessionId } = await watchedVisitor(context, server, 'Xena Agentside');
  try {
    await agent.accept(sessionId);
    await sayAsAgent(agent, sessionId, 'Hi, Alice here.');
    await expect(visitor.getByRole('log')).toContainText('Hi, Alice here.');
    const baseline = await scanForActiveContent(visitor);

    await sendAsVisitor(visitor, VISITOR_PAYLOAD);
    await expect(visitor.getByRole('log')).toContainText(VISITOR_PAYLOAD);
    for (const payload of payloads) await sayAsAgent(agent, sessionId, payload.html);
    await sayAsAgent(agent, sessionId, END_OF_CORPUS);

    await expectNothingRan(visitor, watch, baseline, payloads);
    // Leave the shared server tidy: an open chat would go back to the queue when Alice leaves.
    await agent.act('end', { sessionId });
  } finally {
    agent.close();
    await context.close();
  }
}

test(`agent HTML from a corpus of ${xssPayloads.length} XSS payloads never runs`, async ({
  browser,
  server,
}) => {
  await sendCorpusAsAgent(browser, server, xssPayloads);
});

test('agent HTML that parses to a <frameset> document neither runs nor freezes the page', async ({
  browser,
  server,
}) => {
  await sendCorpusAsAgent(browser, server, framesetPayloads);
});

test(`robot HTML, buttons and files from the XSS corpus never run`, async ({ browser }) => {
  const webhook = await FakeWebhook.start();
  const plugin = robotApiPlugin({ webhookTimeoutMs: 5000, webhookRetries: 0 });
  const robotServer = await startServer({
    port: 0,
    dataDir: ':memory:',
    logLevel: 'silent',
    config: withTestPasswords(demoConfig),
    plugins: [plugin],
  });
  const context = await browser.newContext();
  try {
    const token = await plugin.issueToken({
      userName: 'Robbie Robot',
      webhook: webhook.url,
      areaId: 1,
    });
    await callRobotApi(robotServer.baseURL, token, 'register');
    const { visitor, watch, sessionId, sessionSecret } = await watchedVisitor(
      context,
      robotServer,
      'Xavier Robotside',
    );
    // The chat is the robot's: its webhook heard the first question.
    await webhook.waitForCall((call) => call.body.sessionId === sessionId);
    const say = (body: Record<string, unknown>) =>
      callRobotApi(robotServer.baseURL, token, 'message', { sessionId, ...body });
    await say({ contentType: 'text/plain', content: 'Beep, Robbie here.' });
    await expect(visitor.getByRole('log')).toContainText('Beep, Robbie here.');
    const baseline = await scanForActiveContent(visitor);

    for (const payload of xssPayloads)
      await say({ contentType: 'text/html', content: payload.html });
    // The same payloads in the other places a robot puts text: button templates and file names.
    const [first, second] = xssPayloads;
    await say({
      attachments: xssPayloads.slice(0, 10).map((payload) => ({
        type: 'template',
        data: {
          type: 'button',
          text: payload.html,
          buttons: [
            {
              type: 'postback',
              title: `<img src=x onerror=__xss(${payload.id})>`,
              data: payload.html,
            },
            {
              type: 'url',
              title: payload.html,
              url: `https://example.com/?q="><script>__xss(${payload.id})</script>`,
            },
          ],
        },
      })),
    });
    const svgWithScript = `<svg xmlns="http://www.w3.org/2000/svg" onload="__xss(${first?.id})"><script>__xss(${second?.id})</script></svg>`;
    await say({
      attachments: [
        {
          type: 'file',
          data: {
            name: `<img src=x onerror=__xss(${first?.id})>.svg`,
            type: 'image/svg+xml',
            data: Buffer.from(svgWithScript).toString('base64'),
          },
        },
        {
          type: 'file',
          data: {
            name: `"><script>__xss(${second?.id})</script>.html`,
            // Robot files follow the area's allowed types (text/html is not one): an HTML page
            // labelled as text is what a robot can still send.
            type: 'text/plain',
            data: Buffer.from(`<script>__xss(${second?.id})</script>`).toString('base64'),
          },
        },
      ],
    });
    // Files are offered as download links named as sent; an SVG never becomes an inline image.
    const log = visitor.getByRole('log');
    await expect(log.getByRole('link', { name: /onerror=__xss\(\d+\)>\.svg/ })).toBeVisible();
    // (The server replaces the "/" of a file name.)
    await expect(log.getByRole('link', { name: /<.script>\.html/ })).toBeVisible();
    await expect(log.getByRole('img', { name: /\.svg$/ })).toHaveCount(0);
    // Plain text is shown exactly as written, markup and all.
    await say({ contentType: 'text/plain', content: first?.html });
    await expect(visitor.getByRole('log')).toContainText(first?.html ?? '');
    await say({ contentType: 'text/plain', content: END_OF_CORPUS });
    await expectNothingRan(visitor, watch, baseline, xssPayloads);

    // Choosing a button whose title is markup shows the title as text, and still nothing runs.
    const postback = visitor.getByRole('button', {
      name: `<img src=x onerror=__xss(${first?.id})>`,
    });
    await postback.first().click();
    await expect(visitor.getByRole('log')).toContainText(
      `You chose: <img src=x onerror=__xss(${first?.id})>`,
    );
    await webhook.waitForCall((call) => call.body.type === 'postback');

    // The SVG file link downloads the file rather than showing it on the chat server's origin,
    // and opened directly, the server's sandboxing policy keeps its script from running.
    const svgLink = log.getByRole('link', { name: /\.svg/ });
    const download = visitor.waitForEvent('download');
    await svgLink.click();
    expect((await download).suggestedFilename()).toMatch(/\.svg$/);
    const svgResponse = await fetch((await svgLink.getAttribute('href')) ?? '');
    expect(svgResponse.status).toBe(200);
    expect(svgResponse.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(svgResponse.headers.get('x-content-type-options')).toBe('nosniff');
    expect(watch.hits).toEqual([]);
    // The robot is another origin too: it learns the session id, never the secret.
    expect(JSON.stringify(webhook.calls)).not.toContain(sessionSecret);
    expect(await scanForActiveContent(visitor)).toEqual(baseline);
  } finally {
    await context.close();
    await robotServer.close();
    await webhook.close();
  }
});

/** A 1×1 PNG, for an upload whose thumbnail the widget loads with the secret in its address. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** Another origin: what a link or image in an agent message may point to. */
const ELSEWHERE = 'http://elsewhere.test';

test('the session secret stays out of the server logs and away from other origins', async ({
  browser,
}) => {
  const logLines: string[] = [];
  const secretServer = await startServer({
    port: 0,
    dataDir: ':memory:',
    logLevel: 'trace',
    logStream: { write: (line: string) => void logLines.push(line) },
    config: withTestPasswords(demoConfig),
  });
  const agent = await Agent.signIn(secretServer.baseURL, 'Alice');
  const context = await browser.newContext();
  try {
    // Every request of the visitor's context (popups included): address, headers and body.
    const recorded: Promise<{ url: string; text: string }>[] = [];
    context.on('request', (request) =>
      recorded.push(
        request.allHeaders().then((headers) => ({
          url: request.url(),
          text: [request.url(), JSON.stringify(headers), request.postData() ?? ''].join('\n'),
        })),
      ),
    );
    await context.route(`${ELSEWHERE}/**`, (route) =>
      route.request().resourceType() === 'image'
        ? route.fulfill({ contentType: 'image/png', body: PIXEL_PNG })
        : route.fulfill({ contentType: 'text/html', body: '<title>Partner</title><p>Partner</p>' }),
    );
    const visitor = await context.newPage();
    await startChatAsVisitor(visitor, secretServer.url, {
      name: 'Sam Secret',
      email: 'sam@example.com',
      question: 'Where does my secret go?',
    });
    const { sessionId, sessionSecret } = await readWidgetSession(visitor);
    await agent.accept(sessionId);

    // An agent message pointing elsewhere: an image that loads at once and a link the visitor
    // follows. A look-alike download address on the other origin must not get the secret either.
    await sayAsAgent(
      agent,
      sessionId,
      `See <a href="${ELSEWHERE}/partner">our partner</a>
       <img src="${ELSEWHERE}/pixel.png" alt="partner logo">
       <img src="${ELSEWHERE}/s/demo/socket/external.api/download/abc" alt="look-alike">`,
    );
    await expect(visitor.getByRole('img', { name: 'partner logo' })).toBeVisible();
    const popupOpened = context.waitForEvent('page');
    await visitor.getByRole('link', { name: /our partner/ }).click();
    const partnerPage = await popupOpened;
    await partnerPage.waitForLoadState();
    expect(partnerPage.url()).toBe(`${ELSEWHERE}/partner`);

    // Everything that carries the secret to the chat server: an upload, its thumbnail and
    // download link, a resume after a reload, and the transcript after the chat ends.
    const chooser = visitor.waitForEvent('filechooser');
    await visitor.getByRole('button', { name: 'Attach a file' }).click();
    await (await chooser).setFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: PIXEL_PNG });
    await expect(visitor.getByRole('link', { name: /Download pixel\.png/ })).toBeVisible();
    await expect.poll(() => pendingImages(visitor)).toBe(0);
    await visitor.reload();
    await expect(visitor.getByRole('log')).toContainText('Where does my secret go?');
    await agent.act('end', { sessionId });
    const printLink = visitor.getByRole('link', { name: /Print transcript/ });
    await expect(printLink).toBeVisible();
    const transcriptOpened = context.waitForEvent('page');
    await printLink.click();
    const transcript = await transcriptOpened;
    await expect(transcript.getByText('Where does my secret go?')).toBeVisible();
    // A signed link: the secret is not in the address that lands in history and bookmarks.
    expect(transcript.url()).toContain('signature=');
    expect(transcript.url()).not.toContain(sessionSecret);

    const requests = await Promise.all(recorded);
    const serverOrigin = new URL(secretServer.url).origin;
    const toServer = requests.filter((request) => new URL(request.url).origin === serverOrigin);
    const elsewhere = requests.filter((request) => new URL(request.url).origin !== serverOrigin);
    // The search below can fail: the secret does travel, to the chat server only.
    expect(toServer.some((request) => request.text.includes(sessionSecret))).toBe(true);
    expect(elsewhere.map((request) => request.url)).toEqual(
      expect.arrayContaining([
        `${ELSEWHERE}/pixel.png`,
        `${ELSEWHERE}/partner`,
        `${ELSEWHERE}/s/demo/socket/external.api/download/abc`,
      ]),
    );
    for (const request of elsewhere) {
      expect(request.text, `request to ${request.url}`).not.toContain(sessionSecret);
    }

    // The server logged those requests (scrubbed), and the secret is nowhere in its log.
    const log = logLines.join('');
    expect(log).toContain('printhistory');
    expect(log).toContain('[redacted]');
    expect(log).not.toContain(sessionSecret);
  } finally {
    agent.close();
    await context.close();
    await secretServer.close();
  }
});
