/**
 * The repository: every read and write of chat data, as prepared better-sqlite3 statements.
 * Nothing else in the server touches SQL. Other modules (the robot API) add their own tables with
 * `store.migrate(name, sql)`, which runs each named migration exactly once per database.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatSender as Sender } from '../../src/protocol/index.js';

export type SessionStatus = 'queued' | 'active' | 'robot' | 'closed';

export interface SessionRecord {
  id: number;
  secret: string;
  areaId: number;
  clientName: string;
  email: string;
  phone: string;
  externalData: string;
  href: string;
  deviceInfo: string;
  status: SessionStatus;
  robot: string | null;
  /** Unix milliseconds, like every time column. */
  createdAt: number;
  queuedAt: number | null;
  acceptedAt: number | null;
  closedAt: number | null;
  closedBy: string | null;
  closeReason: string | null;
  lastActivityAt: number;
}

export interface MessageRecord {
  id: number;
  sessionId: number;
  umid: string;
  sender: Sender;
  agentName: string | null;
  text: string;
  sentAt: number;
  /** A comment only agents see (robot comments). */
  internal: boolean;
  ackedAt: number | null;
  deliveredAt: number | null;
  seenAt: number | null;
}

export interface FileRecord {
  id: string;
  sessionId: number;
  name: string;
  mime: string;
  size: number;
  data: Buffer;
  createdAt: number;
}

/** What a caller chooses for a new session; the store adds the id and sets its times from `now`. */
export type NewSession = Pick<
  SessionRecord,
  | 'secret'
  | 'areaId'
  | 'clientName'
  | 'email'
  | 'phone'
  | 'externalData'
  | 'href'
  | 'deviceInfo'
  | 'status'
  | 'robot'
> & { now: number };

/** What a caller chooses for a new message; the store fills in the id and the delivery state. */
export type NewMessage = Pick<
  MessageRecord,
  'sessionId' | 'umid' | 'sender' | 'agentName' | 'text' | 'sentAt'
> & { internal?: boolean };

const SCHEMA = `
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

interface SessionRow {
  id: number;
  secret: string;
  area_id: number;
  client_name: string;
  email: string;
  phone: string;
  external_data: string;
  href: string;
  device_info: string;
  status: SessionStatus;
  robot: string | null;
  created_at: number;
  queued_at: number | null;
  accepted_at: number | null;
  closed_at: number | null;
  closed_by: string | null;
  close_reason: string | null;
  last_activity_at: number;
}

interface MessageRow {
  id: number;
  session_id: number;
  umid: string;
  sender: Sender;
  agent_name: string | null;
  text: string;
  sent_at: number;
  internal: number;
  acked_at: number | null;
  delivered_at: number | null;
  seen_at: number | null;
}

interface FileRow {
  id: string;
  session_id: number;
  name: string;
  mime: string;
  size: number;
  data: Buffer;
  created_at: number;
}

const toSession = (row: SessionRow): SessionRecord => ({
  id: row.id,
  secret: row.secret,
  areaId: row.area_id,
  clientName: row.client_name,
  email: row.email,
  phone: row.phone,
  externalData: row.external_data,
  href: row.href,
  deviceInfo: row.device_info,
  status: row.status,
  robot: row.robot,
  createdAt: row.created_at,
  queuedAt: row.queued_at,
  acceptedAt: row.accepted_at,
  closedAt: row.closed_at,
  closedBy: row.closed_by,
  closeReason: row.close_reason,
  lastActivityAt: row.last_activity_at,
});

const toMessage = (row: MessageRow): MessageRecord => ({
  id: row.id,
  sessionId: row.session_id,
  umid: row.umid,
  sender: row.sender,
  agentName: row.agent_name,
  text: row.text,
  sentAt: row.sent_at,
  internal: row.internal === 1,
  ackedAt: row.acked_at,
  deliveredAt: row.delivered_at,
  seenAt: row.seen_at,
});

const toFile = (row: FileRow): FileRecord => ({
  id: row.id,
  sessionId: row.session_id,
  name: row.name,
  mime: row.mime,
  size: row.size,
  data: row.data,
  createdAt: row.created_at,
});

/** Opens (or creates) the database in `dataDir`, or in memory for `':memory:'`. */
export function openStore(dataDir: string): ChatStore {
  let db: Database.Database;
  if (dataDir === ':memory:') {
    db = new Database(':memory:');
  } else {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, 'chat.sqlite'));
    // WAL keeps readers off the writer's back; NORMAL sync is durable across a process crash,
    // which is what "stop the server mid-chat" needs.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  return new ChatStore(db);
}

export class ChatStore {
  readonly db: Database.Database;
  private readonly statements;

  constructor(db: Database.Database) {
    this.db = db;
    db.exec(
      'CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)',
    );
    this.migrate('001-chat', SCHEMA);
    // For the estimated wait (recent handling times per area).
    this.migrate(
      '002-sessions-by-close',
      'CREATE INDEX sessions_by_close ON sessions(area_id, closed_at)',
    );
    this.statements = {
      insertSession: db.prepare<
        [
          string,
          number,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string | null,
          number,
          number | null,
          number,
        ]
      >(
        `INSERT INTO sessions (secret, area_id, client_name, email, phone, external_data, href, device_info,
           status, robot, created_at, queued_at, last_activity_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      sessionById: db.prepare<[number], SessionRow>('SELECT * FROM sessions WHERE id = ?'),
      sessionBySecret: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE secret = ?'),
      openSessions: db.prepare<[], SessionRow>(
        "SELECT * FROM sessions WHERE status <> 'closed' ORDER BY id",
      ),
      queuedInArea: db.prepare<[number], SessionRow>(
        "SELECT * FROM sessions WHERE status = 'queued' AND area_id = ? ORDER BY queued_at, id",
      ),
      queuedCount: db.prepare<[number], { count: number }>(
        "SELECT COUNT(*) AS count FROM sessions WHERE status = 'queued' AND area_id = ?",
      ),
      queuePosition: db.prepare<[number, number, number, number], { count: number }>(
        `SELECT COUNT(*) AS count FROM sessions WHERE status = 'queued' AND area_id = ?
           AND (queued_at < ? OR (queued_at = ? AND id <= ?))`,
      ),
      firstMessageText: db.prepare<[number], { text: string }>(
        'SELECT text FROM messages WHERE session_id = ? ORDER BY id LIMIT 1',
      ),
      setQueued: db.prepare<[number, number, number]>(
        "UPDATE sessions SET status = 'queued', area_id = ?, queued_at = ?, robot = NULL WHERE id = ?",
      ),
      setActive: db.prepare<[number, number]>(
        "UPDATE sessions SET status = 'active', accepted_at = COALESCE(accepted_at, ?) WHERE id = ?",
      ),
      setClosed: db.prepare<[number, string, string | null, number]>(
        "UPDATE sessions SET status = 'closed', closed_at = ?, closed_by = ?, close_reason = ? WHERE id = ? AND status <> 'closed'",
      ),
      touch: db.prepare<[number, number]>('UPDATE sessions SET last_activity_at = ? WHERE id = ?'),
      recentHandling: db.prepare<[number, number], { seconds: number }>(
        `SELECT (closed_at - accepted_at) / 1000.0 AS seconds FROM sessions
         WHERE area_id = ? AND closed_at IS NOT NULL AND accepted_at IS NOT NULL
         ORDER BY closed_at DESC LIMIT ?`,
      ),
      insertMessage: db.prepare<[number, string, string, string | null, string, number, number]>(
        `INSERT INTO messages (session_id, umid, sender, agent_name, text, sent_at, internal)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      messageById: db.prepare<[number], MessageRow>('SELECT * FROM messages WHERE id = ?'),
      messageByUmid: db.prepare<[number, string, string], MessageRow>(
        'SELECT * FROM messages WHERE session_id = ? AND sender = ? AND umid = ?',
      ),
      messagesAfter: db.prepare<[number, number], MessageRow>(
        'SELECT * FROM messages WHERE session_id = ? AND id > ? ORDER BY id',
      ),
      ackMessage: db.prepare<[number, number, number]>(
        "UPDATE messages SET acked_at = ? WHERE id = ? AND session_id = ? AND sender = 'CLIENT' AND acked_at IS NULL",
      ),
      ackedClientIds: db.prepare<[number], { id: number }>(
        "SELECT id FROM messages WHERE session_id = ? AND sender = 'CLIENT' AND acked_at IS NOT NULL ORDER BY id",
      ),
      deliverMessage: db.prepare<[number, number, number]>(
        "UPDATE messages SET delivered_at = ? WHERE id = ? AND session_id = ? AND sender <> 'CLIENT' AND delivered_at IS NULL",
      ),
      seeMessage: db.prepare<[number, number, number]>(
        "UPDATE messages SET seen_at = ? WHERE id = ? AND session_id = ? AND sender <> 'CLIENT' AND internal = 0 AND seen_at IS NULL",
      ),
      agentsOf: db.prepare<[number], { agent_name: string }>(
        'SELECT agent_name FROM session_agents WHERE session_id = ? ORDER BY joined_at, agent_name',
      ),
      addAgent: db.prepare<[number, string, number]>(
        'INSERT OR IGNORE INTO session_agents (session_id, agent_name, joined_at) VALUES (?, ?, ?)',
      ),
      removeAgent: db.prepare<[number, string]>(
        'DELETE FROM session_agents WHERE session_id = ? AND agent_name = ?',
      ),
      insertFile: db.prepare<[string, number, string, string, number, Buffer, number]>(
        'INSERT INTO files (id, session_id, name, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      fileById: db.prepare<[string], FileRow>('SELECT * FROM files WHERE id = ?'),
      insertPostback: db.prepare<[number, string, string, number]>(
        'INSERT INTO postbacks (session_id, title, data, created_at) VALUES (?, ?, ?, ?)',
      ),
      postbacksOf: db.prepare<[number], { title: string; data: string }>(
        'SELECT title, data FROM postbacks WHERE session_id = ? ORDER BY id',
      ),
    };
  }

  /**
   * Runs `sql` (or a function) once for this database, remembered by `name`. Names are global:
   * prefix them with your module (`robot-001-tokens`).
   */
  migrate(name: string, migration: string | ((db: Database.Database) => void)): void {
    const done = this.db.prepare('SELECT 1 FROM migrations WHERE name = ?').get(name);
    if (done) return;
    this.db.transaction(() => {
      if (typeof migration === 'string') this.db.exec(migration);
      else migration(this.db);
      this.db
        .prepare('INSERT INTO migrations (name, applied_at) VALUES (?, ?)')
        .run(name, Date.now());
    })();
  }

  createSession(session: NewSession): SessionRecord {
    const queuedAt = session.status === 'queued' ? session.now : null;
    const result = this.statements.insertSession.run(
      session.secret,
      session.areaId,
      session.clientName,
      session.email,
      session.phone,
      session.externalData,
      session.href,
      session.deviceInfo,
      session.status,
      session.robot,
      session.now,
      queuedAt,
      session.now,
    );
    const created = this.session(Number(result.lastInsertRowid));
    if (!created) throw new Error('session vanished after insert');
    return created;
  }

  session(id: number): SessionRecord | undefined {
    const row = this.statements.sessionById.get(id);
    return row && toSession(row);
  }

  sessionBySecret(secret: string): SessionRecord | undefined {
    const row = this.statements.sessionBySecret.get(secret);
    return row && toSession(row);
  }

  openSessions(): SessionRecord[] {
    return this.statements.openSessions.all().map(toSession);
  }

  queuedInArea(areaId: number): SessionRecord[] {
    return this.statements.queuedInArea.all(areaId).map(toSession);
  }

  queuedCount(areaId: number): number {
    return this.statements.queuedCount.get(areaId)?.count ?? 0;
  }

  /** 1-based place of a queued session in its area's queue (by queue time, then id). */
  queuePosition(session: SessionRecord): number {
    const queuedAt = session.queuedAt ?? session.createdAt;
    return (
      this.statements.queuePosition.get(session.areaId, queuedAt, queuedAt, session.id)?.count ?? 0
    );
  }

  firstMessageText(sessionId: number): string {
    return this.statements.firstMessageText.get(sessionId)?.text ?? '';
  }

  setQueued(id: number, areaId: number, now: number): void {
    this.statements.setQueued.run(areaId, now, id);
  }

  setActive(id: number, now: number): void {
    this.statements.setActive.run(now, id);
  }

  /** Closes a session; false when it was already closed (so closing is idempotent). */
  setClosed(id: number, now: number, by: string, reason: string | null): boolean {
    return this.statements.setClosed.run(now, by, reason, id).changes > 0;
  }

  touch(id: number, now: number): void {
    this.statements.touch.run(now, id);
  }

  /** Handling times (accept → close) of the area's most recent chats, newest first. */
  recentHandlingSeconds(areaId: number, limit: number): number[] {
    return this.statements.recentHandling.all(areaId, limit).map((row) => row.seconds);
  }

  /**
   * Stores a message unless one with the same (session, sender, umid) exists; returns the stored
   * row and whether it is new. This is what makes visitor resends exactly-once.
   */
  insertMessage(message: NewMessage): { message: MessageRecord; isNew: boolean } {
    const result = this.statements.insertMessage.run(
      message.sessionId,
      message.umid,
      message.sender,
      message.agentName,
      message.text,
      message.sentAt,
      message.internal ? 1 : 0,
    );
    if (result.changes > 0) {
      const row = this.statements.messageById.get(Number(result.lastInsertRowid));
      if (row) return { message: toMessage(row), isNew: true };
    }
    const existing = this.statements.messageByUmid.get(
      message.sessionId,
      message.sender,
      message.umid,
    );
    if (!existing) throw new Error('message neither inserted nor found');
    return { message: toMessage(existing), isNew: false };
  }

  messagesAfter(sessionId: number, afterId = 0): MessageRecord[] {
    return this.statements.messagesAfter.all(sessionId, afterId).map(toMessage);
  }

  /** Marks visitor messages as received by an agent console; returns the ids newly marked. */
  ackMessages(sessionId: number, ids: number[], now: number): number[] {
    return this.markEach(this.statements.ackMessage, sessionId, ids, now);
  }

  ackedClientMessageIds(sessionId: number): number[] {
    return this.statements.ackedClientIds.all(sessionId).map((row) => row.id);
  }

  /** Marks agent/system messages as delivered to a visitor connection; returns ids newly marked. */
  markDelivered(sessionId: number, ids: number[], now: number): number[] {
    return this.markEach(this.statements.deliverMessage, sessionId, ids, now);
  }

  /** Marks agent/system messages as displayed by the visitor; returns ids newly marked. */
  markSeen(sessionId: number, ids: number[], now: number): number[] {
    return this.markEach(this.statements.seeMessage, sessionId, ids, now);
  }

  private markEach(
    statement: Database.Statement<[number, number, number]>,
    sessionId: number,
    ids: number[],
    now: number,
  ): number[] {
    const marked: number[] = [];
    this.db.transaction(() => {
      for (const id of ids) {
        if (statement.run(now, id, sessionId).changes > 0) marked.push(id);
      }
    })();
    return marked;
  }

  agentsOf(sessionId: number): string[] {
    return this.statements.agentsOf.all(sessionId).map((row) => row.agent_name);
  }

  addAgent(sessionId: number, agentName: string, now: number): boolean {
    return this.statements.addAgent.run(sessionId, agentName, now).changes > 0;
  }

  removeAgent(sessionId: number, agentName: string): boolean {
    return this.statements.removeAgent.run(sessionId, agentName).changes > 0;
  }

  insertFile(file: FileRecord): void {
    this.statements.insertFile.run(
      file.id,
      file.sessionId,
      file.name,
      file.mime,
      file.size,
      file.data,
      file.createdAt,
    );
  }

  file(id: string): FileRecord | undefined {
    const row = this.statements.fileById.get(id);
    return row && toFile(row);
  }

  insertPostback(sessionId: number, title: string, data: string, now: number): void {
    this.statements.insertPostback.run(sessionId, title, data, now);
  }

  postbacksOf(sessionId: number): { title: string; data: string }[] {
    return this.statements.postbacksOf.all(sessionId);
  }

  close(): void {
    this.db.close();
  }
}
