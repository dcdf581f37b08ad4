/**
 * A chat follows the visitor: after a reload and after a navigation to another page of the site the
 * widget reopens with its history, without showing the start form, and a message typed just before
 * leaving the page is delivered once.
 */
import { expect, openAcceptedChat, replyAsAgent, test } from './support/fixtures.js';

test('the chat resumes after a reload and a navigation', async ({ browser, server }) => {
  const { visitor, agent, close } = await openAcceptedChat(browser, server, 'Rita Reload');
  await replyAsAgent(agent, 'Rita Reload', 'Welcome, Rita.');
  await expect(visitor.getByRole('log')).toContainText('Welcome, Rita.');

  // Record whether the start form is ever shown while the page reloads.
  await visitor.addInitScript(() => {
    const seen = { startForm: false };
    (window as unknown as { seenDuringLoad: typeof seen }).seenDuringLoad = seen;
    const check = () => {
      const root = document.querySelector('cention-chat')?.shadowRoot;
      const panel = root?.querySelector('cention-chat-panel')?.shadowRoot;
      if (panel?.querySelector('cention-start-form')) seen.startForm = true;
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  await visitor.reload();
  await expect(visitor.getByRole('log')).toContainText('Welcome, Rita.');
  await expect(visitor.getByRole('log')).toContainText('Hello, this is Rita Reload.');
  expect(
    await visitor.evaluate(
      () =>
        (window as unknown as { seenDuringLoad: { startForm: boolean } }).seenDuringLoad.startForm,
    ),
  ).toBe(false);

  // A message sent just before following a link still reaches the agent, exactly once.
  await visitor.getByLabel('Write a message').fill('Sent right before leaving');
  await visitor.getByLabel('Write a message').press('Enter');
  await visitor.goto(new URL('/pricing.html', server.url).href);
  await expect(visitor.getByRole('log')).toContainText('Welcome, Rita.');
  await expect(agent.getByRole('log')).toContainText('Sent right before leaving');
  await expect(agent.getByRole('log').getByText('Sent right before leaving')).toHaveCount(1);

  // And the conversation goes on from the new page.
  await replyAsAgent(agent, 'Rita Reload', 'Our prices are on this page.');
  await expect(visitor.getByRole('log')).toContainText('Our prices are on this page.');
  await close();
});
