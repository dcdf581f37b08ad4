/**
 * The whole promise in one conversation, as three people would live it: a visitor on the demo site
 * and two agents (Alice, then her colleague Bob) in the console, each in their own browser, over
 * real sockets to the real reference server. Start → queue → accept → messages and typing both
 * ways → a file each way → a colleague joins → the agent ends → the visitor saves and prints the
 * transcript.
 */
import { readFile } from 'node:fs/promises';
import { signInAsAgent, startChatAsVisitor } from './support/fixtures.js';
import {
  consoleBubbles,
  deliveryOf,
  enableTypingPreview,
  expect,
  hrefOf,
  sendAsVisitor,
  test,
  widgetMessage,
} from './support/flow-helpers.js';

// A real 1×1 PNG (the agent's file), so the widget's thumbnail has an image to decode.
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const VISITOR_FILE = Buffer.from('Order 4711: router model NB-1000, serial 99-1234.\n');

test('visitor and agents: the whole conversation from start to transcript', async ({
  newPerson,
  server,
}) => {
  const visitor = await newPerson();
  const alice = await newPerson();
  const bob = await newPerson();
  const pageErrors: string[] = [];
  visitor.page.on('pageerror', (error) => pageErrors.push(error.message));
  const v = visitor.page;
  const a = alice.page;

  await signInAsAgent(a, server.agentURL, 'Alice');
  await signInAsAgent(bob.page, server.agentURL, 'Bob');

  // Start: the demo page's widget, with the visitor's typing shown to the agent.
  await v.goto(server.url);
  await enableTypingPreview(v);
  await v.getByRole('button', { name: /open chat/i }).click();
  await v.getByLabel('Name').fill('Vera Visitor');
  await v.getByLabel('Email').fill('vera@example.com');
  await v.getByLabel('Your question').fill('Is there fibre at Storgatan 3?');
  await v.getByRole('button', { name: 'Start chat' }).click();

  // Queue: the visitor waits with a place in the queue; the agent sees who waits and why.
  await expect(v.getByText('Waiting for an agent')).toBeVisible();
  await expect(v.getByText('You are next in the queue.')).toBeVisible();
  await expect(a.getByText('Is there fibre at Storgatan 3?')).toBeVisible();

  // Accept: the agent has the chat. (That the visitor sees the agent join at once, before the
  // first reply, is the separate test below.)
  await a.getByRole('button', { name: 'Accept chat with Vera Visitor' }).click();
  await expect(consoleBubbles(a)).toHaveText(['Is there fibre at Storgatan 3?']);

  // Messages both ways; the wait is over for the visitor, the header names the agent, and the
  // visitor's own message ends up "Seen by agent" (the console acknowledges what it receives).
  await a.getByLabel('Reply to Vera Visitor').fill('Hi Vera! Yes, Storgatan is connected.');
  await a.getByLabel('Reply to Vera Visitor').press('Enter');
  await expect(widgetMessage(v, 'Hi Vera! Yes, Storgatan is connected.')).toBeVisible();
  await expect(v.getByText('Waiting for an agent')).toBeHidden();
  await expect(v.getByRole('dialog', { name: 'Alice' })).toBeVisible();
  await sendAsVisitor(v, 'Great. How fast is it?');
  await expect(consoleBubbles(a).last()).toHaveText('Great. How fast is it?');
  await expect(deliveryOf(v, 'Great. How fast is it?')).toHaveText('Seen by agent');

  // Typing, agent → visitor: shown while Alice types, gone once she sends.
  const agentTyping = v.getByText('Alice is typing…');
  await a.getByLabel('Reply to Vera Visitor').fill('Up to 1000 Mbit/s');
  await expect(agentTyping).toBeVisible();
  await a.getByLabel('Reply to Vera Visitor').press('Enter');
  await expect(widgetMessage(v, 'Up to 1000 Mbit/s')).toBeVisible();
  await expect(agentTyping).toBeHidden();

  // Typing, visitor → agent: the area lets agents see the text itself.
  await v.getByLabel('Write a message').fill('Do you also have TV');
  await expect(a.getByText('Vera Visitor is typing: Do you also have TV')).toBeVisible();
  await v.getByLabel('Write a message').press('Enter');
  await expect(consoleBubbles(a).last()).toHaveText('Do you also have TV');
  await expect(a.getByText(/Vera Visitor is typing/)).toBeHidden();

  // A file from the visitor: picked with the attach button, received intact by the agent.
  const chooser = v.waitForEvent('filechooser');
  await v.getByRole('button', { name: 'Attach a file' }).click();
  await (
    await chooser
  ).setFiles({ name: 'order-4711.txt', mimeType: 'text/plain', buffer: VISITOR_FILE });
  const agentLink = a.getByRole('log').getByRole('link', { name: 'order-4711.txt' });
  await expect(agentLink).toBeVisible();
  const receivedByAgent = await alice.context.request.get(await hrefOf(agentLink));
  expect(await receivedByAgent.body()).toEqual(VISITOR_FILE);
  // The visitor's own log shows the file once, as a download link.
  await expect(v.getByRole('link', { name: /Download order-4711\.txt/ })).toHaveCount(1);

  // A file from the agent: the visitor gets a thumbnail and a download link with the same bytes.
  await a.getByLabel('Send a file').setInputFiles({
    name: 'coverage-map.png',
    mimeType: 'image/png',
    buffer: PNG_1X1,
  });
  const visitorLink = v.getByRole('link', { name: /Download coverage-map\.png/ });
  await expect(visitorLink).toBeVisible();
  await expect(v.getByRole('img', { name: 'coverage-map.png' })).toBeVisible();
  const receivedByVisitor = await visitor.context.request.get(await hrefOf(visitorLink));
  expect(await receivedByVisitor.body()).toEqual(PNG_1X1);

  // A colleague: Alice adds Bob; Bob gets the chat with its history and can answer the visitor.
  await a.getByLabel('Agent to add').selectOption('Bob');
  await a.getByRole('button', { name: 'Add agent' }).click();
  await expect(widgetMessage(v, 'Agent(s) added: Bob')).toBeVisible();
  await expect(bob.page.getByRole('log')).toContainText('Is there fibre at Storgatan 3?');
  await bob.page.getByLabel('Reply to Vera Visitor').fill('Bob here: TV comes with every plan.');
  await bob.page.getByLabel('Reply to Vera Visitor').press('Enter');
  await expect(widgetMessage(v, 'Bob here: TV comes with every plan.')).toBeVisible();
  await expect(a.getByRole('log')).toContainText('Bob here: TV comes with every plan.');

  // Alice ends the chat: the visitor is told who ended it and can no longer write.
  await a.getByRole('button', { name: 'End chat' }).click();
  await expect(v.getByText('The chat has ended', { exact: true })).toBeVisible();
  await expect(v.getByText('The agent ended the chat.', { exact: false })).toBeVisible();
  await expect(v.getByLabel('Write a message')).toBeDisabled();

  // Save transcript: a real download, an HTML file holding the conversation.
  const conversation = [
    'Is there fibre at Storgatan 3?',
    'Hi Vera! Yes, Storgatan is connected.',
    'Great. How fast is it?',
    'Up to 1000 Mbit/s',
    'Do you also have TV',
    'order-4711.txt',
    'coverage-map.png',
    'Bob here: TV comes with every plan.',
  ];
  const downloading = v.waitForEvent('download');
  await v.getByRole('link', { name: 'Save transcript' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.html$/);
  const saved = await readFile(await download.path(), 'utf8');
  for (const text of conversation) expect(saved).toContain(text);

  // Print transcript: a new tab showing the same conversation, with a Print button.
  const opening = v.waitForEvent('popup');
  await v.getByRole('link', { name: /Print transcript/ }).click();
  const printPage = await opening;
  for (const text of conversation) await expect(printPage.locator('body')).toContainText(text);
  await expect(printPage.getByRole('button', { name: /print/i })).toBeVisible();

  expect(pageErrors).toEqual([]);
});

test('the visitor sees the agent join as soon as the chat is accepted', async ({
  newPerson,
  server,
}) => {
  const visitor = await newPerson();
  const alice = await newPerson();
  await signInAsAgent(alice.page, server.agentURL, 'Alice');
  await startChatAsVisitor(visitor.page, server.url, {
    name: 'Jon Join',
    email: 'jon@example.com',
    question: 'Anyone there?',
  });
  await expect(visitor.page.getByText('Waiting for an agent')).toBeVisible();

  await alice.page.getByRole('button', { name: 'Accept chat with Jon Join' }).click();
  await expect(consoleBubbles(alice.page)).toHaveText(['Anyone there?']);
  // No message from Alice yet: the accept alone ends the wait and names her in the header.
  await expect(visitor.page.getByText('Waiting for an agent')).toBeHidden();
  await expect(visitor.page.getByRole('dialog', { name: 'Alice' })).toBeVisible();
});
