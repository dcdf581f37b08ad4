/**
 * The visitor protocol (protocol.md §3, §4): the frames a visitor's client sends and the events the
 * server answers with, each with its payload. The client, the reference server, the bench and the
 * test clients all type their frames from here. Type-only.
 */
import type { CommonServerEvents } from './envelope.js';
import type { ResumeRefusal } from './codes.js';
import type { UploadResult } from './http.js';

/** Who wrote a message. */
export type ChatSender = 'CLIENT' | 'AGENT' | 'SYSTEM';

/** One message of a chat (protocol.md §4 `ChatMessage`). */
export interface ChatMessage {
  /** Server message id; increases through a session. */
  id: number;
  /** The client-made id of a visitor message; may be empty (server restart, agent messages). */
  umid: string;
  sender: ChatSender;
  /** Unix seconds. */
  sent: number;
  /** "HH:MM" in the area's time zone. */
  sentHuman: string;
  /**
   * Plain text for visitor messages; possibly HTML for agent and robot messages (sanitise before
   * showing); or a structured item, `"\u0001"` + JSON, for SYSTEM messages and files.
   */
  text: string;
  /** Name of the agent (or robot user) who wrote it, when sender is AGENT. */
  agent?: string;
}

/** Payload of `chat message`. */
export interface ChatMessageEvent {
  /** The agent currently assigned, or "" while queued. */
  agent: string;
  /** The visitor's name as the server recorded it. */
  client: string;
  /** New messages; in rare cases ones already delivered (dedupe by id). */
  chat: ChatMessage[];
}

/** Payload of `message sent`: the server stored the visitor message with this umid. */
export interface MessageSentEvent {
  /** Server message id, or `'already-seen-' + umid` in rare cases. */
  id: number | string;
  umid: string;
  sent: number;
  sentHuman: string;
}

/** Payload of `message acked`: the agent's console has these visitor messages. */
export interface MessageAckedEvent {
  ids: number[];
}

/** Payload of `agent preview`: the agent is typing. */
export interface AgentPreviewEvent {
  messageLen: number;
  /** The text being typed, only when the area shows it. */
  text?: string;
}

/** Second argument of `queue`, when the server knows it. */
export interface QueueDetails {
  estimatedWaitSeconds?: number;
}

/** Who ended a chat. */
export type ChatEndedBy = 'agent' | 'client' | 'system';

/** Payload of `finish chat session`. */
export interface FinishChatEvent {
  by?: ChatEndedBy;
  reason?: string;
}

/** Session details, sent with `register` and `resume` and kept by the client. */
export interface SessionInfo {
  sessionId: number;
  sessionSecret: string;
  areaId: number;
  clientName: string;
  /**
   * The reference server's addition: a token that only downloads this chat's files, for the
   * `t` of download links in place of the secret (a link ends up in browser history; the secret
   * resumes and writes to the chat). Absent from servers that do not send it: use the secret.
   */
  downloadToken?: string;
}

/** A refused `resume`. */
export interface ResumeRefused {
  error: ResumeRefusal;
}

/**
 * A `resume` that asked for `historyLimit`: the session, and whether messages older than the page
 * that follows exist (fetch them with `history`).
 */
export interface ResumedSession extends SessionInfo {
  hasOlder?: boolean;
}

/** What `resume` answers: the session, or why there is none. */
export type ResumeResult = ResumedSession | ResumeRefused;

/** `history`: one page of the chat's messages older than `before` (the Cekat cursor style). */
export interface HistoryFrame {
  /** Message id cursor: only messages older than this one (a message of this chat). Default: the newest. */
  before?: number;
  /** Messages in the page, 1–100 (larger is clamped to 100). Default 50. */
  limit?: number;
}

/** Answer to `history`: up to `limit` messages, oldest first, and whether older ones remain. */
export interface HistoryPage {
  messages: ChatMessage[];
  hasMore: boolean;
}

/** Every event the server sends a visitor, with its `args`. */
export interface VisitorServerEvents extends CommonServerEvents {
  register: [session: SessionInfo];
  resume: [result: ResumeResult];
  'chat message': [message: ChatMessageEvent];
  'message sent': [sent: MessageSentEvent];
  'message acked': [acked: MessageAckedEvent];
  'agent preview': [preview: AgentPreviewEvent];
  queue: [position: number, details?: QueueDetails];
  'queue full': [];
  'agent unavailable': [];
  'chat closed': [];
  'finish chat session': [details: FinishChatEvent];
  history: [page: HistoryPage];
}

export type VisitorServerEventName = keyof VisitorServerEvents;

/** `register`: starts a chat (the Chat API's `connect`). */
export interface RegisterFrame {
  area: number;
  name: string;
  email: string;
  message: string;
  phone?: string;
  /** Free-form data of the integration; objects are kept as JSON text. */
  externalData?: Record<string, unknown> | string;
  href?: string;
  clientDeviceInfo?: Record<string, unknown> | string;
  /** The page's title when the chat starts (with `href`, the first page the agent sees). */
  pageTitle?: string;
  /**
   * A signed visitor token (HS256 JWT from the site's back end; docs/security.md): when the server
   * accepts it, `name` and `email` come from it and agents see the visitor as verified. Refused
   * with `visitor_token_expired` / `visitor_token_invalid` (no chat is made).
   */
  visitorToken?: string;
}

/** `page`: the visitor is on another page now (a single-page app changed route). */
export interface PageFrame {
  /** An http(s) URL, at most 2,000 characters. */
  url: string;
  /** At most 300 characters. */
  title?: string;
}

/** `resume`: reattaches to a session, asking for every message after `lastSeenId`. */
export interface ResumeFrame {
  sessionId: number;
  sessionSecret: string;
  lastSeenId?: number;
  /**
   * Without `lastSeenId`: send only the newest this many messages (1–100) and say in the answer
   * whether older ones exist (`hasOlder`). Left out, every message comes, as before.
   */
  historyLimit?: number;
}

/** Every frame a visitor's client sends, with its `data`. */
export interface VisitorClientFrames {
  register: RegisterFrame;
  resume: ResumeFrame;
  'chat message': { umid: string; message: string; mcount: number };
  /** Empty text: stopped typing. */
  preview: { text: string };
  /** `umid` makes the attachment exactly-once like a chat message (default `file-<fileId>`). */
  'add attachment': { file: UploadResult; umid?: string };
  postback: { title: string; data: string };
  seen: { ids: number[] };
  'close chat': Record<string, never>;
  page: PageFrame;
  history: HistoryFrame;
}

export type VisitorFrameType = keyof VisitorClientFrames;
