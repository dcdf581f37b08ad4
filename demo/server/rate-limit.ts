/**
 * A token bucket per connection: `burst` frames at once, refilled at `perSecond`. Typing previews
 * are throttled by the client to ~2/s, so the default leaves ample room for a human.
 */
export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 20, burst: 60 };

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = options.burst;
    this.updatedAt = now();
  }

  /** Takes one token; false when the connection is over its rate. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether a token is left, without taking it. */
  peek(): boolean {
    this.refill();
    return this.tokens >= 1;
  }

  /** Tokens left now (fractions included). */
  left(): number {
    this.refill();
    return this.tokens;
  }

  /** Milliseconds until `count` tokens are back (0 when they already are). */
  msUntil(count: number): number {
    this.refill();
    return Math.max(0, ((count - this.tokens) / this.options.perSecond) * 1000);
  }

  /** Refilled to the burst: nothing to remember about this key. */
  isFull(): boolean {
    this.refill();
    return this.tokens >= this.options.burst;
  }

  private refill(): void {
    const now = this.now();
    // A clock set back (tests moving time, a system clock corrected) refills nothing, takes nothing.
    const refill = (Math.max(0, now - this.updatedAt) / 1000) * this.options.perSecond;
    this.tokens = Math.min(this.options.burst, this.tokens + refill);
    this.updatedAt = now;
  }
}
