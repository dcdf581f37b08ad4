/**
 * The happy auto-reply of the fake chat server (Node side): answers each visitor frame as a real
 * server would — register, resume (with backlog and history pages), history, chat message (once
 * per umid), add attachment and close chat — and refuses what is not a frame. See README.md.
 */
import type { FakeConnections, LiveConnection } from './fake-connections.js';
import { isRecord, reply } from './fake-connections.js';
import type { FakeServerOptions, ClientFrame } from './fake-server-types.js';
import { sessionInfo, type FakeSessions } from './fake-sessions.js';

/** The options the replies follow; the server changes them mid-test (`setAckMessages`…). */
export type ReplyOptions = Required<Omit<FakeServerOptions, 'canChat'>>;

type FrameData = Record<string, unknown>;

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

export class FakeVisitorProtocol {
  constructor(
    private readonly store: FakeSessions,
    private readonly connections: FakeConnections,
    private readonly options: ReplyOptions,
  ) {}

  /** Answers one text a visitor sent: `frame` is its parsed frame, undefined when not one. */
  answer(live: LiveConnection, frame: ClientFrame | undefined): void {
    if (!frame) {
      reply(live, 'error', [{ code: 'bad_frame', message: 'not a frame' }]);
      return;
    }
    const data = frame.data ?? {};
    switch (frame.type) {
      case 'register':
        return this.handleRegister(live, frame.id, data);
      case 'resume':
        return this.handleResume(live, frame.id, data);
      case 'chat message':
        return this.handleChatMessage(live, frame.id, data);
      case 'add attachment':
        return this.handleAttachment(live, frame.id, data);
      case 'close chat':
        return this.handleCloseChat(live);
      case 'history':
        return this.handleHistory(live, frame.id, data);
      case 'preview':
      case 'postback':
      case 'seen':
        return;
      default:
        reply(
          live,
          'error',
          [{ code: 'bad_frame', message: `unknown type ${frame.type}` }],
          frame.id,
        );
    }
  }

  // The handlers read `data` defensively: a test may send any frame, not only valid ones.

  private handleRegister(live: LiveConnection, id: number, data: FrameData): void {
    const areaId = typeof data.area === 'number' ? data.area : Number(data.area);
    const session = this.store.create(areaId, textOf(data.name));
    live.session = session;
    reply(live, 'register', [sessionInfo(session)], id);
    const question = this.store.store(session, {
      sender: 'CLIENT',
      umid: '',
      text: textOf(data.message),
    });
    reply(live, 'chat message', [{ agent: '', client: session.clientName, chat: [question] }]);
    this.sendQueuePosition(live);
  }

  private handleResume(live: LiveConnection, id: number, data: FrameData): void {
    const session = this.store.sessions.get(Number(data.sessionId));
    const error = !session
      ? 'no session'
      : session.sessionSecret !== data.sessionSecret
        ? 'bad secret'
        : session.closed
          ? 'chat closed'
          : undefined;
    if (error || !session) {
      reply(live, 'resume', [{ error: error ?? 'no session' }], id);
      return;
    }
    live.session = session;
    const lastSeenId = typeof data.lastSeenId === 'number' ? data.lastSeenId : 0;
    let backlog = session.messages.filter((message) => message.id > lastSeenId);
    // `historyLimit` without `lastSeenId`: only the newest page, as the reference server does.
    const limit = typeof data.historyLimit === 'number' && lastSeenId === 0 ? data.historyLimit : 0;
    const hasOlder = limit > 0 ? { hasOlder: backlog.length > limit } : {};
    if (limit > 0) backlog = backlog.slice(-limit);
    reply(live, 'resume', [{ ...sessionInfo(session), ...hasOlder }], id);
    if (backlog.length > 0) {
      reply(live, 'chat message', [
        { agent: session.agent, client: session.clientName, chat: backlog },
      ]);
    }
    if (!session.agent) this.sendQueuePosition(live);
  }

  /** `history {before?, limit?}` → `history {messages, hasMore}` of the bound session. */
  private handleHistory(live: LiveConnection, id: number, data: FrameData): void {
    const session = live.session;
    if (!session) {
      reply(live, 'error', [{ code: 'no_session', message: 'no chat' }], id);
      return;
    }
    const before = typeof data.before === 'number' ? data.before : Number.MAX_SAFE_INTEGER;
    const limit = Math.min(100, Math.max(1, typeof data.limit === 'number' ? data.limit : 50));
    const older = session.messages.filter((message) => message.id < before);
    const messages = older.slice(-limit);
    reply(live, 'history', [{ messages, hasMore: older.length > limit }], id);
  }

  private handleChatMessage(live: LiveConnection, id: number, data: FrameData): void {
    const session = live.session;
    if (!session || session.closed) {
      reply(live, 'error', [{ code: 'no_session', message: 'no chat' }], id);
      return;
    }
    const umid = textOf(data.umid);
    const known = session.sentByUmid.get(umid);
    if (known) {
      // Exactly-once: a resend is answered like the first time and not stored again.
      reply(live, 'message sent', [known], id);
      return;
    }
    const message = this.store.store(session, {
      sender: 'CLIENT',
      umid,
      text: textOf(data.message),
    });
    const sent = { id: message.id, umid, sent: message.sent, sentHuman: message.sentHuman };
    if (umid) session.sentByUmid.set(umid, sent);
    if (!this.options.ackMessages) return;
    reply(live, 'message sent', [sent], id);
    this.connections.sendMessages(session, [message]);
  }

  private handleAttachment(live: LiveConnection, id: number, data: FrameData): void {
    const session = live.session;
    const file = data.file;
    if (!session || session.closed || !isRecord(file)) {
      reply(live, 'error', [{ code: 'bad_frame', message: 'no file' }], id);
      return;
    }
    // Copied as the visitor sent them, like a FileUploadItem (src/protocol/items.ts).
    const item = {
      event: 'FILE_UPLOAD',
      fileDownload: file.download,
      fileName: file.value,
      sizeHuman: file.sizeHuman,
      mime: file.mime,
    };
    const message = this.store.store(session, {
      sender: 'CLIENT',
      umid: textOf(data.umid),
      text: '\u0001' + JSON.stringify(item),
    });
    this.connections.sendMessages(session, [message]);
  }

  private handleCloseChat(live: LiveConnection): void {
    const session = live.session;
    if (!session) {
      reply(live, 'finish chat session', [{ by: 'client' }]);
      return;
    }
    session.closed = true;
    this.store.store(session, {
      sender: 'SYSTEM',
      umid: '',
      text: '\u0001' + JSON.stringify({ event: 'CLIENT_ENDS_CHAT' }),
    });
    this.connections.sendToSession(session, 'finish chat session', { by: 'client' });
  }

  private sendQueuePosition(live: LiveConnection): void {
    if (this.options.queuePosition !== null) reply(live, 'queue', [this.options.queuePosition]);
  }
}
