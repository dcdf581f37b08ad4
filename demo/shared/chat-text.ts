/**
 * Chat text as plain English text, where the agent console (browser) and the visitor's transcript
 * (server) must read the same: the one `escapeHtml` and the one HTML→text of the server and the
 * console. Each side keeps what it shows differently (file uploads, templates, unknown items), so
 * this holds only the parts both share.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to place in HTML, as element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Agent and robot text may be HTML: keep line breaks, drop tags, decode the common entities. */
export function htmlToText(html: string): string {
  const withoutTags = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeCommonEntities(withoutTags).trim();
}

/** Decodes the entities agent and robot HTML uses; `&amp;` goes last so "&amp;lt;" stays "&lt;". */
export function decodeCommonEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The text of a structured item (protocol.md §4) about who is in the chat and how it ended, or
 * undefined for any other event.
 */
export function participantItemText(item: Record<string, unknown>): string | undefined {
  const names = Array.isArray(item.names) ? item.names.join(', ') : '';
  switch (item.event) {
    case 'AGENTS_ADDED':
      return `Agent(s) added: ${names}`;
    case 'AGENTS_REMOVED':
      return `Agent(s) removed: ${names}`;
    case 'AGENT_LEFT':
      return `${String(item.name ?? '')} has left the chat.`;
    case 'CLIENT_ENDS_CHAT':
      // Read later by agents and visitors: "visitor", as the widget and console say elsewhere
      // ("Client …" is only the Chat API's translation key, src/client/system-items.ts).
      return 'The visitor ended the chat.';
    case 'OWNER_ENDS_CHAT':
      return `${String(item.name ?? '')} ended the chat.`;
    case 'CHAT_EXPIRED':
      return 'This chat has expired.';
    default:
      return undefined;
  }
}
