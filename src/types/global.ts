/**
 * What the widget adds to the page's globals, for TypeScript users of either entry: the original
 * library's factory on `window` (set by the script-tag and `cention-chat/embed` entries) and the
 * `<cention-chat>` tag for `document.querySelector('cention-chat')` and `createElement`.
 * Types only; imported for its declarations by src/index.ts and src/embed.ts.
 */
import type { createCentionChat } from '../client/centionchat.js';
import type { CentionChatElement } from '../components/chat/chat.js';

declare global {
  interface Window {
    /** `var CentionChat = _CentionChat();` as in the Chat API's samples. */
    _CentionChat?: typeof createCentionChat;
  }
  interface HTMLElementTagNameMap {
    'cention-chat': CentionChatElement;
  }
}

export {};
