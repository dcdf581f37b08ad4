/**
 * Cursor pagination in the style of the Cekat Open API: `limit` (default 50, at most 100) and an
 * opaque `after` cursor from the page before; the answer's `pagination.next_cursor` is the next
 * page's `after`, `has_more` says whether there is one. Lists are newest first by id and a cursor
 * is "older than this id", so pages do not shift when new rows arrive between requests.
 */
import { ChatError } from '../errors.js';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 100;

const PREFIX = 'v1:';

export function encodeCursor(lastId: number): string {
  return Buffer.from(`${PREFIX}${lastId}`).toString('base64url');
}

/** The id a cursor stands for; `400 bad_request` for anything this API did not hand out. */
export function decodeCursor(cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString()
    : '';
  const id = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  if (!/^[1-9]\d{0,14}$/.test(id)) {
    throw new ChatError('bad_request', 'The cursor is not one this API gave out.');
  }
  return Number(id);
}

export interface Page<Item> {
  data: Item[];
  pagination: { limit: number; has_more: boolean; next_cursor: string | null };
}

/** A page from `rows` fetched with `limit + 1` (the extra row only says there is more). */
export function pageOf<Row extends { id: number }, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    data: shown.map(toItem),
    pagination: {
      limit,
      has_more: hasMore,
      next_cursor: hasMore && last ? encodeCursor(last.id) : null,
    },
  };
}

/** `from`/`to` as ISO 8601 or YYYY-MM-DD, to unix ms; `400` for a date that is none. */
export function parseDate(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
    ? Date.parse(value)
    : NaN;
  if (Number.isNaN(ms)) {
    throw new ChatError('bad_request', `"${field}" must be a date (YYYY-MM-DD or ISO 8601).`);
  }
  return ms;
}
