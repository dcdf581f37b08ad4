/**
 * Where a `<cention-chat>` keeps its chat: per widget, under its chat server, area and `chat-id`
 * (the storage scope), so widgets of different areas on one page never see each other's chat.
 * The store kind is the `session-storage` attribute (chat-properties.ts).
 */
import type { StoreLocation } from '../../client/session-store.js';
import type { CentionChatProperties } from './chat-properties.js';

/**
 * The name this widget's chat is stored under: chat server, area and `chat-id`. localStorage by
 * default (`sessionStorage` property), so a second tab of the site (Ctrl+click on a link) shows
 * the same chat; still nothing is written before the visitor starts one.
 */
export function storageScopeOf(widget: CentionChatProperties): string {
  const scope = `${widget.baseUrl.replace(/\/+$/, '')}#${widget.area}`;
  return widget.chatId ? `${scope}#${widget.chatId}` : scope;
}

/** The store kind and scope of this widget's chat, as the client's store helpers take them. */
export function storeOf(widget: CentionChatProperties): StoreLocation {
  return { kind: widget.sessionStorage, scope: storageScopeOf(widget) };
}
