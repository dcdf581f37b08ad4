/**
 * The transcript as a standalone HTML page: `savehistory` sends it as a download, `printhistory`
 * shows it with a print button. Every piece of chat text is escaped; agent HTML is reduced to text,
 * because a transcript must be safe to open anywhere.
 */
import { createHash } from 'node:crypto';
import { escapeHtml, htmlToText, participantItemText } from '../shared/chat-text.js';
import type { AreaConfig } from './config.js';
import { formatClock } from './hours.js';
import type { MessageRecord, SessionRecord } from './store.js';

/** The page's only style; the Content-Security-Policy allows exactly this text (its hash). */
const TRANSCRIPT_STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
ol{list-style:none;padding:0} li{margin:0 0 .9rem} time{color:#5b6476;font-size:.85em}
p{margin:.15rem 0 0;white-space:pre-wrap} .system p{color:#5b6476;font-style:italic}
@media print{.actions{display:none}}
`;
/** The print page's only script (no inline handler, which a strict policy would block). */
const PRINT_SCRIPT = `document.getElementById('print').addEventListener('click',()=>window.print())`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The transcript pages' policy: nothing loads but the page's own style and print script, images
 * only from this server, no framing (a transcript cannot be clickjacked or framed by a host page).
 */
export const TRANSCRIPT_CSP = [
  "default-src 'none'",
  `style-src ${sha256(TRANSCRIPT_STYLE)}`,
  `script-src ${sha256(PRINT_SCRIPT)}`,
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The English text of a structured "\u0001{…}" item (protocol.md §4). */
export function describeItem(text: string, clientName: string): string | undefined {
  if (!text.startsWith('\u0001')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(1));
  } catch {
    return '';
  }
  // Only an object is an item; `\u0001null` or `\u00011` is not (and must not break the page).
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return '';
  const item = parsed as Record<string, unknown>;
  switch (item.event) {
    case 'FILE_UPLOAD':
      return `${clientName} attached a file: ${String(item.fileName ?? '')} (${String(item.sizeHuman ?? '')})`;
    case 'TEMPLATE': {
      const template = item.template as { text?: unknown } | undefined;
      return htmlToText(String(template?.text ?? ''));
    }
    default:
      return participantItemText(item) ?? '';
  }
}

export function renderTranscript(
  session: SessionRecord,
  messages: MessageRecord[],
  area: AreaConfig,
  options: { forPrint: boolean },
): string {
  const rows = messages
    .map((message) => {
      const sent = Math.floor(message.sentAt / 1000);
      const who =
        message.sender === 'CLIENT'
          ? session.clientName
          : message.sender === 'AGENT'
            ? (message.agentName ?? 'Agent')
            : 'System';
      const writer = message.sender === 'CLIENT' ? session.clientName : who;
      const item = describeItem(message.text, writer);
      const body =
        item !== undefined
          ? item
          : message.sender === 'CLIENT'
            ? message.text
            : htmlToText(message.text);
      return `<li class="${message.sender.toLowerCase()}"><time>${formatClock(sent, area.timeZone)}</time> <b>${escapeHtml(who)}</b><p>${escapeHtml(body)}</p></li>`;
    })
    .join('\n');
  const started = new Date(session.createdAt).toISOString().slice(0, 16).replace('T', ' ');
  const printButton = options.forPrint
    ? `<p class="actions"><button type="button" id="print">Print</button></p><script>${PRINT_SCRIPT}</script>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chat transcript #${session.id}</title>
<style>${TRANSCRIPT_STYLE}</style>
</head>
<body>
<h1>Chat with ${escapeHtml(area.name)}</h1>
<p>Chat #${session.id}, started ${started} UTC, by ${escapeHtml(session.clientName)}.</p>
${printButton}
<ol>
${rows}
</ol>
</body>
</html>
`;
}
