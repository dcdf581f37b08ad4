/**
 * Reads the visitor's chat session from the widget on a page, the way an integrator would: through
 * the element's `client` property (docs/widget.md), once the server has answered `register`.
 */
import { expect, type Page } from '@playwright/test';

export interface WidgetSession {
  sessionId: number;
  sessionSecret: string;
}

type ElementWithClient = HTMLElement & {
  client?: { sessionId?: number; sessionSecret?: string };
};

/** Waits until the widget's client has a session, and returns it. */
export async function readWidgetSession(page: Page): Promise<WidgetSession> {
  const read = () =>
    page.evaluate(() => {
      const client = (document.querySelector('cention-chat') as ElementWithClient | null)?.client;
      return client?.sessionId !== undefined && client.sessionSecret
        ? { sessionId: Number(client.sessionId), sessionSecret: client.sessionSecret }
        : undefined;
    });
  await expect.poll(read, { message: 'the widget has a chat session' }).toBeDefined();
  const session = await read();
  if (!session) throw new Error('the widget lost its session');
  return session;
}
