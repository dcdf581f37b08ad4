/**
 * The `sessions` table (one row per chat, its lifecycle and queue place) and `session_agents`
 * (which agents are in a chat).
 */
import type Database from 'better-sqlite3';
import type { NewSession, SessionRecord } from './records.js';

/** Every column, named as `SessionRecord` names it. */
const SESSION = `SELECT id, secret, area_id AS areaId, client_name AS clientName, email, phone,
  external_data AS externalData, href, device_info AS deviceInfo, status, robot,
  created_at AS createdAt, queued_at AS queuedAt, accepted_at AS acceptedAt, closed_at AS closedAt,
  closed_by AS closedBy, close_reason AS closeReason, last_activity_at AS lastActivityAt
  FROM sessions`;

type NewSessionRow = NewSession & { queuedAt: number | null };
type SessionAt = { id: number; now: number };

function prepareStatements(db: Database.Database) {
  return {
    insert: db.prepare<NewSessionRow>(
      `INSERT INTO sessions (secret, area_id, client_name, email, phone, external_data, href,
         device_info, status, robot, created_at, queued_at, last_activity_at)
       VALUES (@secret, @areaId, @clientName, @email, @phone, @externalData, @href, @deviceInfo,
         @status, @robot, @now, @queuedAt, @now)`,
    ),
    byId: db.prepare<{ id: number }, SessionRecord>(`${SESSION} WHERE id = @id`),
    bySecret: db.prepare<{ secret: string }, SessionRecord>(`${SESSION} WHERE secret = @secret`),
    open: db.prepare<[], SessionRecord>(`${SESSION} WHERE status <> 'closed' ORDER BY id`),
    queuedInArea: db.prepare<{ areaId: number }, SessionRecord>(
      `${SESSION} WHERE status = 'queued' AND area_id = @areaId ORDER BY queued_at, id`,
    ),
    queuedCount: db.prepare<{ areaId: number }, { count: number }>(
      "SELECT COUNT(*) AS count FROM sessions WHERE status = 'queued' AND area_id = @areaId",
    ),
    queuePosition: db.prepare<{ areaId: number; queuedAt: number; id: number }, { count: number }>(
      `SELECT COUNT(*) AS count FROM sessions WHERE status = 'queued' AND area_id = @areaId
         AND (queued_at < @queuedAt OR (queued_at = @queuedAt AND id <= @id))`,
    ),
    setQueued: db.prepare<SessionAt & { areaId: number }>(
      `UPDATE sessions SET status = 'queued', area_id = @areaId, queued_at = @now, robot = NULL
       WHERE id = @id`,
    ),
    setActive: db.prepare<SessionAt>(
      `UPDATE sessions SET status = 'active', accepted_at = COALESCE(accepted_at, @now)
       WHERE id = @id`,
    ),
    setClosed: db.prepare<SessionAt & { by: string; reason: string | null }>(
      `UPDATE sessions SET status = 'closed', closed_at = @now, closed_by = @by,
         close_reason = @reason
       WHERE id = @id AND status <> 'closed'`,
    ),
    touch: db.prepare<SessionAt>('UPDATE sessions SET last_activity_at = @now WHERE id = @id'),
    recentHandling: db.prepare<{ areaId: number; limit: number }, { seconds: number }>(
      `SELECT (closed_at - accepted_at) / 1000.0 AS seconds FROM sessions
       WHERE area_id = @areaId AND closed_at IS NOT NULL AND accepted_at IS NOT NULL
       ORDER BY closed_at DESC LIMIT @limit`,
    ),
    agentsOf: db.prepare<{ sessionId: number }, { agentName: string }>(
      `SELECT agent_name AS agentName FROM session_agents WHERE session_id = @sessionId
       ORDER BY joined_at, agent_name`,
    ),
    addAgent: db.prepare<{ sessionId: number; agentName: string; now: number }>(
      `INSERT OR IGNORE INTO session_agents (session_id, agent_name, joined_at)
       VALUES (@sessionId, @agentName, @now)`,
    ),
    removeAgent: db.prepare<{ sessionId: number; agentName: string }>(
      'DELETE FROM session_agents WHERE session_id = @sessionId AND agent_name = @agentName',
    ),
  };
}

export class SessionTable {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = prepareStatements(db);
  }

  create(session: NewSession): SessionRecord {
    const queuedAt = session.status === 'queued' ? session.now : null;
    const result = this.statements.insert.run({ ...session, queuedAt });
    const created = this.byId(Number(result.lastInsertRowid));
    if (!created) throw new Error('session vanished after insert');
    return created;
  }

  byId(id: number): SessionRecord | undefined {
    return this.statements.byId.get({ id });
  }

  bySecret(secret: string): SessionRecord | undefined {
    return this.statements.bySecret.get({ secret });
  }

  open(): SessionRecord[] {
    return this.statements.open.all();
  }

  queuedInArea(areaId: number): SessionRecord[] {
    return this.statements.queuedInArea.all({ areaId });
  }

  queuedCount(areaId: number): number {
    return this.statements.queuedCount.get({ areaId })?.count ?? 0;
  }

  /** 1-based place of a queued session in its area's queue (by queue time, then id). */
  queuePosition(session: SessionRecord): number {
    const queuedAt = session.queuedAt ?? session.createdAt;
    const { areaId, id } = session;
    return this.statements.queuePosition.get({ areaId, queuedAt, id })?.count ?? 0;
  }

  setQueued(id: number, areaId: number, now: number): void {
    this.statements.setQueued.run({ id, areaId, now });
  }

  setActive(id: number, now: number): void {
    this.statements.setActive.run({ id, now });
  }

  /** False when it was already closed (so closing is idempotent). */
  setClosed(id: number, now: number, by: string, reason: string | null): boolean {
    return this.statements.setClosed.run({ id, now, by, reason }).changes > 0;
  }

  touch(id: number, now: number): void {
    this.statements.touch.run({ id, now });
  }

  /** Handling times (accept → close) of the area's most recent chats, newest first. */
  recentHandlingSeconds(areaId: number, limit: number): number[] {
    return this.statements.recentHandling.all({ areaId, limit }).map((row) => row.seconds);
  }

  agentsOf(sessionId: number): string[] {
    return this.statements.agentsOf.all({ sessionId }).map((row) => row.agentName);
  }

  addAgent(sessionId: number, agentName: string, now: number): boolean {
    return this.statements.addAgent.run({ sessionId, agentName, now }).changes > 0;
  }

  removeAgent(sessionId: number, agentName: string): boolean {
    return this.statements.removeAgent.run({ sessionId, agentName }).changes > 0;
  }
}
