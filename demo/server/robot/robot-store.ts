/**
 * The robot module's tables, added to the chat store with its own migration so the core schema
 * stays untouched: the token signing key, one robot binding per area (user, webhook, the id of the
 * only valid token, registered or not) and the chats each area's robot was offered.
 *
 * The CLI and a running server may both open the same SQLite file; nothing here is cached, so a
 * binding the CLI writes is what the server reads on the next request.
 */
import { randomBytes } from 'node:crypto';
import type { ChatStore } from '../store.js';

export interface RobotBinding {
  areaId: number;
  /** The Cention user the robot acts as: robot messages show this name. */
  userName: string;
  webhook: string;
  /** `jti` of the latest token for this area; every other token is rejected. */
  tokenId: string;
  /** The robot has called `register` (and not `deregister`): new chats of the area go to it. */
  registered: boolean;
  createdAt: number;
}

const MIGRATION = `
CREATE TABLE robot_keys (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  secret BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE robot_bindings (
  area_id INTEGER PRIMARY KEY,
  user_name TEXT NOT NULL,
  webhook TEXT NOT NULL,
  token_id TEXT NOT NULL,
  registered INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE TABLE robot_sessions (
  session_id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL,
  offered_at INTEGER NOT NULL
);
`;

interface BindingRow {
  area_id: number;
  user_name: string;
  webhook: string;
  token_id: string;
  registered: number;
  created_at: number;
}

export class RobotStore {
  private readonly statements;

  constructor(store: ChatStore) {
    store.migrate('robot-001-tokens', MIGRATION);
    const db = store.db;
    this.statements = {
      insertKey: db.prepare<[Buffer, number]>(
        'INSERT OR IGNORE INTO robot_keys (id, secret, created_at) VALUES (1, ?, ?)',
      ),
      key: db.prepare<[], { secret: Buffer }>('SELECT secret FROM robot_keys WHERE id = 1'),
      binding: db.prepare<[number], BindingRow>('SELECT * FROM robot_bindings WHERE area_id = ?'),
      // A new token replaces the area's binding; the robot must register again with it.
      saveBinding: db.prepare<[number, string, string, string, number]>(
        `INSERT INTO robot_bindings (area_id, user_name, webhook, token_id, registered, created_at)
         VALUES (?, ?, ?, ?, 0, ?)
         ON CONFLICT (area_id) DO UPDATE SET user_name = excluded.user_name,
           webhook = excluded.webhook, token_id = excluded.token_id, registered = 0,
           created_at = excluded.created_at`,
      ),
      setRegistered: db.prepare<[number, number, string]>(
        'UPDATE robot_bindings SET registered = ? WHERE area_id = ? AND token_id = ?',
      ),
      recordOffer: db.prepare<[number, number, number]>(
        'INSERT OR IGNORE INTO robot_sessions (session_id, area_id, offered_at) VALUES (?, ?, ?)',
      ),
      offeredArea: db.prepare<[number], { area_id: number }>(
        'SELECT area_id FROM robot_sessions WHERE session_id = ?',
      ),
    };
  }

  /** The HS256 key: made once per database, so tokens survive restarts. */
  signingKey(): Uint8Array {
    this.statements.insertKey.run(randomBytes(32), Date.now());
    const row = this.statements.key.get();
    if (!row) throw new Error('robot signing key missing after insert');
    return new Uint8Array(row.secret);
  }

  binding(areaId: number): RobotBinding | undefined {
    const row = this.statements.binding.get(areaId);
    return (
      row && {
        areaId: row.area_id,
        userName: row.user_name,
        webhook: row.webhook,
        tokenId: row.token_id,
        registered: row.registered === 1,
        createdAt: row.created_at,
      }
    );
  }

  saveBinding(binding: {
    areaId: number;
    userName: string;
    webhook: string;
    tokenId: string;
  }): void {
    this.statements.saveBinding.run(
      binding.areaId,
      binding.userName,
      binding.webhook,
      binding.tokenId,
      Date.now(),
    );
  }

  /** Only the binding of that very token changes (a token replaced meanwhile changes nothing). */
  setRegistered(binding: RobotBinding, registered: boolean): void {
    this.statements.setRegistered.run(registered ? 1 : 0, binding.areaId, binding.tokenId);
  }

  isRegistered(areaId: number): boolean {
    return this.binding(areaId)?.registered ?? false;
  }

  /** Remembers that `areaId`'s robot saw this chat, so it may still comment after a handover. */
  recordOffer(sessionId: number, areaId: number): void {
    this.statements.recordOffer.run(sessionId, areaId, Date.now());
  }

  offeredToArea(sessionId: number): number | undefined {
    return this.statements.offeredArea.get(sessionId)?.area_id;
  }
}
