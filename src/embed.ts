/**
 * Script-tag entry for `<script type="module">` (`dist/cention-chat.js`): registers
 * `<cention-chat>`, which draws the launcher and loads the rest of the chat as lazy chunks when
 * it is needed (the panel on first open; DOMPurify right after it is shown), and sets
 * `window._CentionChat` (see define-widget.ts).
 */
import './types/global.js';
import { createCentionChat } from './client/centionchat.js';
import { CentionChatElement } from './components/chat/chat.js';
import { defineWidget } from './components/chat/define-widget.js';

defineWidget({
  panel: () => import('./components/register.js'),
  purifier: async () => (await import('dompurify')).default,
});

export { CentionChatElement, createCentionChat };
