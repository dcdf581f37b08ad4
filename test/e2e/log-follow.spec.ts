/**
 * The log keeps the newest message in view (issue 10), in Chromium at a desktop and a phone size:
 * a robot answer whose image arrives after the rest of the answer was drawn (so the log had
 * already scrolled) still ends with its last part fully visible; a visitor who scrolled up is not
 * moved when a message arrives, and is offered a "New messages" button instead.
 */
import type { Locator } from '@playwright/test';
import {
  expect,
  replyAsAgent,
  signInAsAgent,
  startChatAsVisitor,
  test,
} from './support/fixtures.js';
import { startServerWithRobot } from './support/with-robot.js';

/** Whether the log is scrolled to its end and its last row is inside the log's visible box. */
const newestInView = (log: Locator) =>
  log.evaluate((element) => {
    const rows = element.querySelectorAll('[role="listitem"]');
    const last = rows[rows.length - 1];
    if (!last) return false;
    const box = element.getBoundingClientRect();
    const row = last.getBoundingClientRect();
    const atEnd = element.scrollHeight - element.scrollTop - element.clientHeight <= 2;
    return atEnd && row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
  });

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
]) {
  test(`at ${viewport.width} px the newest message stays in view as an image loads, and a visitor who scrolled up stays put`, async ({
    browser,
    agentConsoleDir,
  }) => {
    const { server, close } = await startServerWithRobot(agentConsoleDir);
    const visitorContext = await browser.newContext({ viewport });
    const agentContext = await browser.newContext();
    try {
      const visitor = await visitorContext.newPage();
      const agent = await agentContext.newPage();
      await signInAsAgent(agent, server.agentURL, 'Alice');

      // The robot's chart is held back until the rest of its answer is on screen.
      let releaseImage = () => {};
      const imageHeld = new Promise<void>((resolve) => (releaseImage = resolve));
      await visitor.route(/\/download\//, async (route) => {
        await imageHeld;
        await route.continue();
      });
      await startChatAsVisitor(visitor, server.url, {
        name: 'Nova Newest',
        email: 'nova@example.com',
        question: 'What are your prices?',
      });
      const log = visitor.getByRole('log');
      await expect(log.getByRole('button', { name: 'Talk to a person' })).toBeVisible();
      await expect.poll(() => newestInView(log)).toBe(true);
      const heightBefore = await log.evaluate((element) => element.scrollHeight);

      releaseImage();
      const chart = log.locator('img[src*="download"]');
      await expect
        .poll(() =>
          chart.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth),
        )
        .toBeGreaterThan(0);
      // The image made the log taller (so there was something to follow), and the end still shows.
      expect(await log.evaluate((element) => element.scrollHeight)).toBeGreaterThan(heightBefore);
      await expect.poll(() => newestInView(log)).toBe(true);

      // Handed over to Alice, who writes enough for the log to scroll.
      await log.getByRole('button', { name: 'Talk to a person' }).press('Enter');
      await agent.getByRole('button', { name: 'Accept chat with Nova Newest' }).click();
      for (let line = 1; line <= 8; line += 1) {
        await replyAsAgent(agent, 'Nova Newest', `Line ${line} of a long answer.`);
      }
      await expect(log).toContainText('Line 8 of a long answer.');
      await expect.poll(() => newestInView(log)).toBe(true);

      // Scrolled to the top, the visitor reads; a new message does not move the view.
      await log.evaluate((element) => element.scrollTo({ top: 0 }));
      const pill = visitor.getByRole('button', { name: 'New messages' });
      await expect(pill).toBeHidden();
      await replyAsAgent(agent, 'Nova Newest', 'One more thing.');
      await expect(log).toContainText('One more thing.');
      await expect(pill).toBeVisible();
      expect(await log.evaluate((element) => element.scrollTop)).toBeLessThanOrEqual(1);

      // The pill takes the visitor to the newest message; focus stays in the chat.
      await pill.click();
      await expect.poll(() => newestInView(log)).toBe(true);
      const focusInBody = await visitor.evaluate(() => document.activeElement === document.body);
      expect(focusInBody).toBe(false);
    } finally {
      await visitorContext.close();
      await agentContext.close();
      await close();
    }
  });
}
