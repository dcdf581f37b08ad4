/**
 * Shapes that travel to visitors and agent consoles, and the conversions from stored records.
 */
import type { AgentChatMessage, ChatMessage as WireChatMessage } from '../../src/protocol/index.js';
import { formatClock } from './hours.js';
import type { MessageRecord } from './store.js';

/** Anything that can receive server events: one visitor or agent socket connection. */
export interface Peer {
  send(event: string, args: unknown[], re?: number): void;
}

/** The payload of `message sent`. */
export interface MessageSentPayload {
  id: number;
  umid: string;
  sent: number;
  sentHuman: string;
}

/** Structured items travel as "\u0001" + JSON (protocol.md §4). */
export function structuredItem(item: { event: string } & Record<string, unknown>): string {
  return `\u0001${JSON.stringify(item)}`;
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

export function toMessageSent(message: MessageRecord, timeZone: string): MessageSentPayload {
  const sent = Math.floor(message.sentAt / 1000);
  return { id: message.id, umid: message.umid, sent, sentHuman: formatClock(sent, timeZone) };
}

/** "1.2 MB"-style sizes for FILE_UPLOAD items and upload answers. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
