/**
 * `<cention-chat>`'s attributes and events as framework templates see them; the React and Vue
 * typings (src/react.ts, src/vue.ts) build on these. docs/widget.md describes each one.
 */
import type { CentionChatApi, SessionStorageKind } from '../client/types.js';
import type { ChatPosition, ChatTheme } from '../components/chat/chat-properties.js';
import type { CentionChatEventDetails } from '../events/chat-events.js';

/** A boolean attribute: present (`true` or `''`) or absent (`false`, `undefined`). */
type BooleanAttribute = boolean | '';

export interface CentionChatAttributes {
  /** `https://host/s/<workspace>` of the chat server. */
  'base-url'?: string;
  /** The same as a property (React 19 and Vue set it on the element). */
  baseUrl?: string;
  /** The Cention area id chats start in (the property is a number). */
  area?: number | string;
  /** Shown in the panel header until an agent joins. */
  'area-name'?: string;
  areaName?: string;
  /** Tells two widgets of one area apart: each keeps its own chat. */
  'chat-id'?: string;
  chatId?: string;
  /** Language of the widget's texts (`en`, `sv`, or any tag such as `sv-SE`). */
  lang?: string;
  position?: ChatPosition;
  /** Whether the panel is open: a boolean property reflecting the attribute. */
  open?: boolean;
  /** Sit in the page instead of floating (no launcher, the panel always shown). */
  inline?: BooleanAttribute;
  /** No launcher: the site opens the chat from its own button with `show()`. */
  'hide-launcher'?: BooleanAttribute;
  hideLauncher?: boolean;
  theme?: ChatTheme;
  /** Offer "Save transcript" and "Print transcript" when a chat ends. */
  transcript?: BooleanAttribute;
  /** Send what the visitor types to the agent as a preview (and say so). */
  'typing-preview'?: BooleanAttribute;
  typingPreview?: boolean;
  'session-storage'?: SessionStorageKind;
  sessionStorage?: SessionStorageKind;
  /** The `CentionChat` client to use (a property); assign before the first open to share one. */
  client?: CentionChatApi;
}

/** Each widget event's DOM event type, by name. */
export type CentionChatEvents = {
  [Name in keyof CentionChatEventDetails]: CustomEvent<CentionChatEventDetails[Name]>;
};
