/** Small number helpers for bench tables. */

/** The value at `fraction` (0–1) of the sorted samples (nearest rank); NaN when there are none. */
export function percentile(samples: number[], fraction: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

export const median = (samples: number[]): number => percentile(samples, 0.5);

/** Rounds to `digits` decimals, for printing. */
export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** `a / b` rounded to two decimals: the ratio column of a comparison. */
export const ratio = (a: number, b: number): number => round(a / b, 2);
