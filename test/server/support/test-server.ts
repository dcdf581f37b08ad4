/**
 * Starts the real server on a random port with an in-memory store and quiet logs, and a config
 * whose areas tests can tune. Always pair with `await server.close()`.
 */
import {
  startServer,
  type RunningServer,
  type StartServerOptions,
} from '../../../demo/server/app.js';
import { defineArea, type AreaConfig, type ServerConfig } from '../../../demo/server/config.js';

/** The password of every agent of `testConfig()`. */
export const TEST_AGENT_PASSWORD = 'agent-test-password';
/**
 * Its scrypt hash, made with `hashPassword(TEST_AGENT_PASSWORD, {log2N: 12, r: 8, p: 1})`: a cheaper
 * cost than the default, so the many sign-ins of the suite stay fast. The server checks it the same
 * way (the cost travels in the hash).
 */
export const TEST_AGENT_PASSWORD_HASH =
  'scrypt$12$8$1$N8drLSc2eAxcm91ZmNfwcA$80-eW2FM1L2MPAmLS8A5zK7gf38kcsZ_h8HlR2s8BcA';

export function testConfig(areaOverrides: Partial<AreaConfig>[] = []): ServerConfig {
  const areas = [
    defineArea({ id: 1, name: 'Support', timeZone: 'Europe/Stockholm', ...areaOverrides[0] }),
    defineArea({
      id: 2,
      name: 'Sales',
      queueWithoutAgents: false,
      attachments: {
        enabled: true,
        maxBytes: 1000,
        maxImageBytes: 500,
        allowedTypes: ['image/png', 'application/pdf'],
      },
      ...areaOverrides[1],
    }),
  ];
  return {
    workspace: 'demo',
    areas,
    agents: [
      { name: 'Alice', areas: [1, 2], passwordHash: TEST_AGENT_PASSWORD_HASH },
      { name: 'Bob', areas: [1], passwordHash: TEST_AGENT_PASSWORD_HASH },
      { name: 'Carol', areas: [2], passwordHash: TEST_AGENT_PASSWORD_HASH },
    ],
  };
}

/**
 * One server serves a whole test file from 127.0.0.1, so the new-chats and uploads per address
 * limits are raised here; the abuse tests (abuse*.test.ts) pass the real defaults to prove the limit itself.
 */
const MANY_CHATS = { burst: 10_000, perSecond: 1_000 };

export function startTestServer(options: StartServerOptions = {}): Promise<RunningServer> {
  return startServer({
    port: 0,
    dataDir: ':memory:',
    logLevel: 'silent',
    config: testConfig(),
    sweepIntervalMs: 100,
    ...options,
    // `chat.ended` goes out at once unless a test waits for a rating (ratings.test.ts).
    contactCenter: { ratingWindowMs: 0, ...options.contactCenter },
    admission: {
      newChatsPerAddress: MANY_CHATS,
      uploads: MANY_CHATS,
      ratings: MANY_CHATS,
      ...options.admission,
    },
  });
}
