/**
 * A long chat, reloaded, against the real reference server: the widget shows only the newest page
 * (50 messages), loads the older ones when the visitor scrolls to the top without moving what is
 * in view, and after the connection drops with older pages loaded, every message is still there
 * exactly once, in order, and the one sent while away arrives.
 */
import type { Locator, Page } from '@playwright/test';
import { Agent } from '../server/support/chat-clients.js';
import { sayAsAgent } from './support/chat-senders.js';
import { expect, startChatAsVisitor, test } from './support/fixtures.js';
import { widgetMessage } from './support/flow-helpers.js';
import { readWidgetSession } from './support/widget-session.js';

const AGENT_LINES = Array.from(
  { length: 80 },
  (_, index) => `Agent line ${String(index + 1).padStart(2, '0')} of 80`,
);
const QUESTION = 'Hello, this is Paula Paging.';

/**
 * The texts of the widget's message rows, in the order shown. `textContent`, not `innerText`:
 * rows far from the view are not rendered (`content-visibility: auto`) and have no inner text.
 */
function shownTexts(page: Page): Promise<string[]> {
  return page
    .locator('cention-message-list .row')
    .locator('.text, .html')
    .allTextContents()
    .then((texts) => texts.map((text) => text.trim()));
}

/**
 * The first message whose text starts inside the log's view, and how far below the log's top it is; with
 * `scrollToTop`, read right after scrolling to the top, in the same task (before the scroll event
 * asks for older messages).
 */
function firstRowInView(
  log: Locator,
  scrollToTop = false,
): Promise<{ text: string; offset: number }> {
  return log.evaluate((element, scrollToTop) => {
    if (scrollToTop) element.scrollTop = 0;
    const top = element.getBoundingClientRect().top;
    // The message text, not the row: the sender's name above it goes when the older page brings
    // an earlier message of the same sender (one name per group), and the text is what is read.
    const texts = [...element.querySelectorAll<HTMLElement>('.row .text, .row .html')];
    const text = texts.find((candidate) => candidate.getBoundingClientRect().top >= top - 0.5);
    if (!text) throw new Error('no message in view');
    return {
      text: text.textContent?.trim() ?? '',
      offset: Math.round(text.getBoundingClientRect().top - top),
    };
  }, scrollToTop);
}

test('a long chat resumes with its newest page, pages back without moving the view, and survives a reconnect', async ({
  browser,
  server,
}) => {
  const agent = await Agent.signIn(server.baseURL, 'Alice');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await startChatAsVisitor(page, server.url, {
      name: 'Paula Paging',
      email: 'paula@example.com',
      question: QUESTION,
    });
    const { sessionId } = await readWidgetSession(page);
    await agent.accept(sessionId);
    for (const line of AGENT_LINES) await sayAsAgent(agent, sessionId, line);
    await expect(widgetMessage(page, AGENT_LINES.at(-1)!)).toBeVisible();

    // A fresh page load: only the newest 50 messages are drawn, the newest in view.
    await page.reload();
    await expect(widgetMessage(page, AGENT_LINES.at(-1)!)).toBeInViewport();
    expect(await shownTexts(page)).toEqual(AGENT_LINES.slice(-50));

    // Scrolled to the top, the older page goes in above and what was in view stays where it was.
    const log = page.locator('cention-message-list .log');
    const before = await firstRowInView(log, true);
    expect(before.text).toBe(AGENT_LINES[30]);
    await expect(widgetMessage(page, QUESTION)).toHaveCount(1);
    const after = await firstRowInView(log);
    expect(after.text).toBe(before.text);
    expect(Math.abs(after.offset - before.offset)).toBeLessThanOrEqual(2);
    expect(await shownTexts(page)).toEqual([QUESTION, ...AGENT_LINES]);

    // The connection drops with older pages loaded; Alice writes meanwhile.
    await context.setOffline(true);
    await expect(page.getByText('You are offline.', { exact: false })).toBeVisible();
    await sayAsAgent(agent, sessionId, 'Written while you were away.');
    await context.setOffline(false);
    await expect(widgetMessage(page, 'Written while you were away.')).toHaveCount(1);
    await expect(page.getByText('You are offline.', { exact: false })).toBeHidden();
    expect(await shownTexts(page)).toEqual([
      QUESTION,
      ...AGENT_LINES,
      'Written while you were away.',
    ]);
  } finally {
    agent.close();
    await context.close();
  }
});
