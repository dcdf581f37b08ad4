/**
 * Script-tag entry (`dist/cention-chat.js`, and the one-file `cention-chat.iife.js`): registers
 * `<cention-chat>`, which draws the launcher and loads the rest of the chat when it is needed, and
 * sets `window._CentionChat`, the original library's factory, so the Chat API's samples run as
 * they are (`var CentionChat = _CentionChat(); CentionChat.baseURL = …`).
 *
 * A second copy of this script on the same page must not throw: registration is guarded.
 */
import { createCentionChat } from './client/centionchat.js';
import { CentionChatElement } from './components/chat/chat.js';

declare global {
  interface Window {
    _CentionChat?: typeof createCentionChat;
  }
}

if (!customElements.get('cention-chat')) customElements.define('cention-chat', CentionChatElement);

window._CentionChat ??= createCentionChat;

export { CentionChatElement, createCentionChat };
