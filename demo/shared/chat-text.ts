/**
 * Chat text as plain English text, where the agent console (browser) and the visitor's transcript
 * (server) must read the same. Each side keeps what it shows differently (file uploads, templates,
 * unknown items), so this holds only the parts both share.
 */

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
      return 'Client ended the chat.';
    case 'OWNER_ENDS_CHAT':
      return `${String(item.name ?? '')} ended the chat.`;
    case 'CHAT_EXPIRED':
      return 'This chat has expired.';
    default:
      return undefined;
  }
}
