/**
 * What the server knows about a chat's visitor beyond the start form: `session_identity` (the
 * site vouched for them with a signed visitor token; see identity.ts) and `page_visits` (the pages
 * they were on during the chat, newest kept).
 */
import type Database from 'better-sqlite3';
import type { Migration } from './schema.js';

export const VISITOR_CONTEXT_MIGRATION: readonly [name: string, migration: Migration] = [
  'visitor-context-001',
  `CREATE TABLE session_identity (
    session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
    user_id TEXT NOT NULL,
    verified_at INTEGER NOT NULL
  );
  CREATE TABLE page_visits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX page_visits_by_session ON page_visits(session_id, id);`,
];

/** Pages kept per chat; older ones are deleted as new ones come. */
export const PAGES_KEPT = 50;

export interface PageVisitRecord {
  url: string;
  title: string;
  /** Unix ms. */
  at: number;
}

export class VisitorContextTable {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      setIdentity: db.prepare<{ sessionId: number; userId: string; now: number }>(
        `INSERT OR REPLACE INTO session_identity (session_id, user_id, verified_at)
         VALUES (@sessionId, @userId, @now)`,
      ),
      identity: db.prepare<{ sessionId: number }, { userId: string }>(
        'SELECT user_id AS userId FROM session_identity WHERE session_id = @sessionId',
      ),
      addPage: db.prepare<{ sessionId: number } & PageVisitRecord>(
        `INSERT INTO page_visits (session_id, url, title, at)
         VALUES (@sessionId, @url, @title, @at)`,
      ),
      prunePages: db.prepare<{ sessionId: number; kept: number }>(
        `DELETE FROM page_visits WHERE session_id = @sessionId AND id <= (
           SELECT id FROM page_visits WHERE session_id = @sessionId
           ORDER BY id DESC LIMIT 1 OFFSET @kept)`,
      ),
      latestPages: db.prepare<{ sessionId: number; limit: number }, PageVisitRecord>(
        `SELECT url, title, at FROM page_visits WHERE session_id = @sessionId
         ORDER BY id DESC LIMIT @limit`,
      ),
    };
  }

  setIdentity(sessionId: number, userId: string, now: number): void {
    this.statements.setIdentity.run({ sessionId, userId, now });
  }

  /** The token's `sub` of a verified visitor; undefined for a guest. */
  userIdOf(sessionId: number): string | undefined {
    return this.statements.identity.get({ sessionId })?.userId;
  }

  addPage(sessionId: number, page: PageVisitRecord): void {
    this.statements.addPage.run({ sessionId, ...page });
    this.statements.prunePages.run({ sessionId, kept: PAGES_KEPT });
  }

  /** The `limit` latest pages, oldest first. */
  latestPages(sessionId: number, limit: number): PageVisitRecord[] {
    return this.statements.latestPages.all({ sessionId, limit }).reverse();
  }
}
