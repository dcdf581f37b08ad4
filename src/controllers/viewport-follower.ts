/**
 * Follows the visual viewport on small screens, where the chat panel is full-screen: when the
 * on-screen keyboard opens, the visual viewport shrinks (and may scroll) while the layout viewport
 * does not, so a `position: fixed; inset: 0` panel would have its composer under the keyboard.
 * The owner sizes the panel from `height` and `offsetTop` instead, through CSSOM (CSP-safe).
 * Plain TypeScript, no Lit: the launcher that uses it is in the first, smallest script.
 */

/** Below this width the panel is full-screen (matches the CSS in chat.styles.ts). */
export const SMALL_SCREEN_QUERY = '(max-width: 479.98px)';

export interface ViewportSize {
  isSmallScreen: boolean;
  height: number;
  offsetTop: number;
}

export class ViewportFollower {
  #media: MediaQueryList | undefined;
  readonly #onChange: (size: ViewportSize) => void;
  readonly #handleChange = () => this.#onChange(this.measure());

  constructor(onChange: (size: ViewportSize) => void) {
    this.#onChange = onChange;
  }

  start(): void {
    this.#media ??= window.matchMedia(SMALL_SCREEN_QUERY);
    this.#media.addEventListener('change', this.#handleChange);
    window.visualViewport?.addEventListener('resize', this.#handleChange);
    window.visualViewport?.addEventListener('scroll', this.#handleChange);
    this.#handleChange();
  }

  stop(): void {
    this.#media?.removeEventListener('change', this.#handleChange);
    window.visualViewport?.removeEventListener('resize', this.#handleChange);
    window.visualViewport?.removeEventListener('scroll', this.#handleChange);
  }

  measure(): ViewportSize {
    const viewport = window.visualViewport;
    return {
      isSmallScreen: this.#media?.matches ?? window.matchMedia(SMALL_SCREEN_QUERY).matches,
      height: Math.round(viewport?.height ?? window.innerHeight),
      offsetTop: Math.round(viewport?.offsetTop ?? 0),
    };
  }
}
