/**
 * Attachments: the area's limits, storing an upload, the download link and the FILE_UPLOAD item
 * that shows it in the chat, and who may download a file.
 */
import type { UploadResult } from '../../../src/protocol/index.js';
import type { AreaConfig } from '../config.js';
import { neutralName } from '../display-text.js';
import { ChatError } from '../errors.js';
import { humanSize, structuredItem } from '../wire.js';
import type { IncomingFile, EngineParts } from './chat-context.js';
import { downloadTokenFor } from './transcript-links.js';
import { secretInForce } from './secret-retention.js';
import { newSecret, secretsMatch } from './secrets.js';

export type FileParts = Pick<EngineParts, 'store' | 'directory' | 'agentTokens' | 'now'>;

/** A stored upload as the engine hands it on; its id is always the text the store keys it by. */
export type StoredUpload = UploadResult & { id: string };

export class Files {
  /** Absolute `…/s/<workspace>` URL, set once the server listens; used in download links. */
  publicBaseURL = '';

  constructor(private readonly parts: FileParts) {}

  /** Checks a file against the area's limits; throws the matching 4xx `ChatError`. */
  check(area: AreaConfig, mime: string, size: number): void {
    const limits = area.attachments;
    if (!limits.enabled) {
      throw new ChatError('attachments_disabled', 'Attachments are turned off here.', 403);
    }
    if (!mimeAllowed(mime, limits.allowedTypes)) {
      throw new ChatError('bad_type', `Files of type ${mime} are not accepted.`, 415);
    }
    const max = mime.startsWith('image/')
      ? Math.min(limits.maxImageBytes, limits.maxBytes)
      : limits.maxBytes;
    if (size > max) {
      throw new ChatError('too_large', `The file is larger than ${humanSize(max)}.`, 413);
    }
  }

  /** Stores the file under a safe name; the answer is what `upload` returns. */
  save(sessionId: number, file: IncomingFile): StoredUpload {
    const id = newSecret(12);
    // Path separators and control characters become "_"; direction controls go (display-text.ts).
    const safeName = neutralName(file.name.replace(/[\\/\p{Cc}]/gu, '_'))?.slice(0, 200) ?? 'file';
    const size = file.data.length;
    this.parts.store.insertFile({
      id,
      sessionId,
      name: safeName,
      mime: file.mime,
      size,
      data: file.data,
      createdAt: this.parts.now(),
    });
    return {
      id,
      download: this.downloadURL(id),
      value: safeName,
      size,
      sizeHuman: humanSize(size),
      mime: file.mime,
    };
  }

  /** The message text that shows a stored file in the chat. */
  item(fileId: string, name: string, size: number, mime: string): string {
    return structuredItem({
      event: 'FILE_UPLOAD',
      fileDownload: this.downloadURL(fileId),
      fileName: name,
      sizeHuman: humanSize(size),
      mime,
    });
  }

  /**
   * The file if `token` is the chat's session secret or download token (transcript-links.ts), or
   * a signed-in agent's token.
   */
  fileFor(fileId: string, token: string): IncomingFile {
    const { store, directory, agentTokens } = this.parts;
    const file = store.file(fileId);
    if (!file) throw new ChatError('not_found', 'No such file.', 404);
    const session = store.session(file.sessionId);
    const isVisitor =
      session !== undefined &&
      (secretsMatch(session.secret, token) ||
        secretsMatch(downloadTokenFor(session.secret, session.id), token)) &&
      secretInForce(session, directory, this.parts.now());
    const agentName = agentTokens.agentFor(token);
    const isAgent =
      agentName !== undefined &&
      session !== undefined &&
      directory.servesArea(agentName, session.areaId);
    if (!isVisitor && !isAgent) throw new ChatError('bad_secret', 'Not allowed.', 403);
    return file;
  }

  private downloadURL(fileId: string): string {
    return `${this.publicBaseURL}/socket/external.api/download/${fileId}`;
  }
}

function mimeAllowed(mime: string, allowed: string[]): boolean {
  const normalised = mime.toLowerCase();
  return allowed.some((pattern) =>
    pattern.endsWith('/*')
      ? normalised.startsWith(pattern.slice(0, -1))
      : normalised === pattern.toLowerCase(),
  );
}
