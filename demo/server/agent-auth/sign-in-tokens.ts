/**
 * Console sign-in tokens: after a password sign-in the console gets one, keeps it for its tab
 * (sessionStorage) and signs in again with it after a reconnect or a server restart, so the
 * password is typed once and never stored. A token is `<payload>.<HMAC-SHA256>` over the agent's
 * name and an expiry; the key lives in the data folder (a fresh one per process with `:memory:`),
 * so restarting the server keeps consoles signed in and deleting the key signs everyone out.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { secretsMatch } from '../engine/secrets.js';

/** How long a console stays signed in without the password: one working day. */
export const SIGN_IN_TOKEN_SECONDS = 12 * 60 * 60;
const KEY_FILE = 'agent-sign-in.key';

function loadKey(dataDir: string): Buffer {
  if (dataDir === ':memory:') return randomBytes(32);
  const path = join(dataDir, KEY_FILE);
  try {
    const key = readFileSync(path);
    if (key.length >= 32) return key;
  } catch {
    // no key yet: made below
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key, { mode: 0o600 });
  return key;
}

export class SignInTokens {
  private readonly key: Buffer;

  constructor(
    dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = loadKey(dataDir);
  }

  issue(agentName: string): string {
    const payload = Buffer.from(
      JSON.stringify({ sub: agentName, exp: this.now() + SIGN_IN_TOKEN_SECONDS * 1000 }),
    ).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The agent a valid, unexpired token names; undefined for anything else. */
  agentOf(token: string): string | undefined {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    if (!secretsMatch(this.sign(payload), signature)) return undefined;
    try {
      const { sub, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
        sub?: unknown;
        exp?: unknown;
      };
      return typeof sub === 'string' && typeof exp === 'number' && exp > this.now()
        ? sub
        : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
