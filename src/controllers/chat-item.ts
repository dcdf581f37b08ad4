/**
 * Turns a server `ChatMessage` into what the message list shows: plain text, agent HTML (still
 * unsanitised here; the message element sanitises it), a translated system line, a file or a robot
 * button template. Structured items ("\u0001" + JSON, protocol.md §4) are parsed and translated
 * by the client's `parseSystemItem` / `systemItemText`.
 */
import type { ChatMessage, ChatSender, ErrorCode } from '../protocol/index.js';
import {
  parseSystemItem,
  systemItemMarker,
  systemItemText,
  type ButtonTemplate,
  type TemplateButton,
} from '../client/system-items.js';

export type { ButtonTemplate, TemplateButton };

/** Delivery of the visitor's own messages: sending → sent → seen by agent, or failed. */
export type DeliveryState = 'sending' | 'sent' | 'seen' | 'failed';

export interface ChatFile {
  name: string;
  /** Download address as the server gave it (resolved and checked when rendered). */
  url: string;
  sizeHuman?: string;
  mime?: string;
}

/** `joined`: made by the widget when an agent takes the chat; `text` is the agent's name. */
export type ChatItemKind = 'text' | 'html' | 'system' | 'file' | 'template' | 'choice' | 'joined';

/** One row of the message list. */
export interface ChatItem {
  /** Stable key for rendering: `m<id>` for stored messages, `u<umid>` for unconfirmed ones. */
  key: string;
  id?: number;
  umid?: string;
  /** Position in the log: the server id for stored messages, a fraction after it for local ones. */
  order: number;
  sender: ChatSender;
  /** Agent name for AGENT items, the visitor's name for CLIENT items, '' for SYSTEM. */
  author: string;
  sentHuman: string;
  kind: ChatItemKind;
  /** Plain text (text, system, choice), HTML (html), or a caption (file, template). */
  text: string;
  file?: ChatFile;
  template?: ButtonTemplate;
  /** Visitor items only. */
  delivery?: DeliveryState;
  /** Title of the postback button the visitor chose (template items). */
  chosen?: string;
  /**
   * Why a visitor message was not sent (shown and announced with "Not sent."): the error code of
   * the server's answer, or `no_answer` when none came (message-row.ts translates it).
   */
  failure?: ErrorCode | 'no_answer';
  /** False for history shown on resume: screen readers must not hear it again. */
  isNew: boolean;
}

/** Translation hook of the client (`CentionChat.I`): undefined keeps the English text. */
export type Translate = (text: string) => string | undefined;

/** Builds the display item for one server message. */
export function toChatItem(
  message: ChatMessage,
  names: { agent: string; client: string },
  I: Translate,
  isNew: boolean,
): ChatItem {
  const author =
    message.sender === 'AGENT'
      ? message.agent || names.agent
      : message.sender === 'CLIENT'
        ? names.client
        : '';
  const base = {
    key: `m${message.id}`,
    id: message.id,
    order: message.id,
    umid: message.umid || undefined,
    sender: message.sender,
    author,
    sentHuman: message.sentHuman,
    isNew,
  };
  const item = parseSystemItem(message.text);
  if (!item) {
    if (message.text.startsWith(systemItemMarker)) {
      // A structured item this widget does not know (or a broken one): nothing safe to show.
      return { ...base, kind: 'system', text: '' };
    }
    // Visitor text is plain; agent and robot text may be HTML and is sanitised when rendered.
    // SYSTEM messages in plain form are shown as text, never as HTML.
    const kind: ChatItemKind =
      message.sender === 'AGENT' ? 'html' : message.sender === 'SYSTEM' ? 'system' : 'text';
    return { ...base, kind, text: message.text };
  }
  switch (item.event) {
    case 'FILE_UPLOAD':
      return {
        ...base,
        kind: 'file',
        text: systemItemText(item, I, author || names.client),
        file: {
          name: item.fileName,
          url: item.fileDownload,
          sizeHuman: item.sizeHuman || undefined,
          mime: item.mime,
        },
      };
    case 'TEMPLATE':
      return { ...base, kind: 'template', text: item.template.text, template: item.template };
    default:
      return { ...base, kind: 'system', text: systemItemText(item, I) };
  }
}
