/**
 * The visitor's unconfirmed messages, in order. An entry stays until the server's `message sent`
 * names its umid; after a reconnect every `sending` entry is sent again and the server dedupes by
 * umid, so each message lands exactly once. Serialisable, so it survives a page navigation.
 */
import { isObject, isString } from './guards.js';
import type { ErrorCode, OutgoingMessage, OutgoingState } from './types.js';

/** The reasons a stored `failed` entry keeps across a page load (the ones a send can get). */
const sendErrors: readonly ErrorCode[] = [
  'too_large',
  'bad_frame',
  'rate_limited',
  'server_error',
  'chat_closed',
  'no_session',
];

export class Outbox {
  #entries: OutgoingMessage[] = [];
  readonly #onChange: () => void;

  /** `onChange` runs after every change (persistence and the status channel). */
  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  /** A copy of the entries, oldest first. */
  get messages(): OutgoingMessage[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }

  /** The entries still to be (re)sent, oldest first. */
  get sending(): OutgoingMessage[] {
    return this.#entries.filter((entry) => entry.state === 'sending');
  }

  add(entry: OutgoingMessage): void {
    this.#entries.push(entry);
    this.#onChange();
  }

  /** Removes a confirmed message (a repeated confirmation changes nothing). */
  confirm(umid: string): void {
    const before = this.#entries.length;
    this.#entries = this.#entries.filter((entry) => entry.id !== umid);
    if (this.#entries.length !== before) this.#onChange();
  }

  /**
   * Sets the state of one entry (or of every entry when `umid` is undefined); `error` is why a
   * `failed` one failed (dropped again when it is sent anew).
   */
  setState(umid: string | undefined, state: OutgoingState, error?: ErrorCode): void {
    let isChanged = false;
    for (const entry of this.#entries) {
      if ((umid === undefined || entry.id === umid) && entry.state !== state) {
        entry.state = state;
        if (state === 'failed' && error) entry.error = error;
        else delete entry.error;
        isChanged = true;
      }
    }
    if (isChanged) this.#onChange();
  }

  /** Replaces the content, e.g. with what a previous page stored. */
  replace(entries: OutgoingMessage[]): void {
    if (entries.length === 0 && this.#entries.length === 0) return;
    this.#entries = entries.map((entry) => ({ ...entry }));
    this.#onChange();
  }

  /** Parses what `JSON.stringify(outbox.messages)` stored; invalid entries are dropped. */
  static parse(text: string | undefined): OutgoingMessage[] {
    if (!text) return [];
    try {
      const value: unknown = JSON.parse(text);
      if (!Array.isArray(value)) return [];
      return value.flatMap((entry: unknown) =>
        isObject(entry) && isString(entry.id) && isString(entry.message)
          ? [
              {
                id: entry.id,
                message: entry.message,
                state: entry.state === 'failed' ? 'failed' : 'sending',
                ...(entry.state === 'failed' && sendErrors.includes(entry.error as ErrorCode)
                  ? { error: entry.error as ErrorCode }
                  : {}),
              } satisfies OutgoingMessage,
            ]
          : [],
      );
    } catch {
      return [];
    }
  }
}
