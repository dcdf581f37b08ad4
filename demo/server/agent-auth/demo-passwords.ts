/**
 * Passwords for the demo agents, so `npm start` stays a two-command demo without a password that
 * is the same on every machine: each agent of the demo config gets a random password on the first
 * start, kept in the data folder (`demo-agent-passwords.json`, readable by its owner only) so it
 * stays the same across restarts, and printed at every start. With `DATA_DIR=:memory:` they are
 * new each time. A real deployment uses a `CONFIG_FILE` with `passwordHash`es instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from '../config.js';
import { hashPassword, randomPassword } from './passwords.js';

const FILE = 'demo-agent-passwords.json';

function readPasswords(path: string): Record<string, string> {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

/** The config with a password hash for each agent that has none, and those agents' passwords. */
export async function withDemoPasswords(
  config: ServerConfig,
  dataDir: string,
): Promise<{ config: ServerConfig; passwords: Record<string, string> }> {
  const path = dataDir === ':memory:' ? undefined : join(dataDir, FILE);
  const stored = path ? readPasswords(path) : {};
  const passwords: Record<string, string> = {};
  const agents = await Promise.all(
    config.agents.map(async (agent) => {
      if (agent.passwordHash) return agent;
      const password =
        (Object.hasOwn(stored, agent.name) && stored[agent.name]) || randomPassword();
      passwords[agent.name] = password;
      return { ...agent, passwordHash: await hashPassword(password) };
    }),
  );
  if (path && Object.keys(passwords).length > 0) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, `${JSON.stringify(passwords, null, 2)}\n`, { mode: 0o600 });
  }
  return { config: { ...config, agents }, passwords };
}

/** The lines `npm start` prints: one agent and password per line. */
export function describePasswords(passwords: Record<string, string>): string {
  return Object.entries(passwords)
    .map(([name, password]) => `    ${name.padEnd(8)} ${password}`)
    .join('\n');
}
