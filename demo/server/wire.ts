/**
 * Shapes that travel to visitors and agent consoles, and the conversions from stored records.
 */
import { formatClock } from './hours.js';
import type { MessageRecord, Sender } from './store.js';

/** Anything that can receive server events: one visitor or agent socket connection. */
export interface Peer {
  send(event: string, args: unknown[], re?: number): void;
}

/** `ChatMessage` of protocol.md §4. */
export interface WireChatMessage {
  id: number;
  umid: string;
  sender: Sender;
  sent: number;
  sentHuman: string;
  text: string;
  agent?: string;
}

/** What an agent console sees of a message: the wire message plus its delivery state. */
export interface AgentChatMessage extends WireChatMessage {
  /** A comment only agents see. */
  internal: boolean;
  /** Visitor message: an agent console has it. */
  acked: boolean;
  /** Agent/system message: a visitor connection received it. */
  delivered: boolean;
  /** Agent/system message: the visitor displayed it. */
  seen: boolean;
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
