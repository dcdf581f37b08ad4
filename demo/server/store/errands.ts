/**
 * The `errands` table: messages a visitor left when nobody could chat (closed area, no agent, full
 * queue) and tickets made through the REST API. An errand is `open` until an agent replies
 * (`handled`) and `closed` at the end; every change moves `updated_at`.
 *
 * Lists are newest first by id and paged by id (a cursor is the last id seen), so a page never
 * shifts when new errands arrive while someone is paging.
 */
import type Database from 'better-sqlite3';

export const ERRAND_STATUSES = ['open', 'handled', 'closed'] as const;
export type ErrandStatus = (typeof ERRAND_STATUSES)[number];
/** Where the errand came from: the widget's leave-a-message form, or the REST API. */
export type ErrandSource = 'chat' | 'api';

export interface ErrandRecord {
  id: number;
  areaId: number;
  status: ErrandStatus;
  source: ErrandSource;
  name: string;
  email: string;
  subject: string;
  message: string;
  /** The agent's answer, once handled. */
  reply: string | null;
  /** Agent (or API key name) who last handled or closed it. */
  handledBy: string | null;
  /** Unix milliseconds. */
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
}

export type NewErrand = Pick<
  ErrandRecord,
  'areaId' | 'source' | 'name' | 'email' | 'subject' | 'message'
> & { now: number };

/** The fields an update may change; a field left out keeps its value. */
export type ErrandChanges = Partial<
  Pick<ErrandRecord, 'status' | 'subject' | 'reply' | 'handledBy' | 'areaId'>
>;

export interface ErrandFilter {
  status?: ErrandStatus;
  areaId?: number;
  /** Created at or after (unix ms). */
  from?: number;
  /** Created before (unix ms). */
  to?: number;
  /** Only errands with an id below this (the cursor of the page before). */
  beforeId?: number;
  limit: number;
}

export const ERRAND_TABLES = `
CREATE TABLE errands (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  area_id INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'handled', 'closed')),
  source TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL,
  reply TEXT,
  handled_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  closed_at INTEGER
);
CREATE INDEX errands_by_status ON errands(status, id);
CREATE INDEX errands_by_created ON errands(created_at, id);
`;

const ERRAND = `SELECT id, area_id AS areaId, status, source, name, email, subject, message, reply,
  handled_by AS handledBy, created_at AS createdAt, updated_at AS updatedAt, closed_at AS closedAt
  FROM errands`;

type ListParams = {
  status: string | null;
  areaId: number | null;
  from: number | null;
  to: number | null;
  beforeId: number | null;
  limit: number;
};

export class ErrandTable {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare<NewErrand>(
        `INSERT INTO errands (area_id, status, source, name, email, subject, message, created_at,
           updated_at)
         VALUES (@areaId, 'open', @source, @name, @email, @subject, @message, @now, @now)`,
      ),
      byId: db.prepare<{ id: number }, ErrandRecord>(`${ERRAND} WHERE id = @id`),
      // NULL parameters switch a filter off, so one statement serves every combination.
      list: db.prepare<ListParams, ErrandRecord>(
        `${ERRAND} WHERE (@status IS NULL OR status = @status)
           AND (@areaId IS NULL OR area_id = @areaId)
           AND (@from IS NULL OR created_at >= @from)
           AND (@to IS NULL OR created_at < @to)
           AND (@beforeId IS NULL OR id < @beforeId)
         ORDER BY id DESC LIMIT @limit`,
      ),
      update: db.prepare<
        {
          id: number;
          status: ErrandStatus;
          subject: string;
          reply: string | null;
          handledBy: string | null;
          areaId: number;
          now: number;
          closedAt: number | null;
        },
        ErrandRecord
      >(
        `UPDATE errands SET status = @status, subject = @subject, reply = @reply,
           handled_by = @handledBy, area_id = @areaId, updated_at = @now, closed_at = @closedAt
         WHERE id = @id`,
      ),
    };
  }

  create(errand: NewErrand): ErrandRecord {
    const { lastInsertRowid } = this.statements.insert.run(errand);
    return this.byId(Number(lastInsertRowid)) as ErrandRecord;
  }

  byId(id: number): ErrandRecord | undefined {
    return this.statements.byId.get({ id });
  }

  list(filter: ErrandFilter): ErrandRecord[] {
    return this.statements.list.all({
      status: filter.status ?? null,
      areaId: filter.areaId ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
      beforeId: filter.beforeId ?? null,
      limit: filter.limit,
    });
  }

  /** Applies `changes`; undefined when there is no such errand. */
  update(id: number, changes: ErrandChanges, now: number): ErrandRecord | undefined {
    const current = this.byId(id);
    if (!current) return undefined;
    const status = changes.status ?? current.status;
    this.statements.update.run({
      id,
      status,
      subject: changes.subject ?? current.subject,
      reply: changes.reply === undefined ? current.reply : changes.reply,
      handledBy: changes.handledBy === undefined ? current.handledBy : changes.handledBy,
      areaId: changes.areaId ?? current.areaId,
      now,
      // Reopening clears the close time; closing again sets a new one.
      closedAt: status === 'closed' ? (current.closedAt ?? now) : null,
    });
    return this.byId(id);
  }
}
