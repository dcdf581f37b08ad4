/**
 * The agent console protocol on `/socket/agent` (docs/protocol-notes.md "Agent console"): the
 * frames a console sends, the events the server sends it, and the chat shapes both read. Same
 * envelope as the visitor socket. Type-only.
 */
import type { CommonServerEvents } from './envelope.js';
import type { ChatRating } from './http.js';
import type { ChatEndedBy, ChatMessage, MessageSentEvent } from './visitor.js';

/** What an agent console sees of a message: the wire message plus its delivery state. */
export interface AgentChatMessage extends ChatMessage {
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

/** What a visitor told about themselves. */
export interface AgentChatClient {
  name: string;
  email: string;
  phone: string;
  href: string;
  externalData: string;
  deviceInfo: string;
  /**
   * The site vouched for this visitor with a signed visitor token: `name` and `email` are the
   * token's. Absent or false: a guest (what they typed is unchecked).
   */
  verified?: boolean;
  /** The token's `sub` (the site's own id of the visitor); present when verified. */
  userId?: string;
}

/** A page the visitor was on during the chat (text only: never render it as HTML). */
export interface PageVisit {
  /** An http(s) URL. */
  url: string;
  title: string;
  /** Unix ms when the server heard of it. */
  at: number;
}

/** Everything an agent console shows of one chat. */
export interface AgentChatSnapshot {
  sessionId: number;
  areaId: number;
  areaName: string;
  status: string;
  client: AgentChatClient;
  agents: string[];
  messages: AgentChatMessage[];
  postbacks: { title: string; data: string }[];
  createdAt: number;
  /** The latest pages the visitor was on, oldest first; the last is the current one. */
  pages?: PageVisit[];
  /** The visitor's rating, once the chat has ended and been rated. */
  rating?: ChatRating;
}

export interface AreaInfo {
  id: number;
  name: string;
  open: boolean;
}

export interface AgentPresence {
  name: string;
  online: boolean;
}

/** The answer to `login`. */
export interface LoginResult {
  name: string;
  /** Authorises agent uploads and downloads (`?t=`) until the console disconnects. */
  token: string;
  /**
   * Signs this tab in again after a reconnect or a server restart (`login {name, token}`) for a
   * working day, so the password is typed once and never stored.
   */
  signInToken?: string;
  areas: AreaInfo[];
  agents: AgentPresence[];
}

/** `{sessionId, ids}`: the payload of `acked`, `delivered` and `seen`. */
export interface SessionIds {
  sessionId: number;
  ids: number[];
}

/** Every event the server sends an agent console, with its `args`. */
export interface AgentServerEvents extends CommonServerEvents {
  login: [result: LoginResult];
  /** An action without a payload happened (answers its frame's id). */
  ok: [Record<string, never>];
  /** The whole queue of an area: after `login` (and whenever the console needs a fresh copy). */
  queue: [queue: { areaId: number; chats: QueueEntry[] }];
  /**
   * What changed in an area's queue since the last `queue` or `queue changed`: entries that joined
   * (or changed: replace by `sessionId`), and the session ids that left (accepted, ended, moved).
   */
  'queue changed': [change: { areaId: number; added: QueueEntry[]; removed: number[] }];
  chat: [chat: AgentChatSnapshot];
  'chat message': [update: { sessionId: number; messages: AgentChatMessage[] }];
  'message sent': [sent: MessageSentEvent & { sessionId: number }];
  preview: [preview: { sessionId: number; length: number; text?: string }];
  acked: [update: SessionIds];
  delivered: [update: SessionIds];
  seen: [update: SessionIds];
  postback: [postback: { sessionId: number; title: string; data: string }];
  agents: [presence: { agents: AgentPresence[] }];
  'agents changed': [update: { sessionId: number; agents: string[] }];
  'chat ended': [
    ended: {
      sessionId: number;
      by: ChatEndedBy;
      /** The agent who ended it; null when the visitor or the system did. */
      name: string | null;
      /** Why the system ended it (`expired`); null otherwise. */
      reason: string | null;
    },
  ];
  'chat removed': [removed: { sessionId: number }];
  /** The visitor of a chat you are in is on another page now. */
  page: [visit: { sessionId: number; page: PageVisit }];
  /** The visitor rated the chat (after its end; once). */
  'chat rated': [rated: ChatRating & { sessionId: number }];
}

export type AgentServerEventName = keyof AgentServerEvents;

/** Every frame an agent console sends, with its `data`. */
export interface AgentClientFrames {
  /** `password` on the first sign-in; `token` (a `signInToken`) when the tab signs in again. */
  login: { name: string; password?: string; token?: string };
  accept: { sessionId: number };
  chat: { sessionId: number };
  message: { sessionId: number; umid: string; text: string };
  /** Empty text: stopped typing. */
  preview: { sessionId: number; text: string };
  ack: { sessionId: number; ids: number[] };
  'add agent': { sessionId: number; name: string };
  'remove agent': { sessionId: number; name: string };
  leave: { sessionId: number };
  end: { sessionId: number };
}

export type AgentFrameType = keyof AgentClientFrames;
