/**
 * The panel's small hooks to parts around the chat: the page title and tone for unseen messages
 * (attention.ts, fetched the first time it is needed) and where the visitor's name is remembered.
 * The widget element's own attributes (`sound`, `session-storage`) are read when needed, so the
 * site may change them at any time.
 */
import type { SessionStorageKind } from '../../client/types.js';
import { storageKindOf } from '../../client/visitor-memory.js';

type Panel = HTMLElement & { readonly strings: { locale: string } };

/** The `<cention-chat>` around a panel (the panel lives in its shadow root). */
const widgetOf = (panel: HTMLElement): Element | undefined =>
  (panel.getRootNode() as Partial<ShadowRoot>).host;

/** Where the widget keeps its chat, and so the visitor's name (`session-storage`). */
export const storageKindFor = (panel: HTMLElement): SessionStorageKind =>
  storageKindOf(widgetOf(panel)?.getAttribute('session-storage'));

/**
 * Keeps the page's title (and the tone, with `sound`) in step with the panel's unread count
 * (`cention-unread-change`); attention.ts loads the first time the count is above 0. Returns what
 * to call when the panel leaves the page: its count leaves the title too.
 */
export function followUnread(panel: Panel): () => void {
  let attention: Promise<typeof import('../../controllers/attention.js')> | undefined;
  const attend = (count: number) => {
    if (count === 0 && !attention) return;
    void (attention ??= import('../../controllers/attention.js')).then((module) =>
      module.attend(
        panel,
        count,
        panel.strings.locale,
        widgetOf(panel)?.hasAttribute('sound') ?? false,
      ),
    );
  };
  panel.addEventListener('cention-unread-change', ({ detail }) => attend(detail.count));
  return () => attend(0);
}
