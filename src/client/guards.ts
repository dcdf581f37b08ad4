/**
 * Type guards for JSON that comes from outside (server frames, HTTP answers, storage): one set,
 * shared by every parser of the client.
 */

export type JsonObject = Record<string, unknown>;

/** A plain object (not null, not an array). */
export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export const isString = (value: unknown): value is string => typeof value === 'string';

/** Absent, or passing `check`. */
export const isOptional = (value: unknown, check: (value: unknown) => boolean): boolean =>
  value === undefined || check(value);
