/**
 * The lazily loaded chunk of the views at a chat's end: the "End the chat?" confirmation and the
 * finished view. The panel `import()`s it (load-end-views.ts) when the visitor asks to end or the
 * chat ends, so opening a chat does not pay for them. Guarded like register.ts.
 */
import { CentionChatFinished } from '../chat-finished/chat-finished.js';
import { CentionEndConfirm } from '../end-confirm/end-confirm.js';

export function defineEndViews(): void {
  if (!customElements.get('cention-end-confirm')) {
    customElements.define('cention-end-confirm', CentionEndConfirm);
  }
  if (!customElements.get('cention-chat-finished')) {
    customElements.define('cention-chat-finished', CentionChatFinished);
  }
}
