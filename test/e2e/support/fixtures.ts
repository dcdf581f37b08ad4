/**
 * Playwright fixtures for end-to-end tests: one real reference server per worker (in-memory store,
 * random port, the built widget from dist/ and the built agent console), and helpers to drive the
 * visitor's widget and the agent console like a person would.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startServer,
  type RunningServer,
  type StartServerOptions,
} from '../../../demo/server/app.js';
import { demoConfig } from '../../../demo/server/demo-config.js';
import { buildAgentConsole } from '../../../demo/agent/build.js';
import { E2E_ADMISSION, TEST_AGENT_PASSWORD, withTestPasswords } from './test-passwords.js';

export { E2E_ADMISSION, withTestPasswords };

export interface WorkerFixtures {
  /** The agent console, built once per worker into a temporary folder. */
  agentConsoleDir: string;
}

export interface ServerFixtures {
  /**
   * A fresh reference server for each test (in memory, ~50 ms to start): no chat another test
   * left in a queue changes this test's queue positions.
   */
  server: RunningServer;
}

/** How every e2e server starts: in memory, on a free port, with the test passwords and limits. */
export const e2eServerOptions = (agentConsoleDir: string): StartServerOptions => ({
  port: 0,
  dataDir: ':memory:',
  logLevel: 'silent',
  agentConsoleDir,
  config: withTestPasswords(demoConfig),
  admission: E2E_ADMISSION,
});

export const test = base.extend<ServerFixtures, WorkerFixtures>({
  agentConsoleDir: [
    // Playwright reads a fixture's dependencies from its first parameter's destructuring; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(
        await buildAgentConsole(join(mkdtempSync(join(tmpdir(), 'cention-e2e-')), 'agent')),
      );
    },
    { scope: 'worker' },
  ],
  server: async ({ agentConsoleDir }, use) => {
    const server = await startServer(e2eServerOptions(agentConsoleDir));
    await use(server);
    await server.close();
  },
});

export { expect };

/** Opens the widget on the demo page and starts a chat through its start form. */
export async function startChatAsVisitor(
  page: Page,
  url: string,
  visitor: { name: string; email: string; question: string },
): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: /open chat/i }).click();
  await page.getByLabel('Name').fill(visitor.name);
  await page.getByLabel('Email').fill(visitor.email);
  await page.getByLabel('Your question').fill(visitor.question);
  await page.getByRole('button', { name: 'Start chat' }).click();
}

/** Signs in to the agent console (with the password of `withTestPasswords`). */
export async function signInAsAgent(
  page: Page,
  agentURL: string,
  name: string,
  password = TEST_AGENT_PASSWORD,
): Promise<void> {
  await page.goto(agentURL);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Sends an agent reply from the console. */
export async function replyAsAgent(agent: Page, visitorName: string, text: string): Promise<void> {
  const reply = agent.getByLabel(`Reply to ${visitorName}`);
  await reply.fill(text);
  await reply.press('Enter');
}
