/**
 * Registers the panel's elements. An explicit call rather than a `customElements.define` at the
 * bottom of each module: the package marks `src/` free of side effects, so the bundler would drop
 * a module imported only for its side effect. The launcher calls this after loading the panel's
 * chunk; tests call it too. Guarded, so a second copy of the widget on a page does not throw.
 * The end views (`cention-end-confirm`, `cention-chat-finished`) are defined by their own chunk
 * when first shown (end-views/; tests call its `defineEndViews` at once).
 */
import { CentionChatPanel } from './chat-panel/chat-panel.js';
import { CentionComposer } from './composer/composer.js';
import { setPurifierLoader, type PurifierLoader } from './message/safe-content.js';
import { CentionMessageList } from './message-list/message-list.js';
import { CentionQueueStatus } from './queue-status/queue-status.js';
import { CentionStartForm } from './start-form/start-form.js';
import { CentionTypingPreview } from './typing-preview/typing-preview.js';

const panelElements: Record<string, CustomElementConstructor> = {
  'cention-chat-panel': CentionChatPanel,
  'cention-composer': CentionComposer,
  'cention-message-list': CentionMessageList,
  'cention-queue-status': CentionQueueStatus,
  'cention-start-form': CentionStartForm,
  'cention-typing-preview': CentionTypingPreview,
};

/** Registers the panel's elements; `loadPurifier` fetches DOMPurify (see safe-content.ts). */
export function registerPanelElements(loadPurifier: PurifierLoader): void {
  setPurifierLoader(loadPurifier);
  for (const [tag, constructor] of Object.entries(panelElements)) {
    if (!customElements.get(tag)) customElements.define(tag, constructor);
  }
}
