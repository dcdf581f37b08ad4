/**
 * The chat robot in the browser: on the demo page a visitor asks the demo FAQ robot (its own HTTP
 * server on loopback, registered through the robot API), gets an answer with an image and buttons,
 * clicks the "Talk to a person" postback, and the chat appears in the agent console, where an agent
 * accepts it with the whole story.
 */
import { expect, signInAsAgent, startChatAsVisitor, test } from './support/fixtures.js';
import { startServerWithRobot } from './support/with-robot.js';

test('visitor asks the robot, picks a button, and is handed over to an agent', async ({
  browser,
  agentConsoleDir,
}) => {
  const { server, close } = await startServerWithRobot(agentConsoleDir);
  const visitorContext = await browser.newContext();
  const agentContext = await browser.newContext();
  try {
    const visitor = await visitorContext.newPage();
    const agent = await agentContext.newPage();
    await signInAsAgent(agent, server.agentURL, 'Alice');

    // No human is needed to start: the robot counts as available and answers at once.
    await startChatAsVisitor(visitor, server.url, {
      name: 'Robin Robot',
      email: 'robin@example.com',
      question: 'What are your prices?',
    });
    const log = visitor.getByRole('log');
    await expect(log).toContainText('449 kr');
    await expect(log).toContainText('FAQ Robot');
    await expect(log.locator('img[src*="download"]')).toBeVisible();
    const person = log.getByRole('button', { name: 'Talk to a person' });
    await expect(person).toBeVisible();
    await expect(log.getByRole('link', { name: /See all plans/ })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );

    // The postback: the visitor's choice shows in the log, the robot hands over to the queue.
    await person.press('Enter');
    await expect(log).toContainText('You chose: Talk to a person');
    await expect(log).toContainText('FAQ Robot has left the chat.');
    await expect(visitor.getByText('Waiting for an agent')).toBeVisible();

    // The chat is in Alice's queue; she accepts and sees what happened before.
    await agent.getByRole('button', { name: 'Accept chat with Robin Robot' }).click();
    const agentLog = agent.getByRole('log');
    await expect(agentLog).toContainText('What are your prices?');
    await expect(agentLog).toContainText('449 kr');
    await expect(agentLog).toContainText('Talk to a person');
    const reply = agent.getByLabel('Reply to Robin Robot');
    await reply.fill('Hi Robin, Alice here.');
    await reply.press('Enter');
    await expect(log).toContainText('Hi Robin, Alice here.');
  } finally {
    await visitorContext.close();
    await agentContext.close();
    await close();
  }
});
