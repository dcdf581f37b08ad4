/**
 * Older messages in pages (docs/client.md "History in pages"): with `historyPageSize` set, a fresh
 * resume asks for only the newest page (`resume {historyLimit}`), and `loadOlder()` asks for the
 * page before the oldest message delivered (`history {before, limit}`). Pages come back through
 * the typed `history` event, never as `chat message`: they are not news, and an integration that
 * never asks for history sees exactly what it saw before.
 */
import type { ChatMessage, HistoryPage } from '../protocol/index.js';

export class History {
  /** The server said older messages exist than the oldest one delivered. */
  hasOlder = false;
  #oldestId = Infinity;
  /** Frame id of the request on its way. */
  #pending: number | undefined;

  constructor(
    private readonly pageSize: number,
    /** Sends `history`; its frame id, or undefined without a connection. */
    private readonly send: (before: number, limit: number) => number | undefined,
  ) {}

  /** `historyLimit` of a resume asking after `lastSeenId`: none when that is > 0, or paging is off. */
  resumeLimit(lastSeenId: number): number | undefined {
    return this.pageSize > 0 && !lastSeenId ? this.pageSize : undefined;
  }

  /** Messages delivered (by `chat message` or a page): the oldest id is the next cursor. */
  delivered(messages: readonly ChatMessage[]): void {
    for (const { id } of messages) this.#oldestId = Math.min(this.#oldestId, id);
  }

  /** Asks for the next older page; false when there is none, one is on its way, or no socket. */
  loadOlder(): boolean {
    if (!this.hasOlder || this.#pending !== undefined || this.#oldestId === Infinity) return false;
    this.#pending = this.send(this.#oldestId, this.pageSize);
    return this.#pending !== undefined;
  }

  /** A `history` answer: the page without what was delivered already, or undefined if not ours. */
  receive(page: HistoryPage, re: number | undefined): HistoryPage | undefined {
    if (re === undefined || re !== this.#pending) return undefined;
    this.#pending = undefined;
    // A page crossing what is shown (a misbehaving server) gives only what is older.
    const messages = page.messages.filter((message) => message.id < this.#oldestId);
    this.delivered(messages);
    this.hasOlder = page.hasMore && messages.length > 0;
    return { messages, hasMore: this.hasOlder };
  }

  /** An `error` (or the socket's end) for frame `re`: the page may be asked for again. */
  fail(re?: number): boolean {
    const isOurs = re === undefined || re === this.#pending;
    if (isOurs) this.#pending = undefined;
    return isOurs && re !== undefined;
  }

  forget(): void {
    this.hasOlder = false;
    this.#oldestId = Infinity;
    this.#pending = undefined;
  }
}
