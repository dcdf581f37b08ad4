/**
 * `chat.ended` with the visitor's rating in it. The rating can only come after the end (the
 * finished view offers it), so the webhook waits for it: it is sent as soon as the visitor rates,
 * or when `windowMs` has passed without a rating (then `rating: null`). A window of 0 sends at
 * once. Never blocks anything: the wait is a timer per ended chat, and sending only queues the
 * event in the webhooks module. A server shutdown drops the waits (like queued deliveries).
 */
import type { ChatRating } from '../../../src/protocol/index.js';
import type { JsonValue } from '../webhooks/webhook-events.js';
import type { ChatRatings } from './chat-ratings.js';

/** The rating as the webhook's JSON carries it (times as ISO text, like the other fields). */
interface RatingData {
  [key: string]: JsonValue;
  score: number;
  comment: string;
  ratedAt: string;
}

const ratingData = (rating: ChatRating | undefined): RatingData | null =>
  rating
    ? {
        score: rating.score,
        comment: rating.comment,
        ratedAt: new Date(rating.ratedAt).toISOString(),
      }
    : null;

/** Default wait for a rating before `chat.ended` goes out without one. */
export const DEFAULT_RATING_WINDOW_MS = 2 * 60 * 1000;

type EndedData = { [key: string]: JsonValue | undefined } & { sessionId: number };

export class EndedChatWebhook {
  private readonly waiting = new Map<number, { data: EndedData; timer: NodeJS.Timeout }>();
  private readonly stopListening: () => void;

  constructor(
    private readonly ratings: Pick<ChatRatings, 'onRated' | 'ratingOf'>,
    private readonly send: (data: EndedData & { rating: RatingData | null }) => void,
    private readonly windowMs = DEFAULT_RATING_WINDOW_MS,
  ) {
    this.stopListening = ratings.onRated((sessionId) => this.release(sessionId));
  }

  /** The chat ended: `chat.ended` waits for its rating (or the window). */
  ended(data: EndedData): void {
    if (this.windowMs <= 0) {
      this.send({ ...data, rating: ratingData(this.ratings.ratingOf(data.sessionId)) });
      return;
    }
    const timer = setTimeout(() => this.release(data.sessionId), this.windowMs);
    timer.unref();
    this.waiting.set(data.sessionId, { data, timer });
  }

  /** Sends the chat's `chat.ended` now, with its rating if it has one. */
  private release(sessionId: number): void {
    const entry = this.waiting.get(sessionId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.waiting.delete(sessionId);
    this.send({ ...entry.data, rating: ratingData(this.ratings.ratingOf(sessionId)) });
  }

  /** How many chats' `chat.ended` wait for a rating. */
  get pending(): number {
    return this.waiting.size;
  }

  close(): void {
    this.stopListening();
    for (const { timer } of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }
}
