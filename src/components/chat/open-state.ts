/**
 * Opening and closing a `<cention-chat>`'s panel: `show()` and `hide()` with where focus goes,
 * and the open flag, whether the panel of a live chat was open, kept so the next page shows the
 * chat as the visitor left it (open or minimised).
 */
import {
  readValue,
  scopedKey,
  writeValue,
  type StoreLocation,
} from '../../client/session-store.js';
import { deepActiveElement } from './chat-actions.js';
import type { CentionChatProperties } from './chat-properties.js';

/**
 * Remembers, for the rest of the browser session, whether the panel of a live chat was open (per
 * widget: `cention-chat.open:<scope>`). Through the client's store helpers, which survive blocked
 * storage (the panel then simply starts minimised on the next page).
 */
export const OPEN_KEY = 'cention-chat.open';

export function readOpenFlag(store: StoreLocation): boolean {
  return readValue('sessionStorage', scopedKey(store, OPEN_KEY)) === '1';
}

/** Remembers whether the panel is open; `undefined` forgets it (the chat was reset). */
export function writeOpenFlag(store: StoreLocation, isOpen: boolean | undefined): void {
  const value = isOpen === undefined ? undefined : isOpen ? '1' : '0';
  writeValue('sessionStorage', scopedKey(store, OPEN_KEY), value);
}

/** What `showPanel()` remembers for `hidePanel()`, one per widget. */
export interface OpenerMemory {
  /** The page's own control that opened a `hide-launcher` panel: focus goes back there. */
  opener?: HTMLElement | undefined;
}

/** `show()`: opens the panel and moves focus into it, remembering the page's control that asked. */
export async function showPanel(
  widget: CentionChatProperties,
  memory: OpenerMemory,
  ensurePanel: () => Promise<{ focus(): void }>,
): Promise<void> {
  const active = deepActiveElement();
  if (active && !widget.contains(active) && active !== widget) memory.opener = active;
  widget.open = true;
  const panel = await ensurePanel();
  panel.focus();
}

/** `hide()`: closes the panel; focus returns to the launcher (or the page's opener) if it was inside. */
export function hidePanel(
  widget: CentionChatProperties,
  memory: OpenerMemory,
  launcher: HTMLButtonElement,
): void {
  if (widget.inline) return;
  const hadFocus = widget.matches(':focus-within');
  widget.open = false;
  if (!hadFocus) return;
  if (!widget.hideLauncher) launcher.focus();
  else if (memory.opener?.isConnected) memory.opener.focus();
}
