/**
 * The whole product, as people use it: a visitor on the demo site (the built widget, loaded by its
 * script tag) and an agent in the console, each in their own browser context, over real sockets to
 * the real reference server.
 */
import { expect, signInAsAgent, startChatAsVisitor, test } from './support/fixtures.js';

test('a visitor and an agent chat from start to end', async ({ browser, server }) => {
  const visitorContext = await browser.newContext();
  const agentContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const agent = await agentContext.newPage();
  const pageErrors: string[] = [];
  visitor.on('pageerror', (error) => pageErrors.push(error.message));

  await signInAsAgent(agent, server.agentURL, 'Alice');
  await startChatAsVisitor(visitor, server.url, {
    name: 'Vera Visitor',
    email: 'vera@example.com',
    question: 'Is there fibre in Umeå?',
  });

  // Queued until an agent accepts.
  await expect(visitor.getByText('Waiting for an agent')).toBeVisible();
  // The queue may hold other specs' chats of a "Vera Visitor" too: accept this one, by its question.
  await agent
    .getByRole('listitem')
    .filter({ hasText: 'Is there fibre in Umeå?' })
    .getByRole('button', { name: 'Accept chat with Vera Visitor' })
    .click();
  await expect(agent.getByRole('log')).toContainText('Is there fibre in Umeå?');

  // Agent → visitor.
  await agent.getByLabel('Reply to Vera Visitor').fill('Yes, all of Umeå is connected.');
  await agent.getByLabel('Reply to Vera Visitor').press('Enter');
  await expect(visitor.getByRole('log')).toContainText('Yes, all of Umeå is connected.');

  // Visitor → agent, shown as sent on the visitor's side.
  await visitor.getByLabel('Write a message').fill('Great, thanks!');
  await visitor.getByLabel('Write a message').press('Enter');
  await expect(agent.getByRole('log')).toContainText('Great, thanks!');

  // The agent ends the chat; the visitor sees the finished state with the transcript actions.
  await agent.getByRole('button', { name: 'End chat' }).click();
  await expect(visitor.getByText('The chat has ended', { exact: true })).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Save transcript' })).toBeVisible();

  expect(pageErrors).toEqual([]);
  await visitorContext.close();
  await agentContext.close();
});
