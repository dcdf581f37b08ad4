/**
 * The widget's DOM events: all `bubbles` + `composed`, so a page hears them on `<cention-chat>` or
 * any ancestor, and typed through `GlobalEventHandlersEventMap` for `addEventListener`.
 */
import type { ChatMessage } from '../../client/events.js';

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

/** The `detail` of a `CustomEvent` named in `GlobalEventHandlersEventMap`. */
type DetailOf<K extends keyof GlobalEventHandlersEventMap> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer Detail> ? Detail : never;

/**
 * Dispatches one of the widget's events, public or internal (each element declares its internal
 * ones), from `target`; bubbles and crosses shadow roots. False when a listener cancelled it.
 */
export function emit<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
  detail: DetailOf<K>,
  isCancelable = false,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: isCancelable }),
  );
}
