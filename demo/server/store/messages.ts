/**
 * The `messages` table (what visitors, agents and the system said, with delivery state) and
 * `postbacks` (template buttons a visitor clicked).
 */
import type Database from 'better-sqlite3';
import type { MessageRecord, NewMessage, PostbackRecord } from './records.js';

/** Every column, named as `MessageRecord` names it; `internal` is still SQLite's 0 or 1. */
const MESSAGE = `SELECT id, session_id AS sessionId, umid, sender, agent_name AS agentName, text,
  sent_at AS sentAt, internal, acked_at AS ackedAt, delivered_at AS deliveredAt, seen_at AS seenAt
  FROM messages`;

type MessageRow = Omit<MessageRecord, 'internal'> & { internal: number };
type NewMessageRow = Required<Omit<NewMessage, 'internal'>> & { internal: number };
/** What the three delivery marks (ack, delivered, seen) bind. */
type Mark = { id: number; sessionId: number; now: number };

// SQLite has no boolean: the one column that is a flag is the one thing left to convert.
const toMessage = (row: MessageRow): MessageRecord => ({ ...row, internal: row.internal === 1 });

function prepareStatements(db: Database.Database) {
  return {
    insert: db.prepare<NewMessageRow>(
      `INSERT INTO messages (session_id, umid, sender, agent_name, text, sent_at, internal)
       VALUES (@sessionId, @umid, @sender, @agentName, @text, @sentAt, @internal)
       ON CONFLICT DO NOTHING`,
    ),
    byId: db.prepare<{ id: number }, MessageRow>(`${MESSAGE} WHERE id = @id`),
    byUmid: db.prepare<Pick<NewMessage, 'sessionId' | 'sender' | 'umid'>, MessageRow>(
      `${MESSAGE} WHERE session_id = @sessionId AND sender = @sender AND umid = @umid`,
    ),
    after: db.prepare<{ sessionId: number; afterId: number }, MessageRow>(
      `${MESSAGE} WHERE session_id = @sessionId AND id > @afterId ORDER BY id`,
    ),
    // One page of what the visitor may see (no internal robot comments), newest first; the
    // caller asks for one row more than it returns to learn whether older ones remain.
    visibleBefore: db.prepare<{ sessionId: number; beforeId: number; limit: number }, MessageRow>(
      `${MESSAGE} WHERE session_id = @sessionId AND id < @beforeId AND internal = 0
         ORDER BY id DESC LIMIT @limit`,
    ),
    inSession: db.prepare<{ id: number; sessionId: number }, { id: number }>(
      'SELECT id FROM messages WHERE id = @id AND session_id = @sessionId',
    ),
    firstText: db.prepare<{ sessionId: number }, { text: string }>(
      'SELECT text FROM messages WHERE session_id = @sessionId ORDER BY id LIMIT 1',
    ),
    ack: db.prepare<Mark>(
      `UPDATE messages SET acked_at = @now WHERE id = @id AND session_id = @sessionId
         AND sender = 'CLIENT' AND acked_at IS NULL`,
    ),
    ackedClientIds: db.prepare<{ sessionId: number }, { id: number }>(
      `SELECT id FROM messages WHERE session_id = @sessionId AND sender = 'CLIENT'
         AND acked_at IS NOT NULL ORDER BY id`,
    ),
    deliver: db.prepare<Mark>(
      `UPDATE messages SET delivered_at = @now WHERE id = @id AND session_id = @sessionId
         AND sender <> 'CLIENT' AND delivered_at IS NULL`,
    ),
    see: db.prepare<Mark>(
      `UPDATE messages SET seen_at = @now WHERE id = @id AND session_id = @sessionId
         AND sender <> 'CLIENT' AND internal = 0 AND seen_at IS NULL`,
    ),
    insertPostback: db.prepare<PostbackRecord & { sessionId: number; now: number }>(
      `INSERT INTO postbacks (session_id, title, data, created_at)
       VALUES (@sessionId, @title, @data, @now)`,
    ),
    postbacksOf: db.prepare<{ sessionId: number }, PostbackRecord>(
      'SELECT title, data FROM postbacks WHERE session_id = @sessionId ORDER BY id',
    ),
  };
}

export class MessageTable {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = prepareStatements(db);
  }

  /**
   * Stores a message unless one with the same (session, sender, umid) exists; returns the stored
   * row and whether it is new. This is what makes visitor resends exactly-once.
   */
  insert(message: NewMessage): { message: MessageRecord; isNew: boolean } {
    const result = this.statements.insert.run({
      sessionId: message.sessionId,
      umid: message.umid,
      sender: message.sender,
      agentName: message.agentName,
      text: message.text,
      sentAt: message.sentAt,
      internal: message.internal ? 1 : 0,
    });
    if (result.changes > 0) {
      const row = this.statements.byId.get({ id: Number(result.lastInsertRowid) });
      if (row) return { message: toMessage(row), isNew: true };
    }
    const { sessionId, sender, umid } = message;
    const existing = this.statements.byUmid.get({ sessionId, sender, umid });
    if (!existing) throw new Error('message neither inserted nor found');
    return { message: toMessage(existing), isNew: false };
  }

  after(sessionId: number, afterId: number): MessageRecord[] {
    return this.statements.after.all({ sessionId, afterId }).map(toMessage);
  }

  /**
   * Up to `limit` visible messages of the session older than `beforeId`, oldest first, and whether
   * older ones remain. Only this session's rows: a cursor is a bound, never a way into other chats.
   */
  visibleBefore(
    sessionId: number,
    beforeId: number,
    limit: number,
  ): { messages: MessageRecord[]; hasMore: boolean } {
    const rows = this.statements.visibleBefore.all({ sessionId, beforeId, limit: limit + 1 });
    const hasMore = rows.length > limit;
    return { messages: rows.slice(0, limit).reverse().map(toMessage), hasMore };
  }

  /** Whether message `id` belongs to the session (a `history` cursor must). */
  isInSession(sessionId: number, id: number): boolean {
    return this.statements.inSession.get({ id, sessionId }) !== undefined;
  }

  firstText(sessionId: number): string {
    return this.statements.firstText.get({ sessionId })?.text ?? '';
  }

  /** Marks visitor messages as received by an agent console; returns the ids newly marked. */
  ack(sessionId: number, ids: number[], now: number): number[] {
    return this.markEach(this.statements.ack, sessionId, ids, now);
  }

  ackedClientIds(sessionId: number): number[] {
    return this.statements.ackedClientIds.all({ sessionId }).map((row) => row.id);
  }

  /** Marks agent/system messages as delivered to a visitor connection; returns ids newly marked. */
  markDelivered(sessionId: number, ids: number[], now: number): number[] {
    return this.markEach(this.statements.deliver, sessionId, ids, now);
  }

  /** Marks agent/system messages as displayed by the visitor; returns ids newly marked. */
  markSeen(sessionId: number, ids: number[], now: number): number[] {
    return this.markEach(this.statements.see, sessionId, ids, now);
  }

  insertPostback(sessionId: number, postback: PostbackRecord, now: number): void {
    this.statements.insertPostback.run({ sessionId, ...postback, now });
  }

  postbacksOf(sessionId: number): PostbackRecord[] {
    return this.statements.postbacksOf.all({ sessionId });
  }

  private markEach(
    statement: Database.Statement<Mark>,
    sessionId: number,
    ids: number[],
    now: number,
  ): number[] {
    const marked: number[] = [];
    this.db.transaction(() => {
      for (const id of ids) {
        if (statement.run({ id, sessionId, now }).changes > 0) marked.push(id);
      }
    })();
    return marked;
  }
}
