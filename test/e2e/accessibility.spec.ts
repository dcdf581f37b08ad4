/**
 * Accessibility of the widget as visitors meet it: axe finds nothing in any state (closed, start
 * form with errors, queued, chatting, agent typing, ending, ended), and the whole visitor flow
 * works with the keyboard alone, with focus where docs/widget.md says it goes.
 */
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.js';
import { expect, replyAsAgent, signInAsAgent, test } from './support/fixtures.js';

// `theme="auto"` (the default) follows the visitor's colour scheme, so both palettes are checked.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations in any state of the widget (${colorScheme} scheme)`, async ({
    browser,
    server,
  }) => {
    const context = await browser.newContext({ colorScheme });
    const agentContext = await browser.newContext();
    const visitor = await context.newPage();
    const agent = await agentContext.newPage();
    try {
      await signInAsAgent(agent, server.agentURL, 'Alice');
      await visitor.goto(server.url);
      const launcher = visitor.getByRole('button', { name: 'Open chat' });
      await expect(launcher).toBeVisible();
      await expectNoAxeViolations(visitor, 'closed');

      await launcher.click();
      await visitor.getByRole('button', { name: 'Start chat' }).click();
      await expect(visitor.getByText('Please enter your name.')).toBeVisible();
      await visitor.getByLabel('Email').fill('not an address');
      await visitor.getByRole('button', { name: 'Start chat' }).click();
      await expect(visitor.getByText(/Please enter a valid email address/)).toBeVisible();
      await expectNoAxeViolations(visitor, 'start form with errors');

      await visitor.getByLabel('Name').fill('Ada Axe');
      await visitor.getByLabel('Email').fill('ada@example.com');
      await visitor.getByLabel('Your question').fill('Is this accessible?');
      await visitor.getByRole('button', { name: 'Start chat' }).click();
      await expect(visitor.getByText('Waiting for an agent')).toBeVisible();
      await expectNoAxeViolations(visitor, 'queued');

      await agent.getByRole('button', { name: 'Accept chat with Ada Axe' }).click();
      await replyAsAgent(
        agent,
        'Ada Axe',
        'Hello Ada! See <a href="https://example.com/help">our help pages</a>. <img src="/site/logo.png">',
      );
      const log = visitor.getByRole('log');
      await expect(log).toContainText('Hello Ada!');
      await visitor.getByLabel('Write a message').fill('Thanks, reading them now.');
      await visitor.getByLabel('Write a message').press('Enter');
      await expect(agent.getByRole('log')).toContainText('Thanks, reading them now.');
      await expectNoAxeViolations(visitor, 'chat');

      await agent.getByLabel('Reply to Ada Axe').fill('Let me check that');
      await expect(visitor.getByText(/typing/)).toBeVisible();
      await expectNoAxeViolations(visitor, 'agent typing');

      await visitor.getByRole('button', { name: 'End chat' }).click();
      await expect(visitor.getByText('End the chat?')).toBeVisible();
      await expectNoAxeViolations(visitor, 'confirming the end');

      await visitor.getByRole('button', { name: 'End chat' }).last().click();
      await expect(visitor.getByText('The chat has ended', { exact: true })).toBeVisible();
      await expectNoAxeViolations(visitor, 'ended');
    } finally {
      await context.close();
      await agentContext.close();
    }
  });
}

/** Presses Tab until `target` has focus (as a keyboard user would), at most `limit` times. */
async function tabTo(page: Page, target: Locator, limit = 25, key = 'Tab'): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element.matches(':focus'))) return;
    await page.keyboard.press(key);
  }
  await expect(target, `reachable with ${key} in ${limit} presses`).toBeFocused();
}

/**
 * The focused control (followed into shadow roots) shows a focus indicator: an outline or a box
 * shadow. Returns a description of what it found, for the failure message.
 */
async function expectVisibleFocus(page: Page, control: string): Promise<void> {
  const focus = await page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return { element: 'none', visible: false };
    const style = getComputedStyle(active);
    const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      element: `${active.localName} (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow})`,
      visible: hasOutline || style.boxShadow !== 'none',
    };
  });
  expect(focus.visible, `visible focus on ${control}: ${focus.element}`).toBe(true);
}

test('a visitor chats from start to end with the keyboard only', async ({ browser, server }) => {
  const context = await browser.newContext();
  const agentContext = await browser.newContext();
  const visitor = await context.newPage();
  const agent = await agentContext.newPage();
  try {
    await signInAsAgent(agent, server.agentURL, 'Alice');
    await visitor.goto(server.url);
    const keyboard = visitor.keyboard;

    // The launcher is in the tab order after the page's own links.
    const launcher = visitor.getByRole('button', { name: 'Open chat' });
    await tabTo(visitor, launcher);
    await expectVisibleFocus(visitor, 'the launcher');
    await keyboard.press('Enter');
    await expect(visitor.getByRole('button', { name: 'Close chat' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    // Opening moves focus to the first field of the start form.
    await expect(visitor.getByLabel('Name')).toBeFocused();
    await expectVisibleFocus(visitor, 'the name field');

    // Submitting an empty form puts focus on the first field in error.
    await tabTo(visitor, visitor.getByRole('button', { name: 'Start chat' }));
    await keyboard.press('Enter');
    await expect(visitor.getByLabel('Name')).toBeFocused();
    await keyboard.type('Kim Keyboard');
    await keyboard.press('Tab');
    await expect(visitor.getByLabel('Email')).toBeFocused();
    await keyboard.type('kim@example.com');
    await keyboard.press('Tab');
    await expect(visitor.getByLabel('Your question')).toBeFocused();
    await keyboard.type('Can I do all of this without a mouse?');
    await tabTo(visitor, visitor.getByRole('button', { name: 'Start chat' }));
    await expectVisibleFocus(visitor, 'the start button');
    await keyboard.press('Enter');
    await expect(visitor.getByText('Waiting for an agent')).toBeVisible();

    await agent.getByRole('button', { name: 'Accept chat with Kim Keyboard' }).click();
    await replyAsAgent(agent, 'Kim Keyboard', 'Yes, you can.');
    await expect(visitor.getByRole('log')).toContainText('Yes, you can.');

    // Writing: Enter sends, Shift+Enter adds a line.
    const composer = visitor.getByLabel('Write a message');
    await tabTo(visitor, composer);
    await expectVisibleFocus(visitor, 'the message field');
    await keyboard.type('First line');
    await keyboard.press('Shift+Enter');
    await keyboard.type('second line');
    await keyboard.press('Enter');
    await expect(agent.getByRole('log')).toContainText('second line');
    await expect(composer).toHaveValue('');

    // Escape closes the panel and gives focus back to the launcher; Enter opens it again.
    await keyboard.press('Escape');
    await expect(visitor.getByRole('button', { name: 'Open chat' })).toBeFocused();
    await keyboard.press('Enter');
    await expect(composer).toBeFocused();

    // Ending: the question starts on "Continue chatting", where Escape means no.
    const endChat = visitor.getByRole('button', { name: 'End chat' });
    await tabTo(visitor, endChat, 25, 'Shift+Tab');
    await expectVisibleFocus(visitor, 'the end chat button');
    await keyboard.press('Enter');
    await expect(visitor.getByRole('button', { name: 'Continue chatting' })).toBeFocused();
    await expectVisibleFocus(visitor, 'continue chatting');
    await keyboard.press('Escape');
    await expect(visitor.getByText('End the chat?')).toBeHidden();
    await expect(visitor.getByRole('button', { name: 'Close chat' })).toBeVisible();

    await tabTo(visitor, endChat, 25, 'Shift+Tab');
    await keyboard.press('Enter');
    await tabTo(visitor, visitor.getByRole('button', { name: 'End chat' }).last());
    await keyboard.press('Enter');
    await expect(visitor.getByText('The chat has ended', { exact: true })).toBeVisible();
    await expect(visitor.getByRole('button', { name: 'Start a new chat' })).toBeFocused();
    await expectVisibleFocus(visitor, 'start a new chat');
    await expect(agent.getByText(/ended the chat|chat ended/i).first()).toBeVisible();

    // A new chat from the keyboard shows the start form again, focus on its first field.
    await keyboard.press('Enter');
    await expect(visitor.getByLabel('Name')).toBeFocused();
  } finally {
    await context.close();
    await agentContext.close();
  }
});
