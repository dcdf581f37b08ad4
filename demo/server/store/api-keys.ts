/**
 * The `api_keys` table: REST API keys, stored as SHA-256 hashes only (a key is 32 random bytes, so
 * a fast hash is as good as a slow one and keeps each request cheap). The key's public id is part
 * of the key, so a request finds its row without scanning, and the hash is compared in constant
 * time. The CLI (`npm run api-key`) and a running server share the SQLite file: nothing is cached.
 */
import type Database from 'better-sqlite3';

export interface ApiKeyRecord {
  id: string;
  name: string;
  /** Hex SHA-256 of the whole key. */
  hash: string;
  createdAt: number;
  revokedAt: number | null;
}

export const API_KEY_TABLES = `
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
`;

const API_KEY = `SELECT id, name, hash, created_at AS createdAt, revoked_at AS revokedAt
  FROM api_keys`;

export class ApiKeyTable {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare<{ id: string; name: string; hash: string; now: number }>(
        `INSERT INTO api_keys (id, name, hash, created_at) VALUES (@id, @name, @hash, @now)`,
      ),
      byId: db.prepare<{ id: string }, ApiKeyRecord>(`${API_KEY} WHERE id = @id`),
      all: db.prepare<[], ApiKeyRecord>(`${API_KEY} ORDER BY created_at, id`),
      revoke: db.prepare<{ id: string; now: number }>(
        'UPDATE api_keys SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL',
      ),
    };
  }

  insert(key: { id: string; name: string; hash: string; now: number }): void {
    this.statements.insert.run(key);
  }

  byId(id: string): ApiKeyRecord | undefined {
    return this.statements.byId.get({ id });
  }

  all(): ApiKeyRecord[] {
    return this.statements.all.all();
  }

  /** False when there is no such key or it was revoked already. */
  revoke(id: string, now: number): boolean {
    return this.statements.revoke.run({ id, now }).changes > 0;
  }
}
