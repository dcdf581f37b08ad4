/**
 * A chat's life after it started: looking it up (open or not), going back to the queue, the robot
 * handing over, and ending — by the visitor, an agent, or the idle sweep.
 */
import { registerRefusalReasons, type ChatEndedBy } from '../../../src/protocol/index.js';
import type { AreaConfig } from '../config.js';
import { ChatError } from '../errors.js';
import type { SessionRecord } from '../store.js';
import type { VisitorPeer } from '../wire.js';
import type { ChatContext, EngineParts } from './chat-context.js';

export type SessionParts = Pick<
  EngineParts,
  | 'store'
  | 'directory'
  | 'peers'
  | 'members'
  | 'messages'
  | 'queue'
  | 'robots'
  | 'logger'
  | 'now'
  | 'events'
>;

export class Sessions {
  constructor(private readonly parts: SessionParts) {}

  contextOf(session: SessionRecord): ChatContext {
    return { session, area: this.parts.directory.area(session.areaId) };
  }

  /** The chat, which must exist (`no_session`, 404) and be open (`chat_closed`, 409). */
  openChat(sessionId: number): ChatContext {
    const session = this.parts.store.session(sessionId);
    if (!session) throw new ChatError('no_session', 'No such chat.', 404);
    if (session.status === 'closed') throw new ChatError('chat_closed', 'The chat has ended.', 409);
    return this.contextOf(session);
  }

  /** For visitor frames: a closed chat is answered `chat closed` (undefined), not an error. */
  openChatOrTell(peer: VisitorPeer, sessionId: number, re?: number): ChatContext | undefined {
    const session = this.parts.store.session(sessionId);
    if (!session) throw new ChatError('no_session', 'No such chat.');
    if (session.status === 'closed') {
      peer.send('chat closed', [], re);
      return undefined;
    }
    return this.contextOf(session);
  }

  /** Ends the chat with the matching system item; a chat closed already stays as it was. */
  close(chat: ChatContext, by: ChatEndedBy, name: string | null, reason: string | null): void {
    const { store, peers, members, messages, queue, robots, logger } = this.parts;
    const { session } = chat;
    if (!store.setClosed(session.id, this.parts.now(), by, reason)) return;
    queue.chatClosed(session.areaId);
    messages.systemMessage(
      chat,
      by === 'client'
        ? { event: 'CLIENT_ENDS_CHAT' }
        : by === 'agent'
          ? { event: 'OWNER_ENDS_CHAT', name: name ?? '' }
          : { event: 'CHAT_EXPIRED' },
    );
    peers.toVisitors(session.id, 'finish chat session', [reason ? { by, reason } : { by }]);
    peers.toAgentsOf(session.id, 'chat ended', [{ sessionId: session.id, by, name, reason }]);
    robots.forgetUser(session.id);
    queue.forgetPosition(session.id);
    members.forget(session.id);
    if (session.status === 'queued') queue.scheduleUpdate(session.areaId);
    logger.info({ sessionId: session.id, by, reason }, 'chat closed');
    this.parts.events.ended(session, by, reason);
  }

  /** Back to the queue of `areaId`: the visitor sees no agent and their new position. */
  requeue({ session }: ChatContext, areaId: number): void {
    const { store, peers, queue } = this.parts;
    store.setQueued(session.id, areaId, this.parts.now());
    const requeued = store.session(session.id);
    if (!requeued) return;
    queue.forgetPosition(session.id);
    peers.toVisitors(session.id, 'chat message', [
      { agent: '', client: session.clientName, chat: [] },
    ]);
    queue.tellPosition(requeued);
    queue.scheduleUpdate(areaId);
  }

  /**
   * The robot gives the chat to the human queue of `areaId` (default: its own). The transcript
   * gets an AGENT_LEFT item for the robot's user, a line widget and console already render.
   */
  handover(sessionId: number, areaId?: number, userName?: string): void {
    const { directory, robots, messages, store, peers, logger } = this.parts;
    const chat = this.openChat(sessionId);
    const target = directory.area(areaId ?? chat.session.areaId);
    const robotName = userName ?? robots.userOf(sessionId);
    if (robotName) messages.systemMessage(chat, { event: 'AGENT_LEFT', name: robotName });
    robots.forgetUser(sessionId);
    // The queue's capacity holds on this path too: the visitor is told `queue full`, as at register.
    if (this.queueIsFull(target)) {
      peers.toVisitors(sessionId, 'queue full', []);
      store.setClosed(sessionId, this.parts.now(), 'system', registerRefusalReasons['queue full']);
      logger.info({ sessionId, areaId: target.id }, 'robot handover refused: queue full');
      return;
    }
    this.requeue(chat, target.id);
  }

  /** The area's queue holds `queueCapacity` waiting chats; one more is refused on every path. */
  queueIsFull(area: AreaConfig): boolean {
    return this.parts.store.queuedCount(area.id) >= area.queueCapacity;
  }

  /** Closes chats idle past their area's limit with a CHAT_EXPIRED item. */
  expireIdleChats(): void {
    const now = this.parts.now();
    for (const session of this.parts.store.openSessions()) {
      const area = this.parts.directory.findArea(session.areaId);
      if (!area) continue;
      if (now - session.lastActivityAt >= area.idleExpirySeconds * 1000) {
        this.close({ session, area }, 'system', null, 'expired');
      }
    }
  }
}

/** Who ended a closed chat, as stored (a chat closed before `closedBy` existed counts as system). */
export function endedBy(session: SessionRecord): ChatEndedBy {
  const by = session.closedBy;
  return by === 'client' || by === 'agent' ? by : 'system';
}
