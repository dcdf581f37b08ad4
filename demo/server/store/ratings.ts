/**
 * The visitors' ratings of their chats: one row per chat at most (the primary key makes "once"
 * hold even when two requests race). Its own migration, run the first time the rating module asks
 * for the table, like the robot tables.
 */
import type Database from 'better-sqlite3';
import type { ChatRating } from '../../../src/protocol/index.js';
import { runMigration } from './schema.js';

const RATING_TABLE = `
CREATE TABLE ratings (
  session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
  score INTEGER NOT NULL,
  comment TEXT NOT NULL,
  rated_at INTEGER NOT NULL
);
`;

export class RatingTable {
  private readonly insert: Database.Statement<{
    sessionId: number;
    score: number;
    comment: string;
    ratedAt: number;
  }>;
  private readonly select: Database.Statement<{ sessionId: number }, ChatRating>;

  constructor(db: Database.Database) {
    runMigration(db, 'rating-001-ratings', RATING_TABLE);
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO ratings (session_id, score, comment, rated_at)
       VALUES (@sessionId, @score, @comment, @ratedAt)`,
    );
    this.select = db.prepare(
      `SELECT score, comment, rated_at AS ratedAt FROM ratings WHERE session_id = @sessionId`,
    );
  }

  /** False when the chat was rated already (the first rating stays). */
  add(sessionId: number, rating: ChatRating): boolean {
    return this.insert.run({ sessionId, ...rating }).changes === 1;
  }

  of(sessionId: number): ChatRating | undefined {
    return this.select.get({ sessionId });
  }
}
