/**
 * The public event map of the Chat API (reference/chat-api.txt) and the payload types it carries.
 * Event names keep the original library's spelling, spaces and all, because existing integrations
 * register handlers by these exact strings.
 */

/** Who wrote a message. */
export type ChatSender = 'CLIENT' | 'AGENT' | 'SYSTEM';

/** One message of a chat, as the server sends it (protocol.md §4). */
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

/** Payload of `finish chat session`. */
export interface FinishChatEvent {
  by?: 'agent' | 'client' | 'system';
  reason?: string;
}

/** A connection error with a stable code (see `ClientErrorCode`). */
export interface ConnectErrorEvent {
  code: string;
  message: string;
}

/** Session details, passed to `tryResume`'s handler and kept on the client. */
export interface SessionInfo {
  sessionId: number;
  sessionSecret: string;
  areaId: number;
  clientName: string;
}

/** What `tryResume`'s handler receives: the session, or why there is none. */
export type ResumeResult = SessionInfo | { error: string };

/**
 * Every event of the public Chat API, with the arguments its handlers receive.
 * `queue` passes the position first and, when known, the estimated wait second.
 */
export interface CentionChatEventMap {
  'agent preview': [preview: AgentPreviewEvent];
  'agent unavailable': [];
  'chat closed': [];
  'chat message': [message: ChatMessageEvent];
  connect: [];
  connect_error: [error: ConnectErrorEvent];
  'finish chat session': [details: FinishChatEvent];
  'message acked': [acked: MessageAckedEvent];
  'message sent': [sent: MessageSentEvent];
  queue: [position: number, details?: QueueDetails];
  'queue full': [];
}

export type CentionChatEventName = keyof CentionChatEventMap;

export type CentionChatHandler<E extends CentionChatEventName> = (
  ...args: CentionChatEventMap[E]
) => void;
