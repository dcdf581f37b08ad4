/**
 * Everything agent or robot controlled passes through here before it reaches the DOM: HTML is
 * sanitised with a private DOMPurify instance (so the page's own DOMPurify hooks stay untouched),
 * links open in a new tab without access to this page, and addresses are limited to safe schemes.
 */
import type createDOMPurify from 'dompurify';

type Purifier = ReturnType<typeof createDOMPurify>;

/**
 * Fetches DOMPurify's factory. The script-tag entries provide it (see define-widget.ts): the
 * module build loads DOMPurify as a chunk of its own, the one-file build already holds it.
 */
export type PurifierLoader = () => Promise<typeof createDOMPurify>;

let loadPurifier: PurifierLoader | undefined;
let purifier: Purifier | undefined;
let loading: Promise<void> | undefined;

/** Sets where DOMPurify comes from; registerPanelElements does it, before any element exists. */
export function setPurifierLoader(load: PurifierLoader): void {
  loadPurifier = load;
}

/**
 * Loads DOMPurify (the start form and the first render of the panel do not wait for it; the
 * panel asks for it as soon as it is shown) and configures a private instance.
 */
export function loadSanitizer(): Promise<void> {
  const load = loadPurifier ?? (() => Promise.reject(new Error('cention-chat: no DOMPurify')));
  loading ??= load().then((createPurifier) => {
    const instance = createPurifier(window);
    instance.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
      // An agent's image without a description is treated as decorative, not read as a URL.
      if (node.tagName === 'IMG' && !node.hasAttribute('alt')) node.setAttribute('alt', '');
    });
    purifier = instance;
  });
  return loading;
}

/** Whether `sanitizeHtml` can answer now. */
export function isSanitizerReady(): boolean {
  return purifier !== undefined;
}

/**
 * Sanitised agent HTML as a fragment (never a string, so nothing is re-parsed by innerHTML and
 * no Trusted Types sink is used by the widget itself), or undefined while DOMPurify is still
 * loading: callers then show nothing and try again after `loadSanitizer()`. Unsanitised HTML is
 * never shown. Inline styles and forms are dropped: a strict CSP page would refuse inline styles
 * anyway, and a form could phish the visitor.
 */
export function sanitizeHtml(html: string): DocumentFragment | undefined {
  if (!purifier) return undefined;
  // DOMPurify gives null (despite its types) for markup that parses to a document without a body,
  // such as a <frameset>: nothing of it is safe to show, so it becomes an empty fragment rather
  // than "not ready yet", which would make the caller wait for the sanitiser forever.
  const fragment: DocumentFragment | null = purifier.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
    FORBID_ATTR: ['style'],
  });
  return fragment ?? document.createDocumentFragment();
}

const SAFE_LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * Resolves an address the chat server gave. protocol.md writes its addresses relative to baseURL
 * with a leading slash ("/socket/external.api/download/…"), so such a path is taken as relative
 * to baseURL, unless it already starts with baseURL's own path.
 */
/** The chat server's base address as a directory URL (with a trailing slash). */
const serverURL = (base: string): URL => new URL(`${base.replace(/\/+$/, '')}/`, location.href);

function resolveAgainstBase(url: string, base: string | undefined): URL {
  if (!base) return new URL(url, location.href);
  const baseUrl = serverURL(base);
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith(baseUrl.pathname)) {
    return new URL(url.slice(1), baseUrl);
  }
  return new URL(url, baseUrl);
}

/** An absolute http(s)/mailto/tel address, or undefined for anything else (javascript:, data: …). */
export function safeLinkUrl(url: string, base?: string): string | undefined {
  try {
    const parsed = resolveAgainstBase(url, base);
    return SAFE_LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const SAFE_IMAGE_DATA = /^data:image\/(?:png|gif|jpeg|webp);base64,[a-z0-9+/=\s]+$/i;

/**
 * Address of a file: http(s) relative to the chat server, or a base64 raster image (robot
 * attachments may arrive inline). SVG data is refused: it can carry script.
 */
export function safeFileUrl(url: string, base?: string): string | undefined {
  if (url.startsWith('data:')) return SAFE_IMAGE_DATA.test(url) ? url : undefined;
  const safe = safeLinkUrl(url, base);
  return safe && /^https?:/.test(safe) ? safe : undefined;
}

/**
 * The chat server serves attachments only with the session secret (`download/<id>?t=<secret>`,
 * protocol.md §1), while FILE_UPLOAD items carry the address without it. Adds it, but only for
 * the chat server's own download addresses: the secret never goes to another host.
 */
export function withDownloadToken(url: string, base: string, token: string): string {
  if (!token || url.startsWith('data:')) return url;
  try {
    const parsed = new URL(url);
    const server = serverURL(base);
    const isDownload =
      parsed.origin === server.origin &&
      parsed.pathname.startsWith(`${server.pathname}socket/external.api/download/`);
    if (!isDownload || parsed.searchParams.has('t')) return url;
    parsed.searchParams.set('t', token);
    return parsed.href;
  } catch {
    return url;
  }
}

/** Whether a file can be shown as an inline thumbnail. */
export function isRasterImage(mime: string | undefined, url: string): boolean {
  if (url.startsWith('data:')) return true;
  return /^image\/(?:png|gif|jpeg|webp|avif)$/i.test(mime ?? '');
}
