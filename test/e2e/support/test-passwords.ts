/**
 * How the end-to-end servers let the console sign in: every agent gets the test password (the
 * same one as the server tests), which `signInAsAgent` types. No Playwright import, so the server
 * child process (server-process.ts) can use it too.
 */
import type { ServerConfig } from '../../../demo/server/config.js';
import { TEST_AGENT_PASSWORD, TEST_AGENT_PASSWORD_HASH } from '../../server/support/test-server.js';

export { TEST_AGENT_PASSWORD };

/** `config` with the test password for every agent. */
export function withTestPasswords(config: ServerConfig): ServerConfig {
  return {
    ...config,
    agents: config.agents.map((agent) => ({ ...agent, passwordHash: TEST_AGENT_PASSWORD_HASH })),
  };
}

/**
 * A worker's server takes every chat and upload of its tests from 127.0.0.1, so the per-address
 * limits are raised; the abuse tests prove the limit itself with the defaults.
 */
const MANY = { burst: 10_000, perSecond: 1_000 };
export const E2E_ADMISSION = { newChatsPerAddress: MANY, uploads: MANY };
