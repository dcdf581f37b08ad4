/**
 * Robot tokens: HS256 JSON web tokens (jose) that name the robot's user, webhook and area.
 * A token is valid only while it is the latest one issued for its area with that same user and
 * webhook, so issuing a new token (another webhook, another user) invalidates the earlier one, as
 * the robot API document says.
 */
import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { RobotBinding, RobotStore } from './robot-store.js';

const ISSUER = 'cention-chat-demo';
const MAX_USER_NAME = 200;
const MAX_WEBHOOK = 2000;

export interface TokenRequest {
  userName: string;
  webhook: string;
  areaId: number;
}

/** Checks what a token will bind; throws with a message meant for the person running the CLI. */
export function checkTokenRequest(request: TokenRequest): TokenRequest {
  const userName = request.userName.trim();
  if (userName.length === 0 || userName.length > MAX_USER_NAME) {
    throw new Error(`user: expected a name of 1 to ${MAX_USER_NAME} characters`);
  }
  let url: URL;
  try {
    url = new URL(request.webhook);
  } catch {
    throw new Error(`webhook: not a URL: ${request.webhook}`);
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    request.webhook.length > MAX_WEBHOOK
  ) {
    throw new Error('webhook: expected an http(s) URL');
  }
  if (!Number.isInteger(request.areaId) || request.areaId <= 0) {
    throw new Error('area: expected a positive integer');
  }
  return { userName, webhook: url.href, areaId: request.areaId };
}

export class RobotTokens {
  private key: Uint8Array | undefined;

  constructor(
    private readonly robotStore: RobotStore,
    /** Tokens are only good for this workspace (the JWT audience). */
    private readonly workspace: string,
  ) {}

  /** Signs a token and makes it the area's only valid one. */
  async issue(request: TokenRequest): Promise<string> {
    const { userName, webhook, areaId } = checkTokenRequest(request);
    const tokenId = randomUUID();
    const token = await new SignJWT({ webhook, area: areaId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userName)
      .setJti(tokenId)
      .setIssuer(ISSUER)
      .setAudience(this.workspace)
      .setIssuedAt()
      .sign(this.signingKey());
    this.robotStore.saveBinding({ areaId, userName, webhook, tokenId });
    return token;
  }

  /** The binding a token stands for, or undefined for a bad, foreign or superseded token. */
  async verify(token: string): Promise<RobotBinding | undefined> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.signingKey(), {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: this.workspace,
      }));
    } catch {
      return undefined;
    }
    const { sub, jti, webhook, area } = payload;
    if (typeof sub !== 'string' || typeof jti !== 'string') return undefined;
    if (typeof webhook !== 'string' || typeof area !== 'number') return undefined;
    const binding = this.robotStore.binding(area);
    const isCurrent =
      binding !== undefined &&
      binding.tokenId === jti &&
      binding.userName === sub &&
      binding.webhook === webhook;
    return isCurrent ? binding : undefined;
  }

  private signingKey(): Uint8Array {
    this.key ??= this.robotStore.signingKey();
    return this.key;
  }
}
