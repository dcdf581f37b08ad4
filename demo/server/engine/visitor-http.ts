/**
 * What the visitor HTTP API (protocol.md §5) asks of the engine: `canchat`, checking and storing an
 * upload, and finding the chat of a transcript link.
 */
import { type TranscriptLink, transcriptLinkProblem } from './transcript-links.js';
import type { CanChatResult } from '../../../src/protocol/index.js';
import { ChatError } from '../errors.js';
import { describeOpeningHours, isAreaOpen } from '../hours.js';
import type { MessageRecord, SessionRecord } from '../store.js';
import type { IncomingFile, EngineParts } from './chat-context.js';
import type { StoredUpload } from './files.js';
import { secretInForce } from './secret-retention.js';
import { secretsMatch } from './secrets.js';

export type VisitorHttpParts = Pick<
  EngineParts,
  'store' | 'directory' | 'peers' | 'files' | 'robots' | 'now'
>;

/** An upload as the `upload` route hands it in. */
export interface VisitorUpload extends IncomingFile {
  sessionId: number;
  secret: string;
  areaId?: number;
}

export class VisitorHttp {
  constructor(private readonly parts: VisitorHttpParts) {}

  /** The `canchat` answer. */
  canChat(areaId: number, sessionId?: number, secret?: string): CanChatResult {
    const { store, directory, peers, robots } = this.parts;
    const area = directory.area(areaId);
    let resumable = false;
    if (sessionId !== undefined && secret !== undefined) {
      const session = store.session(sessionId);
      resumable = !!session && session.status !== 'closed' && secretsMatch(session.secret, secret);
    }
    return {
      chatOpen: isAreaOpen(area, new Date(this.parts.now())),
      // A registered robot answers new chats, so it counts as an available agent: the widget
      // must not tell visitors that everyone is busy while the robot would answer at once.
      agentsAvailable: peers.onlineAgentsOf(area.id).length + (robots.robotOf(area) ? 1 : 0),
      resumable,
      feature: {
        'chat.attachment': area.attachments.enabled,
        'chat.max-attachment-size': area.attachments.maxBytes,
        'chat.max-image-size': Math.min(area.attachments.maxImageBytes, area.attachments.maxBytes),
        'chat.external-source-page': true,
      },
      openingHours: describeOpeningHours(area),
      timeZone: area.timeZone,
      robotFirst: robots.robotOf(area) !== null,
    };
  }

  /** Stores an uploaded visitor file after checking secret, area and limits. */
  upload(input: VisitorUpload): StoredUpload {
    const { directory, files } = this.parts;
    const session = this.uploadSession(input.sessionId, input.secret);
    files.check(directory.area(session.areaId), input.mime, input.data.length);
    return files.save(session.id, input);
  }

  /** The open chat an upload is for, if `secret` is its secret; checked before the file is read. */
  uploadSession(sessionId: number, secret: string): SessionRecord {
    const session = this.parts.store.session(sessionId);
    if (!session) throw new ChatError('no_session', 'No such chat.', 404);
    if (!secretsMatch(session.secret, secret) || !this.inForce(session)) {
      throw new ChatError('bad_secret', 'The session secret does not match.', 403);
    }
    if (session.status === 'closed') throw new ChatError('chat_closed', 'The chat has ended.', 409);
    return session;
  }

  /** The chat whose secret this is, for the transcript endpoints. */
  sessionForSecret(secret: string, areaId?: number): SessionRecord {
    const session = this.parts.store.sessionBySecret(secret);
    if (!session || (areaId !== undefined && session.areaId !== areaId) || !this.inForce(session)) {
      throw new ChatError('bad_secret', 'No chat with that secret.', 403);
    }
    return session;
  }

  /** The chat a signed transcript link is for (transcript-links.ts); refused like a wrong secret. */
  sessionForTranscriptLink(link: TranscriptLink): SessionRecord {
    const session = this.parts.store.session(link.sessionId);
    const nowSeconds = Math.floor(this.parts.now() / 1000);
    const problem = session
      ? transcriptLinkProblem(session.secret, link, nowSeconds)
      : 'bad_signature';
    if (problem === 'expired') {
      throw new ChatError(
        'link_expired',
        'This transcript link has expired; open it again from the chat.',
        403,
      );
    }
    if (!session || problem || !this.inForce(session)) {
      throw new ChatError('bad_secret', 'No chat with that secret.', 403);
    }
    return session;
  }

  private inForce(session: SessionRecord): boolean {
    return secretInForce(session, this.parts.directory, this.parts.now());
  }

  /** Messages the visitor may see (no internal comments), for transcripts. */
  transcript(sessionId: number): MessageRecord[] {
    return this.parts.store.messagesAfter(sessionId, 0).filter((message) => !message.internal);
  }
}
