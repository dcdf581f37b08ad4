/**
 * Decoding and checking of socket frames (protocol.md §2). Nothing a client sends reaches the chat
 * core before it passed through here: wrong JSON, shapes or sizes become `ChatError('bad_frame')`.
 */
import { ChatError } from '../errors.js';
import { neutralName } from '../display-text.js';
import { plainText } from '../wire.js';

/** Frames larger than this get `too_large` (protocol.md §2). */
export const MAX_FRAME_BYTES = 64 * 1024;
/** Longest chat message or preview text, in characters. */
export const MAX_TEXT_LENGTH = 10_000;

export interface Envelope {
  type: string;
  data: Record<string, unknown>;
  id?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses the envelope. Throws `ChatError` with `re` attached where the id could be read, so even a
 * frame with a bad body is answered against the request that caused it.
 */
export function parseEnvelope(raw: string): Envelope {
  if (Buffer.byteLength(raw, 'utf8') > MAX_FRAME_BYTES) {
    throw new FrameError('too_large', `Frames may be at most ${MAX_FRAME_BYTES} bytes.`, idOf(raw));
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new FrameError('bad_frame', 'The frame is not valid JSON.');
  }
  if (!isRecord(value)) throw new FrameError('bad_frame', 'A frame must be a JSON object.');
  const id = Number.isSafeInteger(value.id) ? (value.id as number) : undefined;
  if (value.id !== undefined && id === undefined) {
    throw new FrameError('bad_frame', '"id" must be an integer.');
  }
  if (typeof value.type !== 'string' || value.type.length === 0 || value.type.length > 64) {
    throw new FrameError('bad_frame', 'A frame needs a "type" string.', id);
  }
  if (value.data !== undefined && !isRecord(value.data)) {
    throw new FrameError('bad_frame', '"data" must be an object.', id);
  }
  return { type: value.type, data: value.data ?? {}, ...(id === undefined ? {} : { id }) };
}

/** A ChatError that also knows which frame id it answers. */
export class FrameError extends ChatError {
  readonly re: number | undefined;
  constructor(code: 'bad_frame' | 'too_large', message: string, re?: number) {
    super(code, message);
    this.re = re;
  }
}

/** Best effort: the `"id": n` of an oversized frame, without parsing all of it. */
function idOf(raw: string): number | undefined {
  const match = /"id"\s*:\s*(\d{1,15})/.exec(raw.slice(0, 4096));
  return match?.[1] ? Number(match[1]) : undefined;
}

// --- field readers: each throws bad_frame naming the field ------------------------------------

const bad = (field: string, expected: string): ChatError =>
  new ChatError('bad_frame', `"${field}" must be ${expected}.`);

export function readString(
  data: Record<string, unknown>,
  field: string,
  options: { max?: number; allowEmpty?: boolean } = {},
): string {
  const value = data[field];
  const max = options.max ?? MAX_TEXT_LENGTH;
  if (typeof value !== 'string') throw bad(field, 'a string');
  if (!options.allowEmpty && value.trim().length === 0) throw bad(field, 'a non-empty string');
  if (value.length > max) throw bad(field, `at most ${max} characters`);
  return value;
}

/**
 * Text a visitor wrote. A leading U+0001 is the marker of structured items (protocol.md §4), so a
 * visitor could otherwise dress a message up as a system item or a file for the agent and in the
 * transcript; nobody types that control character, so it is dropped rather than refused.
 */
export function readVisitorText(
  data: Record<string, unknown>,
  field: string,
  max = MAX_TEXT_LENGTH,
): string {
  const text = plainText(readString(data, field, { max }));
  if (text.trim().length === 0) throw bad(field, 'a non-empty string');
  return text;
}

/** A name people will see: direction controls removed, and one with nothing visible refused. */
export function readName(data: Record<string, unknown>, field: string, max: number): string {
  const name = neutralName(readString(data, field, { max }));
  if (name === undefined) throw bad(field, 'a name with visible characters');
  return name;
}

export function readOptionalString(
  data: Record<string, unknown>,
  field: string,
  max = 2000,
): string | undefined {
  if (data[field] === undefined || data[field] === null) return undefined;
  return readString(data, field, { max, allowEmpty: true });
}

export function readInteger(data: Record<string, unknown>, field: string): number {
  const value = data[field];
  // Areas arrive as numbers from the Chat API, but old integrations pass "2": accept digit strings.
  const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) throw bad(field, 'an integer');
  return number;
}

export function readOptionalInteger(
  data: Record<string, unknown>,
  field: string,
): number | undefined {
  if (data[field] === undefined || data[field] === null) return undefined;
  return readInteger(data, field);
}

export function readIdList(data: Record<string, unknown>, field: string, max = 1000): number[] {
  const value = data[field];
  if (
    !Array.isArray(value) ||
    value.length > max ||
    !value.every((id) => Number.isSafeInteger(id))
  ) {
    throw bad(field, `a list of at most ${max} integers`);
  }
  return value as number[];
}

/** `externalData` / `clientDeviceInfo` may be objects: they are kept as JSON text. */
export function readFreeForm(
  data: Record<string, unknown>,
  field: string,
  max = 8000,
): string | undefined {
  const value = data[field];
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text.length > max) throw bad(field, `at most ${max} characters`);
  return text;
}

export function readRecord(data: Record<string, unknown>, field: string): Record<string, unknown> {
  const value = data[field];
  if (!isRecord(value)) throw bad(field, 'an object');
  return value;
}
