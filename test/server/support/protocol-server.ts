/**
 * The shared setup of the protocol-*.test.ts files: one real server per file (area 1 shows the
 * visitor's typing text to agents; area 2 hides it and shows the agent's text to the visitor), the
 * clients a test opened closed after the file, and `startChat` for a visitor an agent accepted.
 */
import { after, before } from 'node:test';
import type { RunningServer } from '../../../demo/server/app.js';
import { Agent, Visitor } from './chat-clients.js';
import { startTestServer, testConfig } from './test-server.js';

/** The file's server, set by the `before` hook of `useProtocolServer()` (a live ES module binding). */
export let server: RunningServer;
const open: { close(): void }[] = [];
export const track = <T extends { close(): void }>(client: T): T => {
  open.push(client);
  return client;
};

/** Starts the server before the file's tests; closes it and every tracked client after them. */
export function useProtocolServer(): void {
  before(async () => {
    server = await startTestServer({
      config: testConfig([
        { agentsSeeTypingText: true },
        { agentsSeeTypingText: false, visitorSeesAgentTypingText: true },
      ]),
    });
  });
  after(async () => {
    for (const client of open) client.close();
    await server.close();
  });
}

/** A visitor registered in area 1 and accepted by Alice. */
export async function startChat(fields: Record<string, unknown> = {}, agentName = 'Alice') {
  const visitor = track(await Visitor.connect(server.baseURL));
  const session = await visitor.register(fields);
  const agent = track(await Agent.signIn(server.baseURL, agentName));
  const chat = await agent.accept(session.sessionId);
  return { visitor, session, agent, chat };
}
