/**
 * Hooks the panel to attention.ts (title count, tone) without loading it up front: it listens to
 * the panel's own `cention-unread-change` (the chat controller raises it for messages that arrive
 * while the page is hidden or the panel minimised) and imports attention.ts the first time the
 * count is above 0. The tone plays when `<cention-chat sound>` is set, once per rise of the count.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type AttentionModule = typeof import('./attention.js');

export interface AttentionOptions {
  /** The panel's language: its string table's `locale` ("en", "sv"). */
  locale: () => string;
  /** Whether the site asked for a tone (`sound` on the widget). */
  hasSound: () => boolean;
}

export class AttentionController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: AttentionOptions;
  #module: Promise<AttentionModule> | undefined;
  #count = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: AttentionOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('cention-unread-change', this.#handleUnread);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('cention-unread-change', this.#handleUnread);
    // A removed widget must not leave its count in the page's title.
    void this.#apply(0);
  }

  readonly #handleUnread = (event: GlobalEventHandlersEventMap['cention-unread-change']) => {
    void this.#apply(event.detail.count);
  };

  async #apply(count: number): Promise<void> {
    const rose = count > this.#count;
    this.#count = count;
    if (count === 0 && !this.#module) return;
    this.#module ??= import('./attention.js');
    const attention = await this.#module;
    attention.setTitleCount(this, { count, locale: this.#options.locale() });
    if (rose && this.#options.hasSound()) await attention.playTone();
  }
}
