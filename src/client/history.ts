/**
 * Older messages in pages (docs/client.md "History in pages"): with `historyPageSize` set, a fresh
 * resume asks for only the newest page (`resume {historyLimit}`), and `loadOlder()` asks for the
 * page before the oldest message shown (`history {before, limit}`). Pages come back through the
 * typed `history` event, never as `chat message`: they are not news, and an integration that
 * never asks for history sees exactly what it saw before.
 */
import type { ChatMessage, HistoryPage } from '../protocol/index.js';

/** Sends a `history` frame; its frame id, or undefined without a connection. */
export type SendHistoryFrame = (before: number | undefined, limit: number) => number | undefined;

export interface History {
  /** Whether the server said older messages exist than the oldest one delivered. */
  readonly hasOlder: boolean;
  /** `historyLimit` for a resume that asks after `lastSeenId` (none when it is > 0, or off). */
  resumeLimit(lastSeenId: number): number | undefined;
  /** The resume answer's `hasOlder` (absent when the server replayed everything). */
  resumed(hasOlder: boolean | undefined): void;
  /** Messages delivered by `chat message`: the oldest id is the next cursor. */
  delivered(messages: readonly ChatMessage[]): void;
  /** Asks for the next older page; false when there is none, one is on its way, or no socket. */
  loadOlder(): boolean;
  /** A `history` answer; the page without messages already delivered, or undefined if not ours. */
  receive(page: HistoryPage, re: number | undefined): HistoryPage | undefined;
  /** An `error` answered frame `re`; true when it was the history request (it may be asked again). */
  fail(re: number | undefined): boolean;
  /** The socket is gone: an unanswered request will never be answered. */
  close(): void;
  forget(): void;
}

export function createHistory(pageSize: number, send: SendHistoryFrame): History {
  let hasOlder = false;
  let oldestId: number | undefined;
  let pendingFrame: number | undefined;

  const noteOldest = (messages: readonly ChatMessage[]) => {
    for (const message of messages) oldestId = Math.min(oldestId ?? message.id, message.id);
  };

  return {
    get hasOlder() {
      return hasOlder;
    },
    resumeLimit: (lastSeenId) => (pageSize > 0 && lastSeenId === 0 ? pageSize : undefined),
    resumed(older) {
      if (older !== undefined) hasOlder = older;
    },
    delivered: noteOldest,
    loadOlder() {
      if (!hasOlder || pendingFrame !== undefined || oldestId === undefined) return false;
      pendingFrame = send(oldestId, pageSize);
      return pendingFrame !== undefined;
    },
    receive(page, re) {
      if (re === undefined || re !== pendingFrame) return undefined;
      pendingFrame = undefined;
      const bound = oldestId ?? Number.MAX_SAFE_INTEGER;
      // A page crossing what is shown already (a misbehaving server) gives only what is older.
      const messages = page.messages.filter((message) => message.id < bound);
      noteOldest(messages);
      hasOlder = page.hasMore && messages.length > 0;
      return { messages, hasMore: hasOlder };
    },
    fail(re) {
      if (re === undefined || re !== pendingFrame) return false;
      pendingFrame = undefined;
      return true;
    },
    close() {
      pendingFrame = undefined;
    },
    forget() {
      hasOlder = false;
      oldestId = undefined;
      pendingFrame = undefined;
    },
  };
}
