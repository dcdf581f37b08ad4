/**
 * Session-bound calls use the area of the session, not of the element: a chat started in area 1
 * on a page whose widget is then switched to another area (a single-page app changing the
 * attribute, or a robot's hand-over moving the chat) still saves its transcript. The widget's
 * links are signed (no secret in the URL), so this also checks they open for the visitor.
 */
import { readFile } from 'node:fs/promises';
import { expect, signInAsAgent, startChatAsVisitor, test } from './support/fixtures.js';

test('the transcript of a chat saves after the widget has moved to another area', async ({
  browser,
  server,
}) => {
  const visitorContext = await browser.newContext();
  const agentContext = await browser.newContext();
  try {
    const visitor = await visitorContext.newPage();
    const agent = await agentContext.newPage();
    await signInAsAgent(agent, server.agentURL, 'Alice');
    const question = 'Which area am I in, transcript-wise?';
    await startChatAsVisitor(visitor, server.url, {
      name: 'Area Andersson',
      email: 'area@example.com',
      question,
    });
    await agent
      .getByRole('listitem')
      .filter({ hasText: question })
      .getByRole('button', { name: 'Accept chat with Area Andersson' })
      .click();
    await agent.getByLabel('Reply to Area Andersson').fill('You are in customer service.');
    await agent.getByLabel('Reply to Area Andersson').press('Enter');
    await expect(visitor.getByRole('log')).toContainText('You are in customer service.');

    // The page now says area 2 (as a single-page app might); the chat is still area 1's.
    await visitor.locator('cention-chat').evaluate((widget) => widget.setAttribute('area', '2'));
    await agent.getByRole('button', { name: 'End chat' }).click();
    const save = visitor.getByRole('link', { name: 'Save transcript' });
    await expect(save).toBeVisible();
    const href = (await save.getAttribute('href')) ?? '';
    expect(href).toContain('signature=');
    expect(href).not.toContain('secret=');

    const downloading = visitor.waitForEvent('download');
    await save.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^chat-\d+\.html$/);
    const saved = await readFile((await download.path()) ?? '', 'utf8');
    expect(saved).toContain(question);
    expect(saved).toContain('You are in customer service.');
  } finally {
    await visitorContext.close();
    await agentContext.close();
  }
});
