/**
 * What both script-tag entries do: register `<cention-chat>` with the given ways to load its panel
 * and DOMPurify, and set `window._CentionChat`, the original library's factory, so the Chat API's samples run as
 * they are (`var CentionChat = _CentionChat(); CentionChat.baseURL = …`), and run the calls the
 * page queued on `window.centionChat` before the script loaded (call-queue.ts).
 *
 * A second copy of the script on the same page must not throw: registration is guarded. (Under
 * Node, `cention-chat/embed` resolves to src/embed-node.ts instead, which registers nothing.)
 */
import { createCentionChat } from '../../client/centionchat.js';
import type { PurifierLoader } from '../message/safe-content.js';
import '../../types/global.js';
import { installCallQueue } from './call-queue.js';
import { CentionChatElement, type PanelModule } from './chat.js';

/** How the entry provides the panel's module and DOMPurify (lazily, or already in the file). */
export interface WidgetLoaders {
  panel: () => Promise<PanelModule>;
  purifier: PurifierLoader;
}

export function defineWidget(loaders: WidgetLoaders): void {
  CentionChatElement.loadPanel = loaders.panel;
  CentionChatElement.loadPurifier = loaders.purifier;
  if (!customElements.get('cention-chat'))
    customElements.define('cention-chat', CentionChatElement);
  window._CentionChat ??= createCentionChat;
  // After defining, so the widgets already in the page are upgraded and can take the calls.
  installCallQueue((node): node is CentionChatElement => node instanceof CentionChatElement);
}
