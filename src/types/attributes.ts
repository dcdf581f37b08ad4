/**
 * `<cention-chat>`'s attributes and events as framework templates see them; the React and Vue
 * typings (src/react.ts, src/vue.ts) build on these. docs/widget.md describes each one.
 */
import type { CentionChatApi, SessionStorageKind } from '../client/types.js';
import type { CentionChatEventDetails } from '../events/chat-events.js';

/** A boolean attribute: present (`true` or `''`) or absent (`false`, `undefined`). */
type BooleanAttribute = boolean | '';

export interface CentionChatAttributes {
  /** `https://host/s/<workspace>` of the chat server. */
  'base-url'?: string;
  /** The Cention area id chats start in. */
  area?: number | string;
  /** Shown in the panel header until an agent joins. */
  'area-name'?: string;
  /** Language of the widget's texts (`en`, `sv`, or any tag such as `sv-SE`). */
  lang?: string;
  position?: 'bottom-end' | 'bottom-start';
  /** Sit in the page instead of floating (no launcher, the panel always shown). */
  inline?: BooleanAttribute;
  theme?: 'light' | 'dark' | 'auto';
  /** Offer "Save transcript" and "Print transcript" when a chat ends. */
  transcript?: BooleanAttribute;
  /** Send what the visitor types to the agent as a preview (and say so). */
  'typing-preview'?: BooleanAttribute;
  'session-storage'?: SessionStorageKind;
  /** The `CentionChat` client to use (a property); assign before the first open to share one. */
  client?: CentionChatApi;
  /**
   * Not settable from a template: `open` is the element's method (`el.open()`), and frameworks
   * that set known properties would overwrite it. Call `open()`/`close()` through a ref.
   */
  open?: never;
}

/** Each widget event's DOM event type, by name. */
export type CentionChatEvents = {
  [Name in keyof CentionChatEventDetails]: CustomEvent<CentionChatEventDetails[Name]>;
};
