/**
 * Leave a message, end to end on the real server with its clock set: a visitor in New York opens
 * the chat of a Stockholm area on a Sunday evening, sees the hours in their own time zone with the
 * next opening, leaves a message with the keyboard and gets a confirmation, keyboard focus never
 * falling to <body>; the errand is then in `GET /v1/errands` with an API key and in the console,
 * where the agent replies and closes it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ServerConfig } from '../../demo/server/config.js';
import { defineArea } from '../../demo/server/config.js';
import { createApiKey } from '../../demo/server/rest/api-keys.js';
import { expectNoAxeViolations } from './support/axe.js';
import { signInAsAgent } from './support/fixtures.js';
import { expect, test } from './support/flow-helpers.js';

const office = { open: '08:00', close: '17:00' };
const config: ServerConfig = {
  workspace: 'demo',
  areas: [
    defineArea({
      id: 1,
      name: 'Sales',
      timeZone: 'Europe/Stockholm',
      openingHours: {
        mon: [office],
        tue: [office],
        wed: [office],
        thu: [office],
        fri: [{ open: '08:00', close: '15:00' }],
      },
    }),
  ],
  agents: [{ name: 'Alice', areas: [1] }],
};
/** Sunday 29 November 2026, 20:00 in Stockholm; 14:00 in New York. */
const SUNDAY_EVENING = Date.UTC(2026, 10, 29, 19, 0);

/** Where keyboard focus is: inside the widget (its host element) and not on <body>. */
const focusedHost = (page: Page) => page.evaluate(() => document.activeElement?.localName ?? '');

test('a closed area: hours in the visitor’s zone, leave a message, the errand reaches API and console', async ({
  newPerson,
  serverWith,
}) => {
  const server = await serverWith(config, () => SUNDAY_EVENING);
  const { key } = createApiKey(server.store, 'e2e');
  const visitor = await newPerson({ locale: 'en-GB', timezoneId: 'America/New_York' });
  const page = visitor.page;
  // The browser's clock says the same Sunday evening (the widget words "tomorrow" from it).
  await page.clock.setFixedTime(SUNDAY_EVENING);
  await page.goto(server.url);
  await page.getByRole('button', { name: /open chat/i }).click();

  const notice = page.getByRole('status').filter({ hasText: 'The chat is closed right now' });
  await expect(notice).toBeVisible();
  // Stockholm's Monday 08:00 is 02:00 in New York.
  await expect(notice).toContainText('Opens tomorrow at 02:00.');
  await expect(notice.getByRole('listitem')).toHaveText([
    'Monday02:00–11:00',
    'Tuesday02:00–11:00',
    'Wednesday02:00–11:00',
    'Thursday02:00–11:00',
    'Friday02:00–09:00',
  ]);
  await expect(notice).toContainText(/Times in your time zone \(.*Eastern.*\)\./);
  await expectNoAxeViolations(page, 'closed area with the leave-a-message form');

  // "Check again" (still closed) keeps focus on itself.
  const checkAgain = page.getByRole('button', { name: 'Check again' });
  await checkAgain.focus();
  await page.keyboard.press('Enter');
  await expect(checkAgain).toBeFocused();
  expect(await focusedHost(page)).toBe('cention-chat');

  // The form, by keyboard: Tab from "Check again" into the fields, Enter on the button.
  const form = page.getByRole('form', { name: 'Leave us a message' });
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Enter'); // empty: errors, focus stays on the first field in error
  await expect(form.getByLabel('Name')).toBeFocused();
  await expect(form.getByText('Please write your message.')).toBeVisible();
  await page.keyboard.type('Nora Nightowl');
  await page.keyboard.press('Tab');
  await page.keyboard.type('nora@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Can I get Fibre 1000 in Umeå?');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Send message' })).toBeFocused();
  await page.keyboard.press('Enter');

  const thanks = page.getByRole('heading', { name: 'Thank you, we have your message' });
  await expect(thanks).toBeVisible();
  await expect(thanks).toBeFocused();
  await expect(page.getByText('We will reply to nora@example.com')).toBeVisible();
  expect(await focusedHost(page)).toBe('cention-chat');
  await expectNoAxeViolations(page, 'message left');

  // The REST API lists it.
  const response = await fetch(`${server.url}v1/errands`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(response.status).toBe(200);
  const { data } = (await response.json()) as {
    data: { id: number; name: string; message: string; status: string; source: string }[];
  };
  expect(data).toHaveLength(1);
  expect(data[0]).toMatchObject({
    name: 'Nora Nightowl',
    message: 'Can I get Fibre 1000 in Umeå?',
    status: 'open',
    source: 'chat',
  });

  // The console shows it; the agent replies (handled), then closes it.
  const alice = await newPerson();
  await signInAsAgent(alice.page, server.agentURL, 'Alice');
  const errand = alice.page.getByRole('button', { name: /^Errand \d+ from Nora Nightowl, open$/ });
  await expect(errand).toBeVisible();
  await errand.click();
  await expect(alice.page.getByText('Can I get Fibre 1000 in Umeå?')).toBeVisible();
  const consoleAxe = await new AxeBuilder({ page: alice.page })
    .include({ fromShadowDom: ['agent-console', 'agent-errands'] })
    .analyze();
  expect(consoleAxe.violations.map((violation) => violation.id)).toEqual([]);
  expect(consoleAxe.passes.length).toBeGreaterThan(0);
  await alice.page.getByLabel('Reply', { exact: true }).fill('Yes: all of Umeå has fibre.');
  await alice.page.getByRole('button', { name: 'Reply and mark handled' }).click();
  await expect(
    alice.page.getByRole('button', { name: /^Errand \d+ from Nora Nightowl, handled$/ }),
  ).toBeVisible();
  await expect(alice.page.getByText('Reply by Alice:')).toBeVisible();
  await alice.page.getByRole('button', { name: 'Close errand' }).click();
  await expect(alice.page.getByText('No messages waiting.')).toBeVisible();
  const closed = await server.contactCenter.errands.get(data[0]?.id ?? 0);
  expect(closed.status).toBe('closed');
  expect(closed.reply).toBe('Yes: all of Umeå has fibre.');
});
