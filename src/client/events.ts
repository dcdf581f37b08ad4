/**
 * The public event map of the Chat API (reference/chat-api.txt) and the payload types it carries.
 * Event names keep the original library's spelling, spaces and all, because existing integrations
 * register handlers by these exact strings.
 */

import type {
  AgentPreviewEvent,
  ChatMessageEvent,
  ErrorCode,
  FinishChatEvent,
  HistoryPage,
  MessageAckedEvent,
  MessageSentEvent,
  QueueDetails,
} from '../protocol/index.js';

export type {
  AgentPreviewEvent,
  ChatMessage,
  ChatMessageEvent,
  ChatSender,
  FinishChatEvent,
  HistoryPage,
  MessageAckedEvent,
  MessageSentEvent,
  QueueDetails,
  ResumeResult,
  SessionInfo,
} from '../protocol/index.js';

/**
 * Payload of `connect_error`: `{code, message}`, delivered as a `CentionChatError` (which is one).
 * A server `error` keeps the code the server sent.
 */
export interface ConnectErrorEvent {
  code: ErrorCode;
  message: string;
}

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
  /** An older page asked for with `loadOlder()`, oldest first (never sent unasked). */
  history: [page: HistoryPage];
  'message acked': [acked: MessageAckedEvent];
  'message sent': [sent: MessageSentEvent];
  queue: [position: number, details?: QueueDetails];
  'queue full': [];
}

export type CentionChatEventName = keyof CentionChatEventMap;

export type CentionChatHandler<E extends CentionChatEventName> = (
  ...args: CentionChatEventMap[E]
) => void;
