/**
 * The visitor's rating of a chat (`POST /socket/external.api/rating`): only the chat's own visitor
 * (the session secret), only after the chat has ended, once, with a short comment. A stored rating
 * goes to the consoles of the chat's agents (`chat rated`) and to `onRated` listeners (the
 * `chat.ended` webhook waits for it; see docs/server.md "Ratings").
 */
import type { ChatRating, RatingRequest } from '../../../src/protocol/index.js';
import type { ChatEngine } from '../engine/chat-engine.js';
import { ChatError } from '../errors.js';
import type { Logger } from '../logger.js';

/** Longest comment kept; the route's body limit refuses anything much bigger unread. */
export const MAX_RATING_COMMENT = 1000;

export type RatingListener = (sessionId: number, rating: ChatRating) => void;

export class ChatRatings {
  private readonly listeners = new Set<RatingListener>();

  constructor(
    private readonly engine: ChatEngine,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Calls `listener` after each stored rating; returns how to stop. */
  onRated(listener: RatingListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The chat's rating, if its visitor gave one. */
  ratingOf(sessionId: number): ChatRating | undefined {
    return this.engine.store.ratingTable().of(sessionId);
  }

  rate(request: RatingRequest): ChatRating {
    // The secret first: nothing about a chat is told to someone who cannot prove it is theirs.
    const session = this.engine.sessionForSecret(request.secret);
    if (session.id !== request.sessionId) {
      throw new ChatError('bad_secret', 'No chat with that secret.', 403);
    }
    if (session.status !== 'closed') {
      throw new ChatError('chat_open', 'A chat can be rated once it has ended.', 409);
    }
    const rating: ChatRating = {
      score: request.score,
      // Bidirectional controls and other invisible formatting would let a comment disguise itself
      // in the console; line breaks are kept.
      comment: (request.comment ?? '')
        .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '')
        .trim(),
      ratedAt: this.now(),
    };
    if (!this.engine.store.ratingTable().add(session.id, rating)) {
      throw new ChatError('already_rated', 'This chat has been rated already.', 409);
    }
    this.engine.peers.toAgentsOf(session.id, 'chat rated', [{ sessionId: session.id, ...rating }]);
    this.logger.info({ sessionId: session.id, score: rating.score }, 'chat rated');
    for (const listener of this.listeners) {
      try {
        listener(session.id, rating);
      } catch (error) {
        this.logger.error({ err: error, sessionId: session.id }, 'rating listener failed');
      }
    }
    return rating;
  }
}
