/**
 * The chat robot in the browser: on the demo page a visitor asks the demo FAQ robot (its own HTTP
 * server on loopback, registered through the robot API), gets an answer with an image and buttons,
 * clicks the "Talk to a person" postback, and the chat appears in the agent console, where an agent
 * accepts it with the whole story.
 */
import { startDemoRobot } from '../../demo/robot/robot-server.js';
import { startServer } from '../../demo/server/app.js';
import { demoConfig } from '../../demo/server/demo-config.js';
import { robotApiPlugin } from '../../demo/server/robot/robot-api-plugin.js';
import {
  E2E_ADMISSION,
  expect,
  signInAsAgent,
  startChatAsVisitor,
  test,
  withTestPasswords,
} from './support/fixtures.js';

test('visitor asks the robot, picks a button, and is handed over to an agent', async ({
  browser,
  agentConsoleDir,
}) => {
  const plugin = robotApiPlugin({ webhookTimeoutMs: 4000 });
  const server = await startServer({
    port: 0,
    dataDir: ':memory:',
    logLevel: 'silent',
    agentConsoleDir,
    config: withTestPasswords(demoConfig),
    admission: E2E_ADMISSION,
    plugins: [plugin],
  });
  const robot = await startDemoRobot({
    serverBaseURL: server.baseURL,
    port: 0,
    issueToken: (request) => plugin.issueToken(request),
  });
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
    await robot.close();
    await server.close();
  }
});
