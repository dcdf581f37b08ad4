/**
 * Page context: which page of the site the visitor is on, for the agents of the chat. The first
 * page comes with `register` (`href`, `pageTitle`); a single-page app's route changes come as
 * `page` frames. Input is checked here — http(s) URLs only, length caps, a rate per chat — and is
 * kept and passed on as text: the console never renders it as HTML.
 */
import type { PageFrame, PageVisit } from '../../../src/protocol/index.js';
import { ChatError } from '../errors.js';
import { KeyedLimit } from '../keyed-limit.js';
import type { EngineParts } from './chat-context.js';

export const MAX_PAGE_URL_LENGTH = 2000;
export const MAX_PAGE_TITLE_LENGTH = 300;
/** Pages an agent console is shown (the last is the current one); more are kept in the store. */
export const PAGES_SHOWN = 10;
/**
 * Route changes per chat: a burst of 10, then one every 2 s. The widget sends at most one every
 * 2 s itself; more is a page script gone wrong or a flood, and is dropped with `rate_limited`.
 */
export const PAGE_RATE = { burst: 10, perSecond: 0.5 };

// Controls (\p{Cc}: C0 and C1) and direction overrides have no place in a title an agent reads.
const CONTROLS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** A page as a visitor's client reported it, checked; `bad_frame` says what is wrong. */
export function readPage(url: unknown, title: unknown): { url: string; title: string } {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_PAGE_URL_LENGTH) {
    throw new ChatError(
      'bad_frame',
      `"url" must be a URL of at most ${MAX_PAGE_URL_LENGTH} characters.`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ChatError('bad_frame', '"url" must be an absolute URL.');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ChatError('bad_frame', '"url" must be an http or https URL.');
  }
  if (title !== undefined && title !== null && typeof title !== 'string') {
    throw new ChatError('bad_frame', '"title" must be a string.');
  }
  const text = (title ?? '').replace(CONTROLS, ' ').trim();
  if (text.length > MAX_PAGE_TITLE_LENGTH) {
    throw new ChatError(
      'bad_frame',
      `"title" must be at most ${MAX_PAGE_TITLE_LENGTH} characters.`,
    );
  }
  // URL's own serialisation: no spaces or controls left, the host in its ASCII form.
  return { url: parsed.href, title: text };
}

/** The first page, from `register`; a start page that is not http(s) is simply not recorded. */
export function recordStartPage(
  store: EngineParts['store'],
  sessionId: number,
  input: { href?: string; pageTitle?: string },
  now: number,
): void {
  if (!input.href) return;
  let page;
  try {
    page = readPage(input.href, input.pageTitle);
  } catch {
    return;
  }
  store.addPageVisit(sessionId, { ...page, at: now });
}

export type PageVisitParts = Pick<EngineParts, 'store' | 'peers' | 'now'>;

export class PageVisits {
  private readonly rate: KeyedLimit;

  constructor(private readonly parts: PageVisitParts) {
    this.rate = new KeyedLimit(PAGE_RATE, parts.now);
  }

  /** A `page` frame: kept and shown to the chat's agents unless it repeats the current page. */
  record(sessionId: number, frame: Partial<Record<keyof PageFrame, unknown>>): void {
    const page = readPage(frame.url, frame.title);
    if (!this.rate.take(String(sessionId))) {
      throw new ChatError('rate_limited', 'Too many page changes; slow down.', 429);
    }
    const { store, peers, now } = this.parts;
    if (store.session(sessionId)?.status === 'closed') return;
    const [current] = store.latestPageVisits(sessionId, 1);
    if (current && current.url === page.url && current.title === page.title) return;
    const visit: PageVisit = { ...page, at: now() };
    store.addPageVisit(sessionId, visit);
    peers.toAgentsOf(sessionId, 'page', [{ sessionId, page: visit }]);
  }

  /** What a console shows: the latest pages, oldest first. */
  latest(sessionId: number): PageVisit[] {
    return this.parts.store.latestPageVisits(sessionId, PAGES_SHOWN);
  }
}
