/**
 * The widget's public DOM events: their names, `detail` types and the `GlobalEventHandlersEventMap`
 * entries that type `addEventListener('cention-…')` for pages. All are `bubbles` + `composed`, so a
 * page hears them on `<cention-chat>` or any ancestor. The controller raises most of them, the
 * launcher the open/close pair; both import them from here (this folder sits below components and
 * controllers). Each element's internal events stay declared beside that element.
 */
import type { ChatMessage } from '../protocol/index.js';

export interface CentionChatStartDetail {
  area: number;
  name: string;
  email: string;
}

export interface CentionChatEndDetail {
  /** Who ended it, when the server said so. */
  by?: 'agent' | 'client' | 'system';
}

export interface CentionMessageSendDetail {
  /** The client-made message id. */
  umid: string;
  text: string;
}

export interface CentionMessageReceiveDetail {
  message: ChatMessage;
}

export interface CentionUnreadChangeDetail {
  count: number;
}

export interface CentionChatEventDetails {
  'cention-chat-open': Record<string, never>;
  'cention-chat-close': Record<string, never>;
  'cention-chat-start': CentionChatStartDetail;
  'cention-chat-end': CentionChatEndDetail;
  'cention-message-send': CentionMessageSendDetail;
  'cention-message-receive': CentionMessageReceiveDetail;
  'cention-unread-change': CentionUnreadChangeDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cention-chat-open': CustomEvent<Record<string, never>>;
    'cention-chat-close': CustomEvent<Record<string, never>>;
    'cention-chat-start': CustomEvent<CentionChatStartDetail>;
    'cention-chat-end': CustomEvent<CentionChatEndDetail>;
    'cention-message-send': CustomEvent<CentionMessageSendDetail>;
    'cention-message-receive': CustomEvent<CentionMessageReceiveDetail>;
    'cention-unread-change': CustomEvent<CentionUnreadChangeDetail>;
  }
}
