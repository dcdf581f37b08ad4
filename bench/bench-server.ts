/**
 * The reference server as the browser benches use it: in this process (so a bench can make an
 * agent write at a chosen moment), in memory, with one always-open area and one agent, plus a way
 * to seed a live chat with a long history straight into the store.
 *
 * Seeding goes through the store rather than the sockets because the socket rate limit (20 frames/s)
 * would make 5,000 messages take minutes; what the widget then does — resume, receive the history
 * in one `chat message` frame, render it — is exactly what a visitor coming back to that chat gets.
 */
import type { AdmissionLimits } from '../demo/server/admission.js';
import { startServer, type RunningServer } from '../demo/server/app.js';
import { defineArea } from '../demo/server/config.js';
import type { ServerPlugin } from '../demo/server/robot-hook.js';
import { TEST_AGENT_PASSWORD_HASH } from '../test/server/support/test-server.js';

export const BENCH_AREA = 1;
export const BENCH_AGENT = 'Alex';
const VISITOR_NAME = 'Robin Visitor';

/** What the widget keeps in storage to resume a chat (`cention-chat.session:<base-url>#<area>`). */
export interface SeededChat {
  sessionId: number;
  sessionSecret: string;
  areaId: number;
  /** The texts in order, as stored; the last one is unique, so a page can wait for it. */
  texts: string[];
}

/**
 * Every bench client comes from 127.0.0.1, so the per-address limits (admission.ts) are raised far
 * beyond any bench's size: new chats, uploads and open connections. Failed sign-ins and refused
 * frames keep their defaults (a bench that trips them is broken, and should say so).
 */
export const BENCH_ADMISSION = {
  newChatsPerAddress: { burst: 1e6, perSecond: 1e6 },
  uploads: { burst: 1e6, perSecond: 1e6 },
  connectionsPerAddress: 1e5,
} satisfies Partial<AdmissionLimits>;

export function startBenchServer(plugins: ServerPlugin[] = []): Promise<RunningServer> {
  return startServer({
    port: 0,
    plugins,
    dataDir: ':memory:',
    logLevel: 'silent',
    admission: BENCH_ADMISSION,
    config: {
      workspace: 'demo',
      areas: [
        defineArea({
          id: BENCH_AREA,
          name: 'Bench',
          queueCapacity: 1000,
          idleExpirySeconds: 3600,
        }),
      ],
      // The test suite's password (a cheap scrypt cost); this bench never signs the agent in.
      agents: [{ name: BENCH_AGENT, areas: [BENCH_AREA], passwordHash: TEST_AGENT_PASSWORD_HASH }],
    },
  });
}

const WORDS =
  'thanks for waiting I can help you with that your order number please the parcel left our ' +
  'warehouse yesterday and should arrive on Monday could you check the address we have on file ' +
  'is the invoice correct I will send you a link to reset the password let me look into it';

/**
 * Chat-like texts of varying length (about 20–150 characters), the same list for every widget
 * measured, so each renders exactly the same words.
 */
export function chatTexts(count: number): string[] {
  const words = WORDS.split(' ');
  return Array.from({ length: count }, (_, index) => {
    const length = 3 + ((index * 7) % 23);
    const start = (index * 13) % words.length;
    const body = Array.from(
      { length },
      (_, offset) => words[(start + offset) % words.length] ?? '',
    ).join(' ');
    return `#${index + 1} ${body}`;
  });
}

/** Visitor and agent take turns, as in a real chat (the first message is always the visitor's). */
export const senderOf = (index: number): 'CLIENT' | 'AGENT' =>
  index % 2 === 0 ? 'CLIENT' : 'AGENT';

/**
 * A live chat (accepted by the bench agent) with `count` messages, stored in one transaction.
 * Times run up to now, a few seconds apart.
 */
export function seedChat(server: RunningServer, count: number): SeededChat {
  const { store, engine } = server;
  const now = Date.now();
  const session = store.createSession({
    secret: `bench-${now}-${Math.random().toString(36).slice(2)}`,
    areaId: BENCH_AREA,
    clientName: VISITOR_NAME,
    email: 'robin@example.com',
    phone: '',
    externalData: '',
    href: '',
    deviceInfo: '',
    status: 'queued',
    robot: null,
    now,
  });
  engine.agents.accept(BENCH_AGENT, session.id);
  const texts = chatTexts(count);
  store.transaction(() => {
    texts.forEach((text, index) => {
      const sender = senderOf(index);
      store.insertMessage({
        sessionId: session.id,
        umid: sender === 'CLIENT' ? `c-${now}-${index}` : `a-${index}`,
        sender,
        agentName: sender === 'AGENT' ? BENCH_AGENT : null,
        text,
        sentAt: now - (count - index) * 3000,
      });
    });
  });
  return { sessionId: session.id, sessionSecret: session.secret, areaId: BENCH_AREA, texts };
}
