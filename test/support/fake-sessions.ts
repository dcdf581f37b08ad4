/**
 * What the fake chat server remembers (Node side): sessions with their messages, and uploaded
 * files. Shared by its socket side (fake-chat-server.ts, fake-visitor-protocol.ts) and its HTTP
 * side (fake-http-api.ts).
 */
import { randomBytes } from 'node:crypto';
import type { ChatMessage, MessageSentEvent, SessionInfo } from '../../src/protocol/index.js';
import type { FakeSession } from './fake-server-types.js';

/** A session as the server keeps it; `FakeSession` adds the connections attached to it. */
export interface SessionRecord extends Omit<FakeSession, 'connections'> {
  /** umid → the `message sent` payload first answered, so a resend gets the same answer. */
  sentByUmid: Map<string, MessageSentEvent>;
}

export interface StoredUpload {
  id: string;
  name: string;
  mime: string;
  bytes: Buffer;
  sessionId: number;
}

function humanTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

export class FakeSessions {
  readonly sessions = new Map<number, SessionRecord>();
  readonly uploads = new Map<string, StoredUpload>();
  #nextSessionId = 1;
  // Message ids are global and increase, as a real server's do.
  #nextMessageId = 1;

  create(areaId: number, clientName: string): SessionRecord {
    const session: SessionRecord = {
      sessionId: this.#nextSessionId++,
      sessionSecret: randomBytes(12).toString('hex'),
      areaId,
      clientName,
      agent: '',
      closed: false,
      messages: [],
      sentByUmid: new Map(),
    };
    this.sessions.set(session.sessionId, session);
    return session;
  }

  /** One session by id, or the newest open one. */
  find(sessionId?: number): SessionRecord | undefined {
    if (sessionId !== undefined) return this.sessions.get(sessionId);
    const open = [...this.sessions.values()].filter((session) => !session.closed);
    return open[open.length - 1];
  }

  bySecret(secret: string | undefined): SessionRecord | undefined {
    return [...this.sessions.values()].find((session) => session.sessionSecret === secret);
  }

  /** Stores a message with the next id and the current time. */
  store(
    session: SessionRecord,
    fields: Pick<ChatMessage, 'sender' | 'umid' | 'text'> & { agent?: string },
  ): ChatMessage {
    const now = new Date();
    const message: ChatMessage = {
      id: this.#nextMessageId++,
      sent: Math.floor(now.getTime() / 1000),
      sentHuman: humanTime(now),
      ...fields,
    };
    session.messages.push(message);
    return message;
  }
}

/** What `register` and `resume` answer with. */
export function sessionInfo(session: SessionRecord): SessionInfo {
  return {
    sessionId: session.sessionId,
    sessionSecret: session.sessionSecret,
    areaId: session.areaId,
    clientName: session.clientName,
  };
}
