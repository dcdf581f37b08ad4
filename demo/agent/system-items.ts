/**
 * Structured chat items ("\u0001" + JSON, protocol.md §4) as the console shows them.
 */
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
  const names = Array.isArray(item.names) ? item.names.join(', ') : '';
  switch (item.event) {
    case 'FILE_UPLOAD':
      return `${author} attached a file.`;
    case 'AGENTS_ADDED':
      return `Agent(s) added: ${names}`;
    case 'AGENTS_REMOVED':
      return `Agent(s) removed: ${names}`;
    case 'AGENT_LEFT':
      return `${String(item.name ?? '')} has left the chat.`;
    case 'CLIENT_ENDS_CHAT':
      return 'Client ended the chat.';
    case 'OWNER_ENDS_CHAT':
      return `${String(item.name ?? '')} ended the chat.`;
    case 'CHAT_EXPIRED':
      return 'This chat has expired.';
    case 'TEMPLATE': {
      const template = item.template as
        { text?: unknown; buttons?: { title?: unknown }[] } | undefined;
      const buttons = (template?.buttons ?? [])
        .map((button) => `[${String(button.title ?? '')}]`)
        .join(' ');
      return `${stripTags(String(template?.text ?? ''))} ${buttons}`.trim();
    }
    default:
      return `(${item.event})`;
  }
}

/** Agent and robot text may be HTML; the console shows it as text. */
export function stripTags(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
