/**
 * Writing messages and telling everyone: a message is stored first, then sent to the visitor
 * (unless it is an internal comment) and to the chat's agents, and the agents learn which of their
 * messages reached a visitor connection.
 */
import type { StructuredItem } from '../../../src/protocol/index.js';
import type { MessageRecord, NewMessage } from '../store.js';
import { structuredItem, toAgentMessage, toWireMessage } from '../wire.js';
import type { ChatContext, EngineParts } from './chat-context.js';

export type MessageParts = Pick<
  EngineParts,
  'store' | 'peers' | 'members' | 'robots' | 'now' | 'events'
>;

export class Messages {
  constructor(private readonly parts: MessageParts) {}

  /** Stores a message; one with a umid already stored comes back as it was. */
  insert(message: NewMessage): MessageRecord {
    return this.parts.store.insertMessage(message).message;
  }

  /** Stores and announces a message. */
  post(chat: ChatContext, message: Omit<NewMessage, 'sessionId' | 'sentAt'>): MessageRecord {
    const stored = this.insert({
      ...message,
      sessionId: chat.session.id,
      sentAt: this.parts.now(),
    });
    this.announce(chat, [stored]);
    return stored;
  }

  /** A SYSTEM message with a structured item (someone joined, left, ended the chat …). */
  systemMessage(chat: ChatContext, item: StructuredItem): void {
    this.post(chat, { umid: '', sender: 'SYSTEM', agentName: null, text: structuredItem(item) });
  }

  /** Sends new messages to the visitor (unless internal) and to the chat's agents. */
  announce({ session, area }: ChatContext, messages: MessageRecord[]): void {
    const { peers } = this.parts;
    const visible = messages.filter((message) => !message.internal);
    if (visible.length > 0) {
      const delivered = peers.toVisitors(session.id, 'chat message', [
        {
          agent: this.currentAgentName(session.id),
          client: session.clientName,
          chat: visible.map((message) => toWireMessage(message, area.timeZone)),
        },
      ]);
      if (delivered) this.markDeliveredAndTell(session.id, visible);
    }
    peers.toAgentsOf(session.id, 'chat message', [
      {
        sessionId: session.id,
        messages: messages.map((message) => toAgentMessage(message, area.timeZone)),
      },
    ]);
    this.parts.events.messages(session, messages);
  }

  /** Agent and system messages reached a visitor connection: their agents see them delivered. */
  markDeliveredAndTell(sessionId: number, messages: MessageRecord[]): void {
    const ids = messages
      .filter((message) => message.sender !== 'CLIENT')
      .map((message) => message.id);
    if (ids.length === 0) return;
    const marked = this.parts.store.markDelivered(sessionId, ids, this.parts.now());
    if (marked.length > 0) {
      this.parts.peers.toAgentsOf(sessionId, 'delivered', [{ sessionId, ids: marked }]);
    }
  }

  /** The `agent` a visitor sees: the first agent in the chat, else the robot's user, else "". */
  currentAgentName(sessionId: number): string {
    return this.parts.members.agentsOf(sessionId)[0] ?? this.parts.robots.userOf(sessionId) ?? '';
  }
}
