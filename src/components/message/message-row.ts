/**
 * One row of the chat log, rendered straight into the list's shadow root: no element of its own,
 * no shadow root, so a row costs its DOM and nothing more (5,000 rows of a long chat used to be
 * 5,000 Lit elements). The list renders each row once per change of its item (`guard`).
 *
 * A row reads, in order: who wrote it, the text, the time and (the visitor's own) delivery state,
 * each once. Agent and robot HTML is sanitised (DOMPurify, safe-content.ts); plain addresses in it
 * and in visitor text become links (linkify.ts); every link that opens a new tab says so.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ChatItem, TemplateButton } from '../../controllers/chat-item.js';
import { emit } from '../../events/index.js';
import { formatString } from '../../i18n/index.js';
import type { WidgetStrings } from '../../i18n/en.js';
import { newTabLink } from '../new-tab-link.js';
import { linkify, linkifyFragment } from './linkify.js';
import { sendFailureText } from './send-failure.js';
import {
  isRasterImage,
  safeFileUrl,
  safeLinkUrl,
  sanitizeHtml,
  withDownloadToken,
} from './safe-content.js';

/**
 * Internal: the visitor asked to resend a failed message (a row's Retry, `data-retry`, raised by
 * the list). Handled (and stopped) by the panel.
 */
export interface MessageRetryDetail {
  umid: string;
}

/** Internal: the visitor chose a postback button of a robot template. */
export interface TemplateChooseDetail {
  item: ChatItem;
  button: TemplateButton;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cention-message-retry': CustomEvent<MessageRetryDetail>;
    'cention-template-choose': CustomEvent<TemplateChooseDetail>;
  }
}

/** What every row needs besides its item. */
export interface RowContext {
  /** Raises the rows' events (the list element). */
  host: HTMLElement;
  strings: WidgetStrings;
  /** The chat server's base URL, to resolve file addresses. */
  baseUrl: string;
  /** The session secret, which the chat server wants on its download addresses. */
  downloadToken: string;
  /** The chat has ended: postback buttons can no longer be used. */
  hasEnded: boolean;
}

/**
 * Agent text without `<` or `&` has no markup: the HTML parser would make it one text node, the
 * same as rendering it as text (which is what happens, linkified like visitor text). Most agent
 * messages are such, and skip DOMPurify's parse, a document per message.
 */
const hasMarkup = (text: string) => /[<&\0]/.test(text);

/** Whether a row shows agent HTML, which waits for DOMPurify. */
export const needsSanitizer = (item: ChatItem): boolean =>
  item.kind === 'template' || (item.kind === 'html' && hasMarkup(item.text));

/** Sanitised, linkified agent HTML; undefined while DOMPurify is still loading. */
function agentHtml(item: ChatItem, strings: WidgetStrings): DocumentFragment | undefined {
  const fragment = sanitizeHtml(item.text);
  if (fragment) linkifyFragment(fragment, strings.opensInNewTab);
  return fragment;
}

export function renderMessageRow(
  item: ChatItem,
  isGroupStart: boolean,
  context: RowContext,
): TemplateResult {
  const strings = context.strings;
  const role = item.sender === 'CLIENT' ? 'visitor' : item.sender === 'AGENT' ? 'agent' : 'system';
  const author = role === 'visitor' ? strings.you : item.author || strings.agent;
  const classes = `message ${role}${isGroupStart ? ' group-start' : ''}${
    item.delivery === 'failed' ? ' failed' : ''
  }`;
  const showAuthor = isGroupStart && role !== 'system';
  return html`<div part="message" class=${classes}>
    ${showAuthor ? html`<span class="author" aria-hidden="true">${author}</span>` : nothing}
    <div class="bubble">
      ${role === 'system' ? nothing : html`<span class="visually-hidden">${author}: </span>`}
      ${renderContent(item, context)}
    </div>
    ${renderDetails(item, context)}
  </div>`;
}

function linkifiedText(text: string, strings: WidgetStrings): unknown[] {
  return linkify(text).map((part) =>
    typeof part === 'string' ? part : newTabLink(part.href, part.text, strings),
  );
}

function renderContent(item: ChatItem, context: RowContext): TemplateResult {
  const strings = context.strings;
  // `.text` keeps the visitor's line breaks (pre-wrap): no template whitespace around the text.
  switch (item.kind) {
    case 'html':
      return html`<div class="html">
        ${hasMarkup(item.text) ? agentHtml(item, strings) : linkifiedText(item.text, strings)}
      </div>`;
    case 'template':
      return html`<div class="html">${agentHtml(item, strings)}</div>
        ${renderButtons(item, context)}`;
    case 'file':
      return html`<p>${item.text}</p>
        ${renderFile(item, context)}`;
    case 'choice':
      return html`<p class="text">${formatString(strings.youChose, { TITLE: item.text })}</p>`;
    case 'system':
      return html`<p class="text">${item.text}</p>`;
    case 'joined':
      return html`<p class="text">${formatString(strings.agentJoined, { NAME: item.text })}</p>`;
    default:
      return html`<p class="text">${linkifiedText(item.text, strings)}</p>`;
  }
}

function renderFile(item: ChatItem, context: RowContext): TemplateResult | typeof nothing {
  const file = item.file;
  if (!file) return nothing;
  const { strings, baseUrl } = context;
  const safeUrl = safeFileUrl(file.url, baseUrl);
  const url = safeUrl && withDownloadToken(safeUrl, baseUrl, context.downloadToken);
  if (!url) return html`<p class="file">${file.name}</p>`;
  const label = formatString(strings.downloadFile, { NAME: file.name });
  const size = file.sizeHuman ? ` (${file.sizeHuman})` : '';
  // A thumbnail opens the image full size in a new tab (the browser's own viewer: zoom, Escape
  // and Back work as everywhere, and the widget carries no light-box).
  const image = isRasterImage(file.mime, url)
    ? newTabLink(
        url,
        html`<img
          class="thumbnail"
          src=${url}
          alt=${formatString(strings.openImage, { NAME: file.name })}
          loading="lazy"
        />`,
        strings,
        { className: 'thumbnail-link' },
      )
    : nothing;
  return html`<div class="file">
    ${image} ${newTabLink(url, `${label}${size}`, strings, { download: file.name })}
  </div>`;
}

function renderButtons(item: ChatItem, context: RowContext): TemplateResult | typeof nothing {
  const buttons = item.template?.buttons ?? [];
  if (buttons.length === 0) return nothing;
  const { strings, hasEnded, host } = context;
  const isLocked = hasEnded || item.chosen !== undefined;
  const choose = (button: TemplateButton) => {
    if (!isLocked) emit(host, 'cention-template-choose', { item, button });
  };
  return html`<div class="buttons">
      ${buttons.map((button) => {
        if (button.type === 'url') {
          const url = safeLinkUrl(button.url);
          return url
            ? newTabLink(url, button.title, strings, { className: 'button secondary' })
            : nothing;
        }
        const isChosen = item.chosen === button.title;
        // A choice that can no longer be made stays readable but leaves the Tab order.
        return html`<button
          type="button"
          class="button secondary"
          aria-pressed=${isChosen ? 'true' : 'false'}
          aria-disabled=${isLocked ? 'true' : 'false'}
          tabindex=${isLocked ? '-1' : nothing}
          title=${hasEnded ? strings.buttonsEnded : nothing}
          @click=${() => choose(button)}
        >
          ${button.title}${
            isChosen ? html`<span class="visually-hidden"> (${strings.chosen})</span>` : nothing
          }
        </button>`;
      })}
    </div>
    ${hasEnded ? html`<span class="visually-hidden">${strings.buttonsEnded}</span>` : nothing}`;
}

function renderDetails(item: ChatItem, context: RowContext): TemplateResult | typeof nothing {
  if (item.sender === 'SYSTEM') return nothing;
  const strings = context.strings;
  const delivery = item.delivery;
  // The strings are named after the states: sending, sent, seen, failed.
  const state = delivery ? strings[delivery] : '';
  if (!item.sentHuman && !state) return nothing;
  const reason =
    delivery === 'failed' && item.failure ? ` ${sendFailureText(item.failure, strings)}` : '';
  return html`<div class="details">
    ${item.sentHuman ? html`<time>${item.sentHuman}</time>` : nothing}
    ${
      state
        ? html`<span class="visually-hidden">, </span
            ><span class="delivery" data-state=${delivery ?? ''}>${state}${reason}</span>`
        : nothing
    }
    ${
      delivery === 'failed' && item.umid
        ? html`<button type="button" class="link-button" data-retry=${item.umid}>
            ${strings.retry}
          </button>`
        : nothing
    }
  </div>`;
}
