/**
 * The states where a chat cannot start, each from a server whose config (and clock) produces it,
 * not from the weekday the suite happens to run on: outside opening hours, no agent signed in, and
 * a full queue. Each test also shows the way out, so a widget stuck in the state would fail.
 */
import type { AreaConfig, ServerConfig } from '../../demo/server/config.js';
import { defineArea } from '../../demo/server/config.js';
import { signInAsAgent, startChatAsVisitor } from './support/fixtures.js';
import { expect, test } from './support/flow-helpers.js';

/** The demo workspace (the demo pages' base-url) with one area 1 shaped by the test. */
function configWith(area: Partial<AreaConfig>): ServerConfig {
  return {
    workspace: 'demo',
    areas: [defineArea({ id: 1, name: 'Customer service', ...area })],
    agents: [{ name: 'Alice', areas: [1] }],
  };
}

const SUNDAY_NOON_UTC = Date.UTC(2026, 10, 22, 12, 0);
const MONDAY_TEN_UTC = Date.UTC(2026, 10, 23, 10, 0);

test('outside opening hours the widget says so and shows the hours', async ({
  newPerson,
  serverWith,
}) => {
  let now = SUNDAY_NOON_UTC;
  const server = await serverWith(
    configWith({ timeZone: 'UTC', openingHours: { mon: [{ open: '08:00', close: '17:00' }] } }),
    () => now,
  );
  // An agent is signed in, so only the hours can keep the chat closed.
  const alice = await newPerson();
  await signInAsAgent(alice.page, server.agentURL, 'Alice');
  await expect(alice.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const visitor = await newPerson({ locale: 'en-GB', timezoneId: 'UTC' });
  const page = visitor.page;
  // The widget words the next opening from the browser's clock: the same Sunday noon.
  await page.clock.setFixedTime(now);
  await page.goto(server.url);
  await page.getByRole('button', { name: /open chat/i }).click();

  const notice = page.getByRole('status').filter({ hasText: 'The chat is closed right now' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Opening hours:');
  await expect(notice).toContainText('Opens tomorrow at 08:00.');
  await expect(notice.getByRole('listitem')).toHaveText(['Monday08:00–17:00']);
  await expect(page.getByLabel('Your question')).toHaveCount(0);

  // Monday morning: the same widget offers the form after "Check again".
  now = MONDAY_TEN_UTC;
  await page.clock.setFixedTime(now);
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByLabel('Your question')).toBeVisible();
  await expect(page.getByText('The chat is closed right now')).toHaveCount(0);
});

test('with no agent signed in the widget says all agents are busy, also after the form', async ({
  newPerson,
  serverWith,
}) => {
  const server = await serverWith(configWith({ queueWithoutAgents: false }));
  const visitor = await newPerson();
  const alice = await newPerson();
  const page = visitor.page;
  await page.goto(server.url);
  await page.getByRole('button', { name: /open chat/i }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'All our agents are busy' }),
  ).toBeVisible();
  await expect(page.getByText('Please try again in a little while.')).toBeVisible();
  await expect(page.getByLabel('Your question')).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Leave us a message' })).toBeVisible();

  // Alice signs in: "Check again" brings the form.
  await signInAsAgent(alice.page, server.agentURL, 'Alice');
  await expect(alice.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByLabel('Your question')).toBeVisible();

  // She signs out while the visitor fills in the form: the server refuses the start
  // (`agent unavailable`) and the widget shows the same state instead of a dead queue.
  await page.getByLabel('Name').fill('Nora Nobody');
  await page.getByLabel('Email').fill('nora@example.com');
  await page.getByLabel('Your question').fill('Hello?');
  await alice.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(alice.page.getByLabel('Your name')).toBeVisible();
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'All our agents are busy' }),
  ).toBeVisible();
  await expect(page.getByText('Waiting for an agent')).toHaveCount(0);
});

test('a full queue turns the next visitor away until there is room', async ({
  newPerson,
  serverWith,
}) => {
  const server = await serverWith(configWith({ queueCapacity: 1 }));
  const first = await newPerson();
  const second = await newPerson();
  const alice = await newPerson();
  await signInAsAgent(alice.page, server.agentURL, 'Alice');

  await startChatAsVisitor(first.page, server.url, {
    name: 'Fred First',
    email: 'fred@example.com',
    question: 'First in line.',
  });
  await expect(first.page.getByText('You are next in the queue.')).toBeVisible();

  await startChatAsVisitor(second.page, server.url, {
    name: 'Sara Second',
    email: 'sara@example.com',
    question: 'Second in line.',
  });
  const full = second.page.getByRole('status').filter({ hasText: 'The queue is full' });
  await expect(full).toBeVisible();
  await expect(full).toContainText('Many people are waiting right now. Please try again later.');
  await expect(second.page.getByRole('form', { name: 'Leave us a message' })).toBeVisible();
  await expect(second.page.getByText('Waiting for an agent')).toHaveCount(0);
  // The refused visitor never reaches the agent's queue.
  await expect(alice.page.getByRole('button', { name: /^Accept chat with/ })).toHaveText([
    'Accept',
  ]);
  await expect(
    alice.page.getByRole('button', { name: 'Accept chat with Sara Second' }),
  ).toHaveCount(0);

  // Alice takes the first chat; the queue has room again and the second visitor gets in.
  await alice.page.getByRole('button', { name: 'Accept chat with Fred First' }).click();
  await expect(alice.page.getByRole('button', { name: /^Accept chat with/ })).toHaveCount(0);
  await second.page.getByRole('button', { name: 'Check again' }).click();
  // The leave-a-message form (with its own Name field) stays while the check runs.
  await expect(second.page.getByLabel('Your question')).toBeVisible();
  await second.page.getByLabel('Name').fill('Sara Second');
  await second.page.getByLabel('Email').fill('sara@example.com');
  await second.page.getByLabel('Your question').fill('Second in line, again.');
  await second.page.getByRole('button', { name: 'Start chat' }).click();
  await expect(second.page.getByText('You are next in the queue.')).toBeVisible();
  await expect(
    alice.page.getByRole('button', { name: 'Accept chat with Sara Second' }),
  ).toBeVisible();
});
