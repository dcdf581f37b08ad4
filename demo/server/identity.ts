/**
 * Signed visitor tokens (docs/security.md "Visitor identity"). A site whose visitor is signed in
 * lets its back end sign a short-lived HS256 JWT with a secret only it and this server know, and
 * hands the token to the widget (`visitor-token`). At `register` the server checks it here: the
 * signature (jose, HS256 only, so `alg: none` and public-key tricks are refused), a required `exp`
 * (and a lifetime cap), and a `sub`. An accepted token names the visitor — `name` and `email`
 * come from it, not from what the page sent — and agents see the chat as verified.
 *
 * Claims read: `sub` (required, the site's id of the visitor, ≤ 200 characters), `exp` (required),
 * `name` (≤ 200) and `email` (≤ 320), both optional; `nbf`/`iat` are checked by jose when present.
 */
import { errors, jwtVerify } from 'jose';
import type { AreaConfig, ServerConfig, VisitorIdentityConfig } from './config.js';
import { neutralName } from './display-text.js';
import { ChatError } from './errors.js';

/** Longest token looked at; past it nothing is decoded (a JWT with three short claims is ~300). */
export const MAX_VISITOR_TOKEN_LENGTH = 4096;
/** `maxLifetimeSeconds` of a config that names none: a day. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
/** Clocks of the site's back end and this server may differ this much. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** Who an accepted token says the visitor is. */
export interface VerifiedVisitor {
  /** The token's `sub`. */
  userId: string;
  /** The token's `name`, or undefined when it has none (the visitor's own entry is then used). */
  name: string | undefined;
  email: string | undefined;
}

const invalid = (why: string) =>
  new ChatError('visitor_token_invalid', `The visitor token was not accepted: ${why}.`);

export class VisitorIdentity {
  private readonly keys = new Map<VisitorIdentityConfig, Uint8Array>();

  constructor(
    private readonly config: Pick<ServerConfig, 'visitorIdentity'>,
    /** Clock in unix ms (the engine's, so tests can move time). */
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The visitor the token vouches for in `area`; throws `visitor_token_expired` or
   * `visitor_token_invalid` (no details of the check beyond that reach the page).
   */
  async verify(token: string, area: AreaConfig): Promise<VerifiedVisitor> {
    // Limits before work: a huge token is refused before it is decoded or hashed.
    if (token.length > MAX_VISITOR_TOKEN_LENGTH) {
      throw invalid(`longer than ${MAX_VISITOR_TOKEN_LENGTH} characters`);
    }
    const settings = area.visitorIdentity ?? this.config.visitorIdentity;
    if (!settings) throw invalid(`${area.name} does not take visitor tokens`);
    const nowSeconds = Math.floor(this.now() / 1000);
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keyOf(settings), {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(nowSeconds * 1000),
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new ChatError('visitor_token_expired', 'The visitor token has expired.');
      }
      throw invalid(error instanceof errors.JOSEError ? error.code : 'not a signed token');
    }
    const lifetime = settings.maxLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
    if (typeof payload.exp !== 'number' || payload.exp - nowSeconds > lifetime) {
      throw invalid(`it must expire within ${lifetime} seconds`);
    }
    const userId = typeof payload.sub === 'string' ? payload.sub.trim() : '';
    if (userId.length === 0 || userId.length > 200)
      throw invalid('"sub" must be 1 to 200 characters');
    return {
      userId,
      name: claimText(payload.name, 200, 'name'),
      email: claimText(payload.email, 320, 'email'),
    };
  }

  /** The HMAC key of a secret, encoded once. */
  private keyOf(settings: VisitorIdentityConfig): Uint8Array {
    let key = this.keys.get(settings);
    if (!key) {
      key = new TextEncoder().encode(settings.secret);
      this.keys.set(settings, key);
    }
    return key;
  }
}

/** An optional text claim; a name gets the same neutralising as a typed one (display-text.ts). */
function claimText(value: unknown, max: number, claim: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > max) {
    throw invalid(`"${claim}" must be text of at most ${max} characters`);
  }
  const text = claim === 'name' ? neutralName(value) : value.trim();
  return text || undefined;
}
