/**
 * Who may sign in to the console: the agent's password (checked against the config's scrypt hash)
 * or a sign-in token from an earlier password sign-in of the same tab. Failed attempts are limited
 * per address and per agent name, so neither many sockets nor many addresses buy more guesses.
 */
import type { Directory } from '../engine/directory.js';
import { ChatError } from '../errors.js';
import { KeyedLimit } from '../keyed-limit.js';
import type { RateLimitOptions } from '../rate-limit.js';
import { NO_PASSWORD_HASH, verifyPassword } from './passwords.js';
import type { SignInTokens } from './sign-in-tokens.js';

export interface SignInRequest {
  name: string;
  password?: string;
  /** A token from an earlier `login` answer (`signInToken`). */
  token?: string;
}

const REFUSED = 'Wrong name or password.';

export class AgentSignIn {
  private readonly perAddress: KeyedLimit;
  private readonly perName: KeyedLimit;

  constructor(
    private readonly directory: Directory,
    readonly tokens: SignInTokens,
    failures: RateLimitOptions,
  ) {
    this.perAddress = new KeyedLimit(failures);
    // A name is guessed at from many addresses at once: it gets twice an address's allowance.
    this.perName = new KeyedLimit({ burst: failures.burst * 2, perSecond: failures.perSecond * 2 });
  }

  /** The configured agent's name, or `sign_in_refused` / `rate_limited`. */
  async check(address: string, request: SignInRequest): Promise<string> {
    const nameKey = request.name.toLowerCase();
    if (!this.perAddress.allows(address) || !this.perName.allows(nameKey)) {
      throw new ChatError('rate_limited', 'Too many failed sign-ins; wait a minute and try again.');
    }
    const agent = this.directory.agentSigningInAs(request.name);
    let good = false;
    if (request.token !== undefined) {
      good = agent !== undefined && this.tokens.agentOf(request.token) === agent.name;
    } else if (request.password !== undefined) {
      // An unknown name or an agent without a password costs the same time as a wrong password.
      const matches = await verifyPassword(
        request.password,
        agent?.passwordHash ?? NO_PASSWORD_HASH,
      );
      good = matches && agent?.passwordHash !== undefined;
    }
    if (!agent || !good) {
      this.perAddress.take(address);
      this.perName.take(nameKey);
      throw new ChatError('sign_in_refused', REFUSED, 401);
    }
    return agent.name;
  }
}
