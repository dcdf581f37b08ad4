/**
 * Rate limits of the HTTP routes through `@fastify/rate-limit`: it keys requests (the address,
 * IPv6 by /64, or what a route says), runs before the body is read (`onRequest`), answers 429 with
 * `Retry-After` and the `x-ratelimit-*` headers. Its counting is a token bucket (the store below),
 * the same as the socket limits (`rate-limit.ts`), so one `{burst, perSecond}` from admission.ts
 * means the same on a socket frame and on an HTTP route: `burst` at once, then `perSecond`, and
 * `Retry-After` is when the next request will be let through — not the end of a fixed window,
 * which would also let twice the burst through across a window's edge.
 */
import fastifyRateLimit, {
  type FastifyRateLimitStore,
  type FastifyRateLimitStoreCtor,
  type RateLimitOptions as PluginLimit,
} from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ChatError } from './errors.js';
import { KeyedLimit } from './keyed-limit.js';
import type { RateLimitOptions } from './rate-limit.js';

/**
 * Keys kept per limit. Past it the plugin's store forgets the least recently seen, which a flood of
 * addresses can push out: 50,000 is many more than the real clients of one server at a time.
 */
const CACHED_KEYS = 50_000;

/**
 * The plugin's store as token buckets: one `KeyedLimit` per route (the plugin makes a child per
 * route and per `createRateLimit`). The plugin passes `max` and `timeWindow`, which `httpLimit`
 * made from `{burst, perSecond}`; the store turns them back. It tells the plugin `current > max`
 * when the bucket is empty, and `ttl` (its `Retry-After`) until the next token.
 */
function tokenBucketStore(now: () => number): FastifyRateLimitStoreCtor {
  return class TokenBucketStore implements FastifyRateLimitStore {
    private limits?: KeyedLimit;

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
      max: number,
    ): void {
      this.limits ??= new KeyedLimit({ burst: max, perSecond: (max * 1000) / timeWindow }, now);
      const taken = this.limits.take(key);
      const bucket = this.limits.bucketOf(key);
      callback(
        null,
        taken
          ? { current: max - Math.floor(bucket.left()), ttl: bucket.msUntil(max) }
          : { current: max + 1, ttl: bucket.msUntil(1) },
      );
    }

    child(): FastifyRateLimitStore {
      return new TokenBucketStore();
    }
  };
}

/** Registers the plugin; only routes that ask (`config: httpLimit(…)`, hooks) are limited. */
export async function registerHttpRateLimit(
  app: FastifyInstance,
  now: () => number = Date.now,
): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    store: tokenBucketStore(now),
    cache: CACHED_KEYS,
    errorResponseBuilder: () => new ChatError('rate_limited', 'Too many requests; wait.', 429),
  });
}

/** The plugin's options for a `{burst, perSecond}` limit, refused with `message`. */
export function pluginLimit(
  limit: RateLimitOptions,
  message: string,
  keyOf?: (request: FastifyRequest) => string,
): PluginLimit {
  return {
    max: Math.max(1, Math.floor(limit.burst)),
    // The time `burst` tokens take to come back: the store divides it out again.
    timeWindow:
      limit.perSecond > 0
        ? Math.max(1, Math.ceil((limit.burst / limit.perSecond) * 1000))
        : Number.MAX_SAFE_INTEGER,
    ...(keyOf ? { keyGenerator: keyOf } : {}),
    // Goes through the app's error handler: `{error: {code: 'rate_limited', message}}`.
    errorResponseBuilder: () => new ChatError('rate_limited', message, 429),
  };
}

/** A route's `config` that limits it per address (or per `keyOf`) before its body is read. */
export function httpLimit(
  limit: RateLimitOptions,
  message: string,
  keyOf?: (request: FastifyRequest) => string,
): { rateLimit: PluginLimit } {
  return { rateLimit: pluginLimit(limit, message, keyOf) };
}

/**
 * A limit checked inside a handler, for keys known only once part of the body is read (the chat of
 * an upload): takes one for `key`, or throws 429 `message` with `Retry-After`.
 */
export function handlerLimit(
  app: FastifyInstance,
  limit: RateLimitOptions,
  message: string,
): (request: FastifyRequest, reply: FastifyReply, key: string) => Promise<void> {
  const keys = new WeakMap<FastifyRequest, string>();
  const check = app.createRateLimit({
    ...pluginLimit(limit, message),
    keyGenerator: (request) => keys.get(request) ?? request.ip,
  });
  return async (request, reply, key) => {
    keys.set(request, key);
    const result = await check(request);
    if (!result.isAllowed && result.isExceeded) {
      void reply.header('retry-after', String(result.ttlInSeconds));
      throw new ChatError('rate_limited', message, 429);
    }
  };
}
