/**
 * The robot API's tables: the token signing key, one robot binding per area (user, webhook, the
 * id of the only valid token, registered or not) and the chats each area's robot was offered.
 * They come with their own migration, run the first time the robot module asks for them, so a
 * server without the robot API keeps the core schema only.
 *
 * The CLI and a running server may both open the same SQLite file; nothing here is cached, so a
 * binding the CLI writes is what the server reads on the next request.
 */
import type Database from 'better-sqlite3';
import type { RobotBinding } from './records.js';
import { runMigration } from './schema.js';

const ROBOT_TABLES = `
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

type BindingRow = Omit<RobotBinding, 'registered'> & { registered: number };
/** What saving a binding writes: a new token always starts unregistered. */
export type NewRobotBinding = Pick<RobotBinding, 'areaId' | 'userName' | 'webhook' | 'tokenId'>;

function prepareStatements(db: Database.Database) {
  return {
    insertKey: db.prepare<{ secret: Buffer; now: number }>(
      'INSERT OR IGNORE INTO robot_keys (id, secret, created_at) VALUES (1, @secret, @now)',
    ),
    key: db.prepare<[], { secret: Buffer }>('SELECT secret FROM robot_keys WHERE id = 1'),
    binding: db.prepare<{ areaId: number }, BindingRow>(
      `SELECT area_id AS areaId, user_name AS userName, webhook, token_id AS tokenId, registered,
         created_at AS createdAt
       FROM robot_bindings WHERE area_id = @areaId`,
    ),
    // A new token replaces the area's binding; the robot must register again with it.
    saveBinding: db.prepare<NewRobotBinding & { now: number }>(
      `INSERT INTO robot_bindings (area_id, user_name, webhook, token_id, registered, created_at)
       VALUES (@areaId, @userName, @webhook, @tokenId, 0, @now)
       ON CONFLICT (area_id) DO UPDATE SET user_name = excluded.user_name,
         webhook = excluded.webhook, token_id = excluded.token_id, registered = 0,
         created_at = excluded.created_at`,
    ),
    setRegistered: db.prepare<{ registered: number; areaId: number; tokenId: string }>(
      `UPDATE robot_bindings SET registered = @registered
       WHERE area_id = @areaId AND token_id = @tokenId`,
    ),
    recordOffer: db.prepare<{ sessionId: number; areaId: number; now: number }>(
      `INSERT OR IGNORE INTO robot_sessions (session_id, area_id, offered_at)
       VALUES (@sessionId, @areaId, @now)`,
    ),
    offeredArea: db.prepare<{ sessionId: number }, { areaId: number }>(
      'SELECT area_id AS areaId FROM robot_sessions WHERE session_id = @sessionId',
    ),
  };
}

export class RobotTables {
  private readonly statements;

  constructor(db: Database.Database) {
    runMigration(db, 'robot-001-tokens', ROBOT_TABLES);
    this.statements = prepareStatements(db);
  }

  /** Stores `candidate` unless a key exists, then returns the one stored key. */
  signingKey(candidate: Buffer, now: number): Buffer | undefined {
    this.statements.insertKey.run({ secret: candidate, now });
    return this.statements.key.get()?.secret;
  }

  binding(areaId: number): RobotBinding | undefined {
    const row = this.statements.binding.get({ areaId });
    return row && { ...row, registered: row.registered === 1 };
  }

  saveBinding(binding: NewRobotBinding, now: number): void {
    const { areaId, userName, webhook, tokenId } = binding;
    this.statements.saveBinding.run({ areaId, userName, webhook, tokenId, now });
  }

  /** Only the binding of that very token changes (a token replaced meanwhile changes nothing). */
  setRegistered(binding: Pick<RobotBinding, 'areaId' | 'tokenId'>, registered: boolean): void {
    const { areaId, tokenId } = binding;
    this.statements.setRegistered.run({ registered: registered ? 1 : 0, areaId, tokenId });
  }

  recordOffer(sessionId: number, areaId: number, now: number): void {
    this.statements.recordOffer.run({ sessionId, areaId, now });
  }

  offeredToArea(sessionId: number): number | undefined {
    return this.statements.offeredArea.get({ sessionId })?.areaId;
  }
}
