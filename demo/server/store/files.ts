/** The `files` table: attachments, stored whole with their name and type. */
import type Database from 'better-sqlite3';
import type { FileRecord } from './records.js';

export class FileTable {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare<FileRecord>(
        `INSERT INTO files (id, session_id, name, mime, size, data, created_at)
         VALUES (@id, @sessionId, @name, @mime, @size, @data, @createdAt)`,
      ),
      byId: db.prepare<{ id: string }, FileRecord>(
        `SELECT id, session_id AS sessionId, name, mime, size, data, created_at AS createdAt
         FROM files WHERE id = @id`,
      ),
    };
  }

  insert(file: FileRecord): void {
    this.statements.insert.run(file);
  }

  byId(id: string): FileRecord | undefined {
    return this.statements.byId.get({ id });
  }
}
