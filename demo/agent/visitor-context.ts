/**
 * What the console shows of who the visitor is and where (issue 11): a "Verified" mark when the
 * site vouched for the visitor with a signed token, and the page they are on now with the few
 * before it. Pages are text from the visitor's browser: rendered as text, and only http(s)
 * addresses become links (the server accepts no others; checked again here).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { AgentChatClient, PageVisit } from '../../src/protocol/index.js';

const time = (at: number) =>
  new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

function pageLink(page: PageVisit): TemplateResult {
  const label = page.title || page.url;
  return isWebAddress(page.url)
    ? html`<a href=${page.url} target="_blank" rel="noopener noreferrer" title=${page.url}
        >${label}</a
      >`
    : html`<span>${label}</span>`;
}

/** "Verified" with who the site says it is, or nothing for a guest. */
export function renderVerifiedMark(client: AgentChatClient): TemplateResult | typeof nothing {
  if (!client.verified) return nothing;
  return html`<span
    class="verified"
    title=${`Signed in on the site as ${client.userId ?? ''}: name and email are the site's`}
    >✓ Verified<span class="visually-hidden"
      >: signed in on the site as ${client.userId}</span
    ></span
  >`;
}

/** The current page and, under it, the earlier ones (newest first). */
export function renderPages(
  pages: readonly PageVisit[] | undefined,
): TemplateResult | typeof nothing {
  if (!pages || pages.length === 0) return nothing;
  const current = pages[pages.length - 1]!;
  const earlier = pages.slice(0, -1).reverse();
  return html`<div class="pages" role="group" aria-label="Visitor's pages">
    <span class="meta">Now on: ${pageLink(current)}</span>
    ${
      earlier.length > 0
        ? html`<details>
            <summary class="meta">Earlier pages (${earlier.length})</summary>
            <ol class="page-history">
              ${earlier.map((page) => html`<li>${time(page.at)} ${pageLink(page)}</li>`)}
            </ol>
          </details>`
        : nothing
    }
  </div>`;
}

export const visitorContextStyles = css`
  .verified {
    display: inline-block;
    margin-inline-start: 0.5rem;
    padding: 0 0.4rem;
    border-radius: 999px;
    background: #d7f0dd;
    color: #14532d;
    font-size: 0.8rem;
    font-weight: 600;
    vertical-align: middle;
  }
  .pages a {
    overflow-wrap: anywhere;
  }
  .page-history {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
    font-size: 0.85rem;
  }
`;
