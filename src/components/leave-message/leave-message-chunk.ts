/**
 * The lazily loaded chunk of the leave-a-message view: the panel `import()`s this module the first
 * time nobody can chat, then calls `defineLeaveMessage()`. Guarded like register.ts, so a second
 * copy of the widget on a page does not throw.
 */
import { CentionLeaveMessage } from './leave-message.js';

export function defineLeaveMessage(): void {
  if (!customElements.get('cention-leave-message')) {
    customElements.define('cention-leave-message', CentionLeaveMessage);
  }
}
