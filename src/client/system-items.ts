/**
 * Structured chat items (protocol.md §4): a message text of `"\u0001"` + JSON with an `event`
 * field. `chat message` events keep the raw text, as the original library delivers it (existing
 * integrations parse it); UIs turn it into a typed item with `parseSystemItem` and into the
 * translated English sentence with `systemItemText`.
 */

import { isObject, isString } from './guards.js';

import type { ButtonTemplate, StructuredItem, TemplateButton } from '../protocol/index.js';

export type { ButtonTemplate, TemplateButton } from '../protocol/index.js';

/** A structured item as the widget shows it (protocol.md §4). */
export type SystemItem = StructuredItem;

export type SystemItemEvent = SystemItem['event'];

/** Marks a structured item at the start of a message text. */
export const systemItemMarker = '\u0001';

// Older servers send `names` as one comma-separated string; accept both.
function toNames(value: unknown): string[] | undefined {
  if (Array.isArray(value) && value.every(isString)) return value;
  if (isString(value)) return value.split(',').map((name) => name.trim());
  return undefined;
}

function toButton(button: unknown): TemplateButton | undefined {
  if (!isObject(button) || !isString(button.title)) return undefined;
  if (button.type === 'url' && isString(button.url)) {
    return { type: 'url', title: button.title, url: button.url };
  }
  if (button.type === 'postback' && isString(button.data)) {
    return { type: 'postback', title: button.title, data: button.data };
  }
  return undefined;
}

function toTemplate(template: unknown): ButtonTemplate | undefined {
  if (!isObject(template) || !Array.isArray(template.buttons)) return undefined;
  const buttons = template.buttons.map(toButton);
  if (buttons.some((button) => button === undefined)) return undefined;
  return {
    type: 'button',
    text: isString(template.text) ? template.text : '',
    buttons: buttons as TemplateButton[],
  };
}

/**
 * The typed item of a message text, or undefined when the text is not a (valid, known) item:
 * plain text, HTML, malformed JSON or an item of an unknown event.
 */
export function parseSystemItem(text: string): SystemItem | undefined {
  if (!text.startsWith(systemItemMarker)) return undefined;
  let fields: unknown;
  try {
    fields = JSON.parse(text.slice(systemItemMarker.length));
  } catch {
    return undefined;
  }
  if (!isObject(fields)) return undefined;
  switch (fields.event) {
    case 'FILE_UPLOAD': {
      const { fileDownload, fileName, sizeHuman, mime } = fields;
      if (!isString(fileDownload) || !isString(fileName)) return undefined;
      return {
        event: 'FILE_UPLOAD',
        fileDownload,
        fileName,
        sizeHuman: isString(sizeHuman) ? sizeHuman : '',
        ...(isString(mime) ? { mime } : {}),
      };
    }
    case 'AGENTS_ADDED':
    case 'AGENTS_REMOVED': {
      const names = toNames(fields.names);
      return names && { event: fields.event, names };
    }
    case 'AGENT_LEFT':
    case 'OWNER_ENDS_CHAT':
      return isString(fields.name) ? { event: fields.event, name: fields.name } : undefined;
    case 'CLIENT_ENDS_CHAT':
    case 'CHAT_EXPIRED':
      return { event: fields.event };
    case 'TEMPLATE': {
      const template = toTemplate(fields.template);
      return template && { event: 'TEMPLATE', template };
    }
    default:
      return undefined;
  }
}

/** The English source texts, which are also the keys `CentionChat.I` translates. */
export const systemTexts = {
  FILE_UPLOAD: '{NAME} attached a file.',
  AGENTS_ADDED: 'Agent(s) added: {AGENT_NAMES}',
  AGENTS_REMOVED: 'Agent(s) removed: {AGENT_NAMES}',
  AGENT_LEFT: '{AGENT_NAME} has left the chat.',
  CLIENT_ENDS_CHAT: 'Client ended the chat.',
  OWNER_ENDS_CHAT: '{NAME} ended the chat.',
  CHAT_EXPIRED: 'This chat has expired.',
} as const;

/**
 * The sentence shown for an item, translated through `I` (the `CentionChat.I` hook: return
 * undefined to keep the English text) with `{NAME}`, `{AGENT_NAMES}` and `{AGENT_NAME}` filled in.
 * `name` is who attached a file (FILE_UPLOAD has no name of its own: the message's sender).
 * A TEMPLATE gives its own text, which the robot wrote and which is not translated.
 */
export function systemItemText(
  item: SystemItem,
  I: (text: string) => string | undefined,
  name = '',
): string {
  if (item.event === 'TEMPLATE') return item.template.text;
  const english = systemTexts[item.event];
  let translated: string | undefined;
  try {
    translated = I(english);
  } catch {
    // A broken translation hook must not break the message list.
  }
  const values: Record<string, string> = {
    NAME: item.event === 'OWNER_ENDS_CHAT' ? item.name : name,
    AGENT_NAME: item.event === 'AGENT_LEFT' ? item.name : '',
    AGENT_NAMES:
      item.event === 'AGENTS_ADDED' || item.event === 'AGENTS_REMOVED' ? item.names.join(', ') : '',
  };
  return (typeof translated === 'string' && translated ? translated : english).replace(
    /\{(NAME|AGENT_NAME|AGENT_NAMES)\}/g,
    (_match, key: string) => values[key] ?? '',
  );
}
