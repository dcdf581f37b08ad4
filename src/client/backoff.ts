/**
 * Reconnect delay with "full jitter" (AWS architecture blog; centrifuge-js `backoff()`): a random
 * delay between 0 and an exponentially growing ceiling, so thousands of visitors dropped by the same
 * server restart do not all come back in the same instant.
 *
 * @param attempt 0 for the first retry, then 1, 2, …
 * @param random injectable for tests; `Math.random` by default
 */
export function backoffDelay(
  attempt: number,
  minDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
