/**
 * A chat follows the visitor: after a reload and after a navigation to another page of the site the
 * widget reopens with its history, without showing the start form, and a message typed just before
 * leaving the page is delivered once.
 */
import { replyAsAgent } from './support/fixtures.js';
import {
  acceptedChat,
  consoleBubbles,
  expect,
  sendAsVisitor,
  startFormWasShown,
  test,
  watchForStartForm,
} from './support/flow-helpers.js';

test('the chat resumes after a reload and a navigation', async ({ newPerson, server }) => {
  const { visitor, agent } = await acceptedChat(newPerson, server, 'Rita Reload');
  const page = visitor.page;
  await replyAsAgent(agent.page, 'Rita Reload', 'Welcome, Rita.');
  await expect(page.getByRole('log')).toContainText('Welcome, Rita.');

  await watchForStartForm(page);
  await page.reload();
  await expect(page.getByRole('log')).toContainText('Welcome, Rita.');
  await expect(page.getByRole('log')).toContainText('Hello, this is Rita Reload.');
  expect(await startFormWasShown(page)).toBe(false);

  // A message sent just before following a link still reaches the agent, exactly once.
  await sendAsVisitor(page, 'Sent right before leaving');
  await page.goto(new URL('/pricing.html', server.url).href);
  await expect(page.getByRole('log')).toContainText('Welcome, Rita.');
  await expect(agent.page.getByRole('log')).toContainText('Sent right before leaving');
  await expect(
    consoleBubbles(agent.page).filter({ hasText: 'Sent right before leaving' }),
  ).toHaveCount(1);

  // And the conversation goes on from the new page.
  await replyAsAgent(agent.page, 'Rita Reload', 'Our prices are on this page.');
  await expect(page.getByRole('log')).toContainText('Our prices are on this page.');
});
