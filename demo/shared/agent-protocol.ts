/**
 * The shapes the server sends over its sockets that the agent console reads too (protocol.md §4,
 * docs/protocol-notes.md "Agent console"). Both sides import them from here, so the server and the
 * console cannot drift apart on a field.
 */
export type Sender = 'CLIENT' | 'AGENT' | 'SYSTEM';

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

/** One waiting chat in an area's queue. */
export interface QueueEntry {
  sessionId: number;
  areaId: number;
  clientName: string;
  firstMessage: string;
  /** Unix ms since the chat joined the queue. */
  waitingSince: number;
}

/** Everything an agent console shows of one chat. */
export interface AgentChatSnapshot {
  sessionId: number;
  areaId: number;
  areaName: string;
  status: string;
  client: {
    name: string;
    email: string;
    phone: string;
    href: string;
    externalData: string;
    deviceInfo: string;
  };
  agents: string[];
  messages: AgentChatMessage[];
  postbacks: { title: string; data: string }[];
  createdAt: number;
}
