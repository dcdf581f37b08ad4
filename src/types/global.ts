/**
 * What the widget adds to the page's globals, for TypeScript users of either entry: the original
 * library's factory on `window` (set by the script-tag and `cention-chat/embed` entries) and the
 * `<cention-chat>` tag for `document.querySelector('cention-chat')` and `createElement`.
 * Types only; imported for its declarations by src/index.ts and src/embed.ts.
 */
import type { createCentionChat } from '../client/centionchat.js';
import type {
  CentionChatElement,
  CentionChatPrefill,
  CentionChatStartOptions,
} from '../components/chat/chat.js';

/** The call queue's commands (`centionChat('show')` …): the widget's methods, with their arguments. */
export interface CentionChatCommands {
  show: [];
  hide: [];
  toggle: [];
  start: [options: CentionChatStartOptions];
  prefill: [values: CentionChatPrefill];
  reset: [];
  logout: [];
}

/**
 * `window.centionChat`: callable before the widget's script has loaded (the README's one-line
 * snippet records calls in `q`); the last argument may be a CSS selector naming one of several
 * widgets (default: the first `<cention-chat>`).
 */
export interface CentionChatQueue {
  <Name extends keyof CentionChatCommands>(
    command: Name,
    ...args: [...CentionChatCommands[Name], selector?: string]
  ): void;
  /** Calls recorded by the snippet before the script loaded (each an `arguments` object). */
  q?: ArrayLike<unknown>[];
  /** Set once the widget's script runs the calls itself. */
  isReady?: boolean;
}

declare global {
  interface Window {
    /** `var CentionChat = _CentionChat();` as in the Chat API's samples. */
    _CentionChat?: typeof createCentionChat;
    /** The widget's call queue (see `CentionChatQueue`). */
    centionChat?: CentionChatQueue;
  }
  interface HTMLElementTagNameMap {
    'cention-chat': CentionChatElement;
  }
}

export {};
