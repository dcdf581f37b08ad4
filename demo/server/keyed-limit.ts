/**
 * Token buckets per key (an address, an address and a name): the same limit as `rate-limit.ts`
 * applied across connections, so opening more sockets does not buy more sign-in attempts or more
 * new chats. Buckets that have refilled are dropped, so a flood of addresses costs bounded memory.
 */
import { TokenBucket, type RateLimitOptions } from './rate-limit.js';

/** Most keys kept; past it the oldest are forgotten (they have the least left to refill). */
const MAX_KEYS = 50_000;

export class KeyedLimit {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token from `key`'s bucket; false when that key is over its rate. */
  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_KEYS) this.prune();
      bucket = new TokenBucket(this.options, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }

  /** `key`'s bucket (a full one for a key not seen yet), to read what is left and when more comes. */
  bucketOf(key: string): TokenBucket {
    return this.buckets.get(key) ?? new TokenBucket(this.options, this.now);
  }

  /** Whether `key` has a token left, without taking it. */
  allows(key: string): boolean {
    return this.buckets.get(key)?.peek() ?? true;
  }

  private prune(): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.isFull()) this.buckets.delete(key);
    }
    // Everybody is still limited: forget the oldest half rather than grow without bound.
    if (this.buckets.size >= MAX_KEYS) {
      let drop = Math.floor(MAX_KEYS / 2);
      for (const key of this.buckets.keys()) {
        if (drop-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }
}

/** Counts of live things per key (connections per address), with a cap. */
export class KeyedCount {
  private readonly counts = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Adds one for `key`; false (and nothing added) when `key` is at the cap. */
  add(key: string): boolean {
    const count = this.counts.get(key) ?? 0;
    if (count >= this.max) return false;
    this.counts.set(key, count + 1);
    return true;
  }

  remove(key: string): void {
    const count = (this.counts.get(key) ?? 0) - 1;
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
  }
}
