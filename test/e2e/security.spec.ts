/**
 * Security of the visitor's page: agent and robot HTML from an XSS corpus never runs (no dialog, no
 * script, no inline handler, no navigation), and the session secret stays between the widget and
 * its chat server: never in the server's logs, never in a request to another origin.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../demo/server/app.js';
import { robotApiPlugin } from '../../demo/server/robot/robot-api-plugin.js';
import { FakeWebhook } from '../server/robot-webhook-fake.js';
import { Agent } from '../server/support/chat-clients.js';
import { xssPayloads } from './fixtures/xss-payloads.js';
import { callRobotApi, sayAsAgent } from './support/chat-senders.js';
import { expect, startChatAsVisitor, test } from './support/fixtures.js';
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
): Promise<{ visitor: Page; watch: XssWatch; sessionId: number }> {
  const watch = await watchForXss(context);
  const visitor = await context.newPage();
  await startChatAsVisitor(visitor, server.url, {
    name,
    email: 'xss@example.com',
    question: `Hello, this is ${name}.`,
  });
  await expect(visitor.getByRole('log')).toContainText(`Hello, this is ${name}.`);
  const { sessionId } = await readWidgetSession(visitor);
  watch.watchNavigations(visitor);
  return { visitor, watch, sessionId };
}

/** Everything the corpus could have done, checked once the last message is on screen. */
async function expectNothingRan(visitor: Page, watch: XssWatch, baseline: string[]) {
  await expect(visitor.getByRole('log')).toContainText(END_OF_CORPUS);
  // Error handlers would fire when an image fails: wait until every image has loaded or failed.
  await expect.poll(() => pendingImages(visitor)).toBe(0);
  expect(await countDeep(visitor, 'cention-message')).toBeGreaterThan(xssPayloads.length);
  expect(await scanForActiveContent(visitor)).toEqual(baseline);
  for (const link of await messageLinks(visitor)) {
    expect(link.href, 'links in messages are web, mail or phone addresses').toMatch(
      /^(?:https?:|mailto:|tel:)/,
    );
    expect(link.target).toBe('_blank');
    expect(link.rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
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
  expect(await scanForActiveContent(page)).toEqual([
    ...baseline,
    'document > div > img[onerror]',
  ]);
  await context.close();
});

test(`agent HTML from a corpus of ${xssPayloads.length} XSS payloads never runs`, async ({
  browser,
  server,
}) => {
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
    for (const payload of xssPayloads) await sayAsAgent(agent, sessionId, payload.html);
    await sayAsAgent(agent, sessionId, END_OF_CORPUS);

    await expectNothingRan(visitor, watch, baseline);
  } finally {
    agent.close();
    await context.close();
  }
});

test(`robot HTML, buttons and files from the XSS corpus never run`, async ({ browser }) => {
  const webhook = await FakeWebhook.start();
  const plugin = robotApiPlugin({ webhookTimeoutMs: 5000, webhookRetries: 0 });
  const robotServer = await startServer({
    port: 0,
    dataDir: ':memory:',
    logLevel: 'silent',
    plugins: [plugin],
  });
  const context = await browser.newContext();
  // The widget offers the start form only while a human agent is signed in, robot or not.
  const standby = await Agent.signIn(robotServer.baseURL, 'Bob');
  try {
    const token = await plugin.issueToken({
      userName: 'Robbie Robot',
      webhook: webhook.url,
      areaId: 1,
    });
    await callRobotApi(robotServer.baseURL, token, 'register');
    const { visitor, watch, sessionId } = await watchedVisitor(
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

    for (const payload of xssPayloads) await say({ contentType: 'text/html', content: payload.html });
    // The same payloads in the other places a robot puts text: button templates and file names.
    const [first, second] = xssPayloads;
    await say({
      attachments: xssPayloads.slice(0, 10).map((payload) => ({
        type: 'template',
        data: {
          type: 'button',
          text: payload.html,
          buttons: [
            { type: 'postback', title: `<img src=x onerror=__xss(${payload.id})>`, data: payload.html },
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
            type: 'text/html',
            data: Buffer.from(`<script>__xss(${second?.id})</script>`).toString('base64'),
          },
        },
      ],
    });
    // Plain text is shown exactly as written, markup and all.
    await say({ contentType: 'text/plain', content: first?.html });
    await expect(visitor.getByRole('log')).toContainText(first?.html ?? '');
    await say({ contentType: 'text/plain', content: END_OF_CORPUS });
    await expectNothingRan(visitor, watch, baseline);

    // Choosing a button whose title is markup shows the title as text, and still nothing runs.
    const postback = visitor.getByRole('button', { name: `<img src=x onerror=__xss(${first?.id})>` });
    await postback.first().click();
    await expect(visitor.getByRole('log')).toContainText(
      `You chose: <img src=x onerror=__xss(${first?.id})>`,
    );
    await webhook.waitForCall((call) => call.body.type === 'postback');
    expect(watch.hits).toEqual([]);
    expect(await scanForActiveContent(visitor)).toEqual(baseline);
  } finally {
    standby.close();
    await context.close();
    await robotServer.close();
    await webhook.close();
  }
});
