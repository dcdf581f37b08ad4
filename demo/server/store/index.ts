/**
 * The repository: every read and write of chat data goes through `ChatStore`, and nothing else in
 * the server touches SQL. Each table's queries live beside it (sessions.ts, messages.ts, files.ts,
 * robots.ts) as prepared better-sqlite3 statements with named parameters; `schema.ts` holds the
 * tables and the migration runner. A plugin adds its own tables with `store.migrate(name, sql)`.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiKeyTable } from './api-keys.js';
import { ErrandTable } from './errands.js';
import { FileTable } from './files.js';
import { MessageTable } from './messages.js';
import type {
  FileRecord,
  MessageRecord,
  NewMessage,
  NewSession,
  PostbackRecord,
  SessionRecord,
} from './records.js';
import { RatingTable } from './ratings.js';
import { RobotTables } from './robots.js';
import { CHAT_MIGRATIONS, createMigrationsTable, runMigration, type Migration } from './schema.js';
import { SessionTable } from './sessions.js';
import {
  VISITOR_CONTEXT_MIGRATION,
  VisitorContextTable,
  type PageVisitRecord,
} from './visitor-context.js';

export type * from './records.js';
export type { NewRobotBinding, RobotTables } from './robots.js';
export type { Migration } from './schema.js';
export type { PageVisitRecord } from './visitor-context.js';
export type * from './errands.js';
export type { ApiKeyRecord } from './api-keys.js';

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
  /** The open database, for a plugin's own tables (after its `migrate`); server code uses the methods. */
  readonly db: Database.Database;
  private readonly sessions: SessionTable;
  private readonly messages: MessageTable;
  private readonly files: FileTable;
  private robots: RobotTables | undefined;
  private readonly visitorContext: VisitorContextTable;
  private ratings: RatingTable | undefined;
  /** Errands (store/errands.ts): visitors' left messages and REST API tickets. */
  readonly errands: ErrandTable;
  /** REST API keys, hashed (store/api-keys.ts). */
  readonly apiKeys: ApiKeyTable;

  constructor(db: Database.Database) {
    this.db = db;
    createMigrationsTable(db);
    for (const [name, migration] of CHAT_MIGRATIONS) runMigration(db, name, migration);
    this.sessions = new SessionTable(db);
    this.messages = new MessageTable(db);
    this.files = new FileTable(db);
    runMigration(db, ...VISITOR_CONTEXT_MIGRATION);
    this.visitorContext = new VisitorContextTable(db);
    this.errands = new ErrandTable(db);
    this.apiKeys = new ApiKeyTable(db);
  }

  /**
   * Runs `sql` (or a function) once for this database, remembered by `name`. Names are global:
   * prefix them with your module (`robot-001-tokens`).
   */
  migrate(name: string, migration: Migration): void {
    runMigration(this.db, name, migration);
  }

  /** The robot API's tables, created the first time they are asked for. */
  robotTables(): RobotTables {
    this.robots ??= new RobotTables(this.db);
    return this.robots;
  }

  /** The visitors' ratings of their chats, created the first time they are asked for. */
  ratingTable(): RatingTable {
    this.ratings ??= new RatingTable(this.db);
    return this.ratings;
  }

  // Sessions

  createSession(session: NewSession): SessionRecord {
    return this.sessions.create(session);
  }

  session(id: number): SessionRecord | undefined {
    return this.sessions.byId(id);
  }

  sessionBySecret(secret: string): SessionRecord | undefined {
    return this.sessions.bySecret(secret);
  }

  openSessions(): SessionRecord[] {
    return this.sessions.open();
  }

  queuedInArea(areaId: number): SessionRecord[] {
    return this.sessions.queuedInArea(areaId);
  }

  queuedCount(areaId: number): number {
    return this.sessions.queuedCount(areaId);
  }

  /** 1-based place of a queued session in its area's queue (by queue time, then id). */
  queuePosition(session: SessionRecord): number {
    return this.sessions.queuePosition(session);
  }

  setQueued(id: number, areaId: number, now: number): void {
    this.sessions.setQueued(id, areaId, now);
  }

  setActive(id: number, now: number): void {
    this.sessions.setActive(id, now);
  }

  /** Closes a session; false when it was already closed (so closing is idempotent). */
  setClosed(id: number, now: number, by: string, reason: string | null): boolean {
    return this.sessions.setClosed(id, now, by, reason);
  }

  touch(id: number, now: number): void {
    this.sessions.touch(id, now);
  }

  /** Handling times (accept → close) of the area's most recent chats, newest first. */
  recentHandlingSeconds(areaId: number, limit: number): number[] {
    return this.sessions.recentHandlingSeconds(areaId, limit);
  }

  agentsOf(sessionId: number): string[] {
    return this.sessions.agentsOf(sessionId);
  }

  addAgent(sessionId: number, agentName: string, now: number): boolean {
    return this.sessions.addAgent(sessionId, agentName, now);
  }

  removeAgent(sessionId: number, agentName: string): boolean {
    return this.sessions.removeAgent(sessionId, agentName);
  }

  // Messages

  /**
   * Stores a message unless one with the same (session, sender, umid) exists; returns the stored
   * row and whether it is new. This is what makes visitor resends exactly-once.
   */
  insertMessage(message: NewMessage): { message: MessageRecord; isNew: boolean } {
    return this.messages.insert(message);
  }

  messagesAfter(sessionId: number, afterId = 0): MessageRecord[] {
    return this.messages.after(sessionId, afterId);
  }

  /** A page of visible messages older than `beforeId` (see MessageTable.visibleBefore). */
  visibleMessagesBefore(sessionId: number, beforeId: number, limit: number) {
    return this.messages.visibleBefore(sessionId, beforeId, limit);
  }

  isMessageInSession(sessionId: number, id: number): boolean {
    return this.messages.isInSession(sessionId, id);
  }

  firstMessageText(sessionId: number): string {
    return this.messages.firstText(sessionId);
  }

  /** Marks visitor messages as received by an agent console; returns the ids newly marked. */
  ackMessages(sessionId: number, ids: number[], now: number): number[] {
    return this.messages.ack(sessionId, ids, now);
  }

  ackedClientMessageIds(sessionId: number): number[] {
    return this.messages.ackedClientIds(sessionId);
  }

  /** Marks agent/system messages as delivered to a visitor connection; returns ids newly marked. */
  markDelivered(sessionId: number, ids: number[], now: number): number[] {
    return this.messages.markDelivered(sessionId, ids, now);
  }

  /** Marks agent/system messages as displayed by the visitor; returns ids newly marked. */
  markSeen(sessionId: number, ids: number[], now: number): number[] {
    return this.messages.markSeen(sessionId, ids, now);
  }

  insertPostback(sessionId: number, title: string, data: string, now: number): void {
    this.messages.insertPostback(sessionId, { title, data }, now);
  }

  postbacksOf(sessionId: number): PostbackRecord[] {
    return this.messages.postbacksOf(sessionId);
  }

  // Files

  insertFile(file: FileRecord): void {
    this.files.insert(file);
  }

  file(id: string): FileRecord | undefined {
    return this.files.byId(id);
  }

  // Visitor context (visitor-context.ts): verified identity and pages

  /** Records that a signed visitor token vouched for the chat's visitor (`userId` = its `sub`). */
  setVerifiedVisitor(sessionId: number, userId: string, now: number): void {
    this.visitorContext.setIdentity(sessionId, userId, now);
  }

  /** The verified visitor's `sub`; undefined for a guest. */
  verifiedUserId(sessionId: number): string | undefined {
    return this.visitorContext.userIdOf(sessionId);
  }

  addPageVisit(sessionId: number, page: PageVisitRecord): void {
    this.visitorContext.addPage(sessionId, page);
  }

  /** The `limit` latest pages of the chat, oldest first. */
  latestPageVisits(sessionId: number, limit: number): PageVisitRecord[] {
    return this.visitorContext.latestPages(sessionId, limit);
  }

  /** Runs `work` as one transaction (all of it or nothing, and one disk sync for many writes). */
  transaction<Result>(work: () => Result): Result {
    return this.db.transaction(work)();
  }

  close(): void {
    this.db.close();
  }
}
