/**
 * Page context: tells the agent which page the visitor is on while a chat is connected, also when
 * a single-page app changes route without a page load (issue 11).
 *
 * How a route change is noticed: by looking at `location.href` and `document.title` every
 * `POLL_MS` while connected — a string comparison, no work when nothing changed. It sees
 * `pushState`, `replaceState`, back/forward and fragment changes alike, and a title the app sets
 * after its route; it patches nothing of the host page (wrapping `history.pushState` would change
 * the page's own objects and fight other scripts doing the same), and it needs no listeners.
 * Navigation events (`popstate`, the Navigation API) would only make the agent's view up to two
 * seconds fresher, and every byte here counts against the 48 KB budget of opening a chat. The poll
 * is also the throttle: at most one `page` frame per `POLL_MS` (the server allows a burst of 10,
 * then one every 2 s).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CentionChatApi } from '../client/types.js';
import type { PageFrame } from '../protocol/index.js';

export const POLL_MS = 2000;

/**
 * The page as the server takes it (http(s) URL ≤ 2,000 characters, title ≤ 300): an over-long URL
 * loses its query and fragment, the longest and least needed part.
 */
export function currentPage(where: Location = location, title = document.title): PageFrame {
  const { href } = where;
  return {
    url: href.length > 2000 ? (where.origin + where.pathname).slice(0, 2000) : href,
    title: title.trim().slice(0, 300),
  };
}

export class PageContextController implements ReactiveController {
  readonly #client: Pick<CentionChatApi, 'onStatus' | 'sendPage'>;
  #unsubscribe: (() => void) | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;
  #lastSent = '';

  constructor(host: ReactiveControllerHost, client: Pick<CentionChatApi, 'onStatus' | 'sendPage'>) {
    this.#client = client;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.#client.onStatus(({ connection }) => {
      if (connection !== 'connected') return this.#stop();
      if (this.#poll !== undefined) return;
      // (Re)connected: the page of this moment, which after a page load or while the socket was
      // down may not be the one the agent saw last (the server ignores a repeat).
      this.#lastSent = '';
      this.#check();
      this.#poll = setInterval(() => this.#check(), POLL_MS);
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#stop();
  }

  #stop(): void {
    clearInterval(this.#poll);
    this.#poll = undefined;
  }

  #check(): void {
    const page = currentPage();
    const key = `${page.url}\n${page.title}`;
    if (key === this.#lastSent) return;
    this.#lastSent = key;
    this.#client.sendPage?.(page);
  }
}
