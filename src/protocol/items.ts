/**
 * Structured chat items (protocol.md §4): a message text of `"\u0001"` + JSON with an `event` field.
 * The server makes them, the widget and the agent console show them. Type-only.
 */

/** A robot button (chat-robot-api.txt): opens a URL or posts `data` back to the robot. */
export type TemplateButton =
  { type: 'url'; title: string; url: string } | { type: 'postback'; title: string; data: string };

/** The robot API's button template. */
export interface ButtonTemplate {
  type: 'button';
  text: string;
  buttons: TemplateButton[];
}

export interface FileUploadItem {
  event: 'FILE_UPLOAD';
  /** Absolute URL without the secret; add `?t=<sessionSecret>` (or the agent token). */
  fileDownload: string;
  fileName: string;
  sizeHuman: string;
  mime?: string;
}

/** Every structured item the server sends. */
export type StructuredItem =
  | FileUploadItem
  | { event: 'AGENTS_ADDED'; names: string[] }
  | { event: 'AGENTS_REMOVED'; names: string[] }
  | { event: 'AGENT_LEFT'; name: string }
  | { event: 'CLIENT_ENDS_CHAT' }
  | { event: 'OWNER_ENDS_CHAT'; name: string }
  | { event: 'CHAT_EXPIRED' }
  | { event: 'TEMPLATE'; template: ButtonTemplate };

export type StructuredItemEvent = StructuredItem['event'];
