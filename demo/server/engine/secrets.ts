/**
 * Session secrets and agent tokens: how they are made and checked. Comparisons are constant-time,
 * so a secret cannot be guessed byte by byte from response times.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh unguessable id (session secrets, agent tokens, file ids). */
export function newSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/** Constant-time comparison, so a secret cannot be guessed byte by byte from response times. */
export function secretsMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Tokens of signed-in consoles: they authorise agent uploads and downloads until sign-out. */
export class AgentTokens {
  private readonly agentByToken = new Map<string, string>();

  issue(agentName: string): string {
    const token = newSecret();
    this.agentByToken.set(token, agentName);
    return token;
  }

  revoke(token: string): void {
    this.agentByToken.delete(token);
  }

  agentFor(token: string): string | undefined {
    return this.agentByToken.get(token);
  }
}
