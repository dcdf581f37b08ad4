/**
 * The chat tables and the migration runner. Each migration runs once per database and is
 * remembered by name in the `migrations` table, so an old data folder is brought up to date on
 * start and a new one is created from the same list.
 */
import type Database from 'better-sqlite3';
import { API_KEY_TABLES } from './api-keys.js';
import { ERRAND_TABLES } from './errands.js';

/** SQL text, or a function for a migration that must read before it writes. */
export type Migration = string | ((db: Database.Database) => void);

const CHAT_TABLES = `
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  secret TEXT NOT NULL UNIQUE,
  area_id INTEGER NOT NULL,
  client_name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  external_data TEXT NOT NULL DEFAULT '',
  href TEXT NOT NULL DEFAULT '',
  device_info TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  robot TEXT,
  created_at INTEGER NOT NULL,
  queued_at INTEGER,
  accepted_at INTEGER,
  closed_at INTEGER,
  closed_by TEXT,
  close_reason TEXT,
  last_activity_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_status ON sessions(status, area_id, queued_at);
CREATE TABLE messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  umid TEXT NOT NULL,
  sender TEXT NOT NULL,
  agent_name TEXT,
  text TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  internal INTEGER NOT NULL DEFAULT 0,
  acked_at INTEGER,
  delivered_at INTEGER,
  seen_at INTEGER
);
CREATE UNIQUE INDEX messages_once_per_umid ON messages(session_id, sender, umid) WHERE umid <> '';
CREATE INDEX messages_by_session ON messages(session_id, id);
CREATE TABLE session_agents (
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  agent_name TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, agent_name)
);
CREATE TABLE files (
  id TEXT PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE postbacks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  title TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`;

/** The core schema, oldest first. Never edit a shipped entry: add a new one. */
export const CHAT_MIGRATIONS: readonly (readonly [name: string, migration: Migration])[] = [
  ['001-chat', CHAT_TABLES],
  // For the estimated wait (recent handling times per area).
  ['002-sessions-by-close', 'CREATE INDEX sessions_by_close ON sessions(area_id, closed_at)'],
  // Messages left when nobody could chat, and REST API tickets (store/errands.ts).
  ['003-errands', ERRAND_TABLES],
  // REST API keys, hashed (store/api-keys.ts).
  ['004-api-keys', API_KEY_TABLES],
];

export function createMigrationsTable(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)',
  );
}

/** Runs `migration` unless a migration of that name already ran; all of it or nothing. */
export function runMigration(db: Database.Database, name: string, migration: Migration): void {
  const done = db.prepare<{ name: string }>('SELECT 1 FROM migrations WHERE name = @name').get({
    name,
  });
  if (done) return;
  db.transaction(() => {
    if (typeof migration === 'string') db.exec(migration);
    else migration(db);
    db.prepare<{ name: string; appliedAt: number }>(
      'INSERT INTO migrations (name, applied_at) VALUES (@name, @appliedAt)',
    ).run({ name, appliedAt: Date.now() });
  })();
}
