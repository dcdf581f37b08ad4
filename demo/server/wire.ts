/**
 * What travels to visitors and agent consoles: the typed `Peer` every server event goes through,
 * and the conversions from stored records to the protocol's shapes (src/protocol/).
 */
import type {
  AgentChatMessage,
  AgentServerEvents,
  ChatMessage as WireChatMessage,
  MessageSentEvent,
  StructuredItem,
  VisitorServerEvents,
} from '../../src/protocol/index.js';
import { formatClock } from './hours.js';
import type { MessageRecord } from './store.js';

/**
 * Anything that can receive server events: one visitor or agent socket connection. Generic over
 * the socket's event map, so a wrong event name or payload in any `send` is a compile error.
 */
export interface Peer<Events> {
  send<E extends keyof Events & string>(event: E, args: Events[E], re?: number): void;
}

/** One visitor connection. */
export type VisitorPeer = Peer<VisitorServerEvents>;
/** One agent console connection. */
export type AgentPeer = Peer<AgentServerEvents>;

/** Structured items travel as "\u0001" + JSON (protocol.md §4). */
export function structuredItem(item: StructuredItem): string {
  return `\u0001${JSON.stringify(item)}`;
}

/**
 * Text a person or a robot wrote, as text: only the server makes structured items, so a leading
 * U+0001 marker (a forged file link or "… ended the chat." line) is dropped and the rest shows as
 * what it is. Nobody types that control character.
 */
export function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching that control character is the point
  return text.replace(/^\u0001+/, '');
}

export function toWireMessage(message: MessageRecord, timeZone: string): WireChatMessage {
  const sent = Math.floor(message.sentAt / 1000);
  const wire: WireChatMessage = {
    id: message.id,
    umid: message.umid,
    sender: message.sender,
    sent,
    sentHuman: formatClock(sent, timeZone),
    text: message.text,
  };
  if (message.agentName) wire.agent = message.agentName;
  return wire;
}

export function toAgentMessage(message: MessageRecord, timeZone: string): AgentChatMessage {
  return {
    ...toWireMessage(message, timeZone),
    internal: message.internal,
    acked: message.ackedAt !== null,
    delivered: message.deliveredAt !== null,
    seen: message.seenAt !== null,
  };
}

export function toMessageSent(message: MessageRecord, timeZone: string): MessageSentEvent {
  const sent = Math.floor(message.sentAt / 1000);
  return { id: message.id, umid: message.umid, sent, sentHuman: formatClock(sent, timeZone) };
}

/** "1.2 MB"-style sizes for FILE_UPLOAD items and upload answers. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
