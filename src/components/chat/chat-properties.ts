/**
 * `<cention-chat>`'s attributes as typed properties, so frameworks that set properties (React 19,
 * Vue 3, Lit's `.prop=`) can drive the element: each property reads and writes its attribute, and
 * the element reacts to the attribute (chat.ts, `attributeChangedCallback`). `lang` is the
 * built-in `HTMLElement.lang`, which already reflects.
 */
import type { SessionStorageKind } from '../../client/types.js';

export type ChatPosition = 'bottom-end' | 'bottom-start';
export type ChatTheme = 'light' | 'dark' | 'auto';

export class CentionChatProperties extends HTMLElement {
  #setFlag(name: string, isOn: boolean): void {
    this.toggleAttribute(name, Boolean(isOn));
  }

  #setText(name: string, value: string | null | undefined): void {
    if (value === null || value === undefined) this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  /** `https://host/s/<workspace>` of the chat server (attribute `base-url`). */
  get baseUrl(): string {
    return this.getAttribute('base-url') ?? '';
  }
  set baseUrl(value: string) {
    this.#setText('base-url', value);
  }

  /** The Cention area id chats start in (attribute `area`; 0 when unset). */
  get area(): number {
    return Number(this.getAttribute('area') ?? 0) || 0;
  }
  set area(value: number) {
    this.#setText('area', String(value));
  }

  /** Shown in the panel header until an agent joins (attribute `area-name`). */
  get areaName(): string {
    return this.getAttribute('area-name') ?? '';
  }
  set areaName(value: string) {
    this.#setText('area-name', value);
  }

  /**
   * Tells two widgets of one area apart (attribute `chat-id`): each keeps its own chat. Not needed
   * for widgets of different areas or servers, which are kept apart already.
   */
  get chatId(): string {
    return this.getAttribute('chat-id') ?? '';
  }
  set chatId(value: string) {
    this.#setText('chat-id', value || null);
  }

  /** `bottom-end` (default) or `bottom-start` (attribute `position`). */
  get position(): ChatPosition {
    return this.getAttribute('position') === 'bottom-start' ? 'bottom-start' : 'bottom-end';
  }
  set position(value: ChatPosition) {
    this.#setText('position', value);
  }

  /** `light`, `dark` or `auto` (attribute `theme`; default `auto`). */
  get theme(): ChatTheme {
    const theme = this.getAttribute('theme');
    return theme === 'light' || theme === 'dark' ? theme : 'auto';
  }
  set theme(value: ChatTheme) {
    this.#setText('theme', value);
  }

  /** Whether the panel is open (reflects the `open` attribute; `show()`/`hide()` also move focus). */
  get open(): boolean {
    return this.hasAttribute('open');
  }
  set open(isOpen: boolean) {
    this.#setFlag('open', isOpen);
  }

  /** Sits in the page instead of floating (attribute `inline`). */
  get inline(): boolean {
    return this.hasAttribute('inline');
  }
  set inline(isInline: boolean) {
    this.#setFlag('inline', isInline);
  }

  /**
   * No launcher button (attribute `hide-launcher`): the site opens the chat from its own button
   * with `show()`, and focus returns to that button when the panel closes.
   */
  get hideLauncher(): boolean {
    return this.hasAttribute('hide-launcher');
  }
  set hideLauncher(isHidden: boolean) {
    this.#setFlag('hide-launcher', isHidden);
  }

  /** Offer "Save transcript" and "Print transcript" when a chat ends (attribute `transcript`). */
  get transcript(): boolean {
    return this.hasAttribute('transcript');
  }
  set transcript(isOffered: boolean) {
    this.#setFlag('transcript', isOffered);
  }

  /** Send what the visitor types to the agent as a preview (attribute `typing-preview`). */
  get typingPreview(): boolean {
    return this.hasAttribute('typing-preview');
  }
  set typingPreview(isSent: boolean) {
    this.#setFlag('typing-preview', isSent);
  }

  /**
   * Where the chat is kept between pages (attribute `session-storage`): `localStorage` (default:
   * every tab of the site shows the same chat), `sessionStorage` (this tab only), `cookie` or
   * `memory`. Read when the client is made (the first open or resume).
   */
  get sessionStorage(): SessionStorageKind {
    const kind = this.getAttribute('session-storage');
    return kind === 'sessionStorage' || kind === 'cookie' || kind === 'memory'
      ? kind
      : 'localStorage';
  }
  set sessionStorage(kind: SessionStorageKind) {
    this.#setText('session-storage', kind);
  }

  /**
   * A signed visitor token from the site's back end (attribute `visitor-token`): the visitor chats
   * verified, with name and email from it (docs/security.md "Visitor identity").
   */
  get visitorToken(): string {
    return this.getAttribute('visitor-token') ?? '';
  }
  set visitorToken(token: string) {
    this.#setText('visitor-token', token);
  }
}
