/**
 * Sending many messages to a visitor quickly, as an agent (the agent socket, through the server
 * tests' `Agent` client) and as a robot (the robot API's HTTP endpoints with a bearer token).
 */
import type { AgentServerEvents } from '../../../src/protocol/index.js';
import type { Agent } from '../../server/support/chat-clients.js';
import type { ServerEvent } from '../../server/support/socket-client.js';

/** The robot API answers; throws with the server's message for anything but 2xx. */
export async function callRobotApi(
  baseURL: string,
  token: string,
  endpoint: 'register' | 'message' | 'close',
  body: Record<string, unknown> = {},
): Promise<unknown> {
  const response = await fetch(`${baseURL}/api/bot/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (!response.ok) {
    throw new Error(`robot API ${endpoint}: ${response.status} ${JSON.stringify(answer)}`);
  }
  return answer;
}

let umidCounter = 0;

/**
 * Sends one agent message and waits for `message sent`. The server allows 20 frames a second per
 * connection (bursts of 60) and answers `rate_limited` beyond that; the message is then sent again
 * once the bucket has had time to refill, as the agent console's outbox would.
 */
export async function sayAsAgent(agent: Agent, sessionId: number, text: string): Promise<void> {
  const umid = `e2e-${Date.now()}-${++umidCounter}`;
  const isRateLimited = (frame: ServerEvent<AgentServerEvents>) =>
    frame.event === 'error' && frame.args[0].code === 'rate_limited';
  for (let attempt = 0; attempt < 50; attempt++) {
    const id = agent.socket.send('message', { sessionId, text, umid });
    // The server drops a frame over the limit before reading it, so that error carries no `re`.
    const answer = await agent.socket.waitForAny(
      (frame) => frame.re === id || (frame.re === undefined && isRateLimited(frame)),
    );
    if (answer.event === 'message sent') return;
    if (!isRateLimited(answer)) throw new Error(`agent message refused: ${JSON.stringify(answer)}`);
    // One token comes back every 50 ms; wait for a few.
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error('agent message still rate limited after 50 attempts');
}
