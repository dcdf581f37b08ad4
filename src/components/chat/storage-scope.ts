/**
 * Where a `<cention-chat>` keeps its chat: per widget, under its chat server, area and `chat-id`
 * (the storage scope), so widgets of different areas on one page never see each other's chat.
 * The store kind is the `session-storage` attribute (chat-properties.ts).
 */
import { moveSiteWideChat } from '../../client/site-wide-chat.js';
import type { SessionStorageKind } from '../../client/types.js';
import type { CentionChatProperties } from './chat-properties.js';
import { OPEN_KEY } from './open-state.js';

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
export function storeOf(widget: CentionChatProperties): {
  kind: SessionStorageKind;
  scope: string;
} {
  return { kind: widget.sessionStorage, scope: storageScopeOf(widget) };
}

/**
 * On a widget's first use on a page: a chat in progress that an earlier version kept under the
 * site-wide names (one chat per site) moves to this widget's own names, with its open flag, so
 * upgrading the widget does not lose it (client/site-wide-chat.ts).
 */
export function adoptSiteWideChat(widget: CentionChatProperties): void {
  moveSiteWideChat(storeOf(widget), widget.area, [OPEN_KEY]);
}
