/**
 * Around the chat, as a visitor lives it (issue 15): answers from the library before asking, the
 * tab in the background (title count, an optional tone), and after the chat a rating that reaches
 * the agent's console and the `chat.ended` webhook, and a next chat with name and e-mail filled in.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { demoConfig } from '../../demo/server/demo-config.js';
import type { WebhookDelivery } from '../../demo/server/webhooks/index.js';
import { replyAsAgent, signInAsAgent } from './support/fixtures.js';
import { acceptedChat, expect, test, widgetMessage, type Person } from './support/flow-helpers.js';

/** Counts the tones the widget starts (Web Audio oscillators) on every page load. */
async function countTones(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tones = { count: 0 };
    Object.assign(window, { tones });
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
      tones.count += 1;
      return start.apply(this, args);
    };
  });
}
const tonesOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { tones: { count: number } }).tones.count);

/**
 * A visitor with the panel open on the demo site while an agent is signed in, so the form is
 * offered (the demo's areas queue only with agents).
 */
async function openPanelWithAgent(
  newPerson: () => Promise<Person>,
  server: { url: string; agentURL: string },
): Promise<Page> {
  await signInAsAgent((await newPerson()).page, server.agentURL, 'Alice');
  const { page } = await newPerson();
  await page.goto(server.url);
  await page.getByRole('button', { name: /open chat/i }).click();
  return page;
}

test('typing a question shows library answers; one opens in the panel; “Still start a chat” keeps the question', async ({
  newPerson,
  server,
}) => {
  const page = await openPanelWithAgent(newPerson, server);
  await page.getByLabel('Name').fill('Vera Visitor');
  await page.getByLabel('Email').fill('vera@example.com');
  await page
    .getByLabel('Your question')
    .pressSequentially('how long does delivery of the router take');
  const answers = page.getByRole('region', { name: 'Answers that may help' });
  const delivery = answers.getByRole('button', { name: 'How long does delivery take?' });
  await expect(delivery).toBeVisible();
  expect(await answers.getByRole('listitem').count()).toBeLessThanOrEqual(3);
  await delivery.click();
  // The answer is in the panel, with focus on it; the form waits behind it.
  const heading = page.getByRole('heading', { name: 'How long does delivery take?' });
  await expect(heading).toBeFocused();
  await expect(page.getByText(/We send the router within 2 working days/)).toBeVisible();
  await expect(page.getByLabel('Your question')).toBeHidden();
  await page.getByRole('button', { name: 'Still start a chat' }).click();
  await expect(widgetMessage(page, 'how long does delivery of the router take')).toBeVisible();
  await expect(page.getByText('Waiting for an agent')).toBeVisible();
});

test('“This answered my question” thanks the visitor and starts no chat', async ({
  newPerson,
  server,
}) => {
  const page = await openPanelWithAgent(newPerson, server);
  await page.getByLabel('Your question').pressSequentially('moving house');
  await page
    .getByRole('region', { name: 'Answers that may help' })
    .getByRole('button')
    .first()
    .click();
  await page.getByRole('button', { name: 'This answered my question' }).click();
  await expect(page.getByText('Glad we could help.')).toBeFocused();
  await page.getByRole('button', { name: 'Ask another question' }).click();
  await expect(page.getByLabel('Your question')).toHaveValue('moving house');
});

test('a message while minimised puts (1) in the title; opening restores it; no tone without `sound`', async ({
  newPerson,
  server,
}) => {
  const { visitor, agent } = await acceptedChat(newPerson, server, 'Tilda Title', countTones);
  const v = visitor.page;
  const pageTitle = await v.title();
  await v.getByRole('button', { name: 'Minimise chat' }).click();
  await replyAsAgent(agent.page, 'Tilda Title', 'Your router ships today.');
  await expect(v).toHaveTitle(`(1) New message · ${pageTitle}`);
  await expect(v.getByRole('button', { name: 'Open chat, 1 unread message' })).toBeVisible();
  await replyAsAgent(agent.page, 'Tilda Title', 'Tracking number follows.');
  await expect(v).toHaveTitle(`(2) New messages · ${pageTitle}`);
  expect(await tonesOf(v), 'the site did not ask for a sound').toBe(0);
  await v.getByRole('button', { name: /open chat/i }).click();
  await expect(v).toHaveTitle(pageTitle);
});

test('with `sound`, a message while minimised plays a tone (after the visitor’s clicks)', async ({
  newPerson,
  server,
}) => {
  const { visitor, agent } = await acceptedChat(newPerson, server, 'Sune Sound', countTones);
  const v = visitor.page;
  await v.locator('cention-chat').evaluate((widget) => widget.setAttribute('sound', ''));
  await v.getByRole('button', { name: 'Minimise chat' }).click();
  await replyAsAgent(agent.page, 'Sune Sound', 'Ding?');
  await expect(v.getByRole('button', { name: 'Open chat, 1 unread message' })).toBeVisible();
  await expect.poll(() => tonesOf(v)).toBeGreaterThan(0);
});

test.describe('after the chat', () => {
  let receiver: Server;
  const deliveries: WebhookDelivery[] = [];
  test.beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        deliveries.push(JSON.parse(Buffer.concat(chunks).toString()) as WebhookDelivery);
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  test('the rating reaches the console and chat.ended; the next chat has name and e-mail filled', async ({
    newPerson,
    serverWith,
  }) => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const site = await serverWith({
      ...demoConfig,
      webhooks: [{ url, secret: 'e2e-receiver-secret-0123456789', events: ['chat.ended'] }],
    });
    const { visitor, agent } = await acceptedChat(newPerson, site, 'Rita Rating');
    const v = visitor.page;
    await v.getByRole('button', { name: 'End chat' }).click();
    await v.getByRole('button', { name: 'End chat' }).last().click();
    await expect(widgetMessage(v, 'You ended the chat.')).toBeVisible();
    await expect(v.getByText('Client ended the chat.')).toHaveCount(0);

    // The rating loads with the finished view: four stars (by keyboard) and a comment.
    await v.getByRole('radio', { name: '1 star', exact: true }).focus();
    for (let step = 0; step < 3; step += 1) await v.keyboard.press('ArrowRight');
    await expect(v.getByRole('radio', { name: '4 stars' })).toBeChecked();
    await v.getByLabel('Comment (optional)').fill('Quick and friendly.');
    await v.getByRole('button', { name: 'Send rating' }).click();
    await expect(v.getByText('Thank you for your rating.')).toBeFocused();

    await expect(
      agent.page.getByText('The visitor rated this chat 4 of 5: “Quick and friendly.”'),
    ).toBeVisible();
    await expect.poll(() => deliveries.find((d) => d.event === 'chat.ended')).toBeTruthy();
    const ended = deliveries.find((d) => d.event === 'chat.ended');
    expect(ended?.data.name).toBe('Rita Rating');
    expect(ended?.data.rating).toMatchObject({ score: 4, comment: 'Quick and friendly.' });

    // The next chat's form is filled in with what the visitor gave last time.
    await v.getByRole('button', { name: 'Start a new chat' }).click();
    await expect(v.getByLabel('Name')).toHaveValue('Rita Rating');
    await expect(v.getByLabel('Email')).toHaveValue('visitor@example.com');
    await expect(v.getByLabel('Your question')).toHaveValue('');
  });

  test('reset() forgets the remembered name and e-mail', async ({ newPerson, server }) => {
    const { visitor } = await acceptedChat(newPerson, server, 'Rolf Reset');
    const v = visitor.page;
    await v
      .locator('cention-chat')
      .evaluate((widget) => (widget as HTMLElement & { reset(): void }).reset());
    await v.reload();
    await v.getByRole('button', { name: /open chat/i }).click();
    await expect(v.getByLabel('Name')).toHaveValue('');
    await expect(v.getByLabel('Email')).toHaveValue('');
  });
});
