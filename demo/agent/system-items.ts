/**
 * Structured chat items ("\u0001" + JSON, protocol.md §4) as the console shows them.
 */
import { htmlToText, participantItemText } from '../shared/chat-text.js';

export interface FileItem {
  event: 'FILE_UPLOAD';
  fileDownload: string;
  fileName: string;
  sizeHuman: string;
  mime?: string;
}

export type ChatItem = FileItem | ({ event: string } & Record<string, unknown>);

export function parseItem(text: string): ChatItem | undefined {
  if (!text.startsWith('\u0001')) return undefined;
  try {
    const item = JSON.parse(text.slice(1)) as unknown;
    return typeof item === 'object' && item !== null && 'event' in item
      ? (item as ChatItem)
      : undefined;
  } catch {
    return undefined;
  }
}

export const isFileItem = (item: ChatItem | undefined): item is FileItem =>
  item?.event === 'FILE_UPLOAD';

/** English text for system items (the console is not translated). */
export function describeItem(chatItem: ChatItem, author: string): string {
  const item = chatItem as { event: string } & Record<string, unknown>;
  switch (item.event) {
    case 'FILE_UPLOAD':
      return `${author} attached a file.`;
    case 'TEMPLATE': {
      const template = item.template as
        { text?: unknown; buttons?: { title?: unknown }[] } | undefined;
      const buttons = (template?.buttons ?? [])
        .map((button) => `[${String(button.title ?? '')}]`)
        .join(' ');
      return `${htmlToText(String(template?.text ?? ''))} ${buttons}`.trim();
    }
    default:
      return participantItemText(item) ?? `(${item.event})`;
  }
}
