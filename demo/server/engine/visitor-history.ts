/**
 * The visitor's history in pages (docs/protocol-notes.md "History"): the `history` frame, and the
 * newest page a `resume` with `historyLimit` backfills. Pages go by a `before` message-id cursor,
 * as the Cekat Open API pages its messages. Only the bound session's own visible messages are ever
 * read: the session was authorised by its secret on `register`/`resume`, and a cursor from another
 * chat is refused rather than used as a bound.
 */
import type { ChatMessage, HistoryFrame, HistoryPage } from '../../../src/protocol/index.js';
import { ChatError } from '../errors.js';
import type { ChatStore, MessageRecord } from '../store.js';
import { toWireMessage, type VisitorPeer } from '../wire.js';
import type { Sessions } from './sessions.js';

/** Messages in a page when the frame does not say. */
export const DEFAULT_HISTORY_LIMIT = 50;
/** The largest page; a larger `limit` is clamped to it (as the Cekat API's max of 100). */
export const MAX_HISTORY_LIMIT = 100;

/** `limit` as asked, brought into 1…MAX_HISTORY_LIMIT. */
export function clampHistoryLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_HISTORY_LIMIT;
  return Math.min(MAX_HISTORY_LIMIT, Math.max(1, limit));
}

/**
 * What a `resume` replays: every visible message after `lastSeenId` (as before), or with
 * `historyLimit` and no `lastSeenId` only the newest page and whether older messages exist.
 */
export function resumeBackfill(
  store: ChatStore,
  sessionId: number,
  lastSeenId: number | undefined,
  historyLimit: number | undefined,
): { messages: MessageRecord[]; hasOlder?: boolean } {
  if (historyLimit === undefined || (lastSeenId ?? 0) > 0) {
    const messages = store
      .messagesAfter(sessionId, lastSeenId ?? 0)
      .filter((message) => !message.internal);
    return { messages };
  }
  const page = store.visibleMessagesBefore(
    sessionId,
    Number.MAX_SAFE_INTEGER,
    clampHistoryLimit(historyLimit),
  );
  return { messages: page.messages, hasOlder: page.hasMore };
}

/** Answers `history {before?, limit?}` with `history {messages, hasMore}` (`re` = the frame id). */
export function answerHistory(
  parts: { store: ChatStore; sessions: Sessions },
  peer: VisitorPeer,
  sessionId: number,
  input: HistoryFrame,
  re?: number,
): void {
  const { store, sessions } = parts;
  const session = store.session(sessionId);
  if (!session) throw new ChatError('no_session', 'No such chat.');
  const before = input.before ?? Number.MAX_SAFE_INTEGER;
  if (input.before !== undefined && !store.isMessageInSession(sessionId, input.before)) {
    throw new ChatError('not_found', `No message ${input.before} in this chat to page before.`);
  }
  const { area } = sessions.contextOf(session);
  const page = store.visibleMessagesBefore(sessionId, before, clampHistoryLimit(input.limit));
  const messages: ChatMessage[] = page.messages.map((message) =>
    toWireMessage(message, area.timeZone),
  );
  const answer: HistoryPage = { messages, hasMore: page.hasMore };
  peer.send('history', [answer], re);
}
