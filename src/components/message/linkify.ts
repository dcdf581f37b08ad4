/**
 * Plain-text web and e-mail addresses as links. A tested pattern rather than `linkifyjs` (about
 * 10 KB gzip with its scanner tables, where the chat-open budget of 48 KB had 0.9 KB left): a chat
 * needs the common forms — `http(s)://…`, `www.…`, `name@domain.tld` — and this is ~0.4 KB.
 * Only http, https and mailto addresses become links; text inside links is left alone.
 */

// An address runs to the next space, quote or angle bracket; trailing punctuation and closing
// brackets are the sentence's.
const ADDRESS =
  /\b(?:https?:\/\/|www\.)[^\s<>"'`]+|\b[\w.+-]+@[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}\b/gi;
const TRAILING = /[.,;:!?'")\]]+$/;

/** One piece of linkified text: text as is, or a link with its address. */
export type TextPart = string | { href: string; text: string };

/** Splits `text` into plain pieces and links, in order (one piece when there is no address). */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = match[0].replace(TRAILING, '');
    const href = /^www\./i.test(address)
      ? `https://${address}`
      : /^https?:/i.test(address)
        ? address
        : `mailto:${address}`;
    if (match.index > at) parts.push(text.slice(at, match.index));
    parts.push({ href, text: address });
    at = match.index + address.length;
  }
  if (at < text.length || !parts.length) parts.push(text.slice(at));
  return parts;
}

/**
 * Links the addresses in the text nodes of sanitised agent HTML (not inside `<a>`), opening in a
 * new tab like its other links; `newTabNote` goes, hidden, into every link that opens a new tab.
 */
export function linkifyFragment(fragment: DocumentFragment, newTabNote: string): void {
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const node of texts) {
    if (node.parentElement?.closest('a')) continue;
    const parts = linkify(node.data);
    if (parts.length < 2 && typeof parts[0] === 'string') continue;
    node.replaceWith(
      ...parts.map((part) => {
        if (typeof part === 'string') return part;
        const link = document.createElement('a');
        link.href = part.href;
        link.textContent = part.text;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        return link;
      }),
    );
  }
  for (const link of fragment.querySelectorAll('a[target="_blank"]')) {
    const note = document.createElement('span');
    note.className = 'visually-hidden';
    note.textContent = ` ${newTabNote}`;
    link.append(note);
  }
}
