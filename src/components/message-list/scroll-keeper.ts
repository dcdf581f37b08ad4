/**
 * Where the log's scroll position goes. At the bottom, it stays at the bottom whatever changes
 * size — a row appended, an image loading, a font arriving, the panel resizing, the banners and
 * the end confirmation around the log — because a `ResizeObserver` on the content and on the log
 * brings it down after each layout, before paint. Scrolled up, nothing moves it; and when older
 * rows go in above, the distance from the end is kept, so what the visitor sees stays still.
 *
 * No per-message layout reads: the observer runs after the browser's own layout, and scrolling to
 * the end sets a position past the end (the browser clamps it) instead of reading `scrollHeight`.
 */

/** Within this many pixels of the end, the visitor counts as "at the bottom". */
const BOTTOM_SLACK_PX = 48;
/** Within this many pixels of the top, older messages are asked for. */
const NEAR_TOP_PX = 400;

export class ScrollKeeper {
  isAtBottom = true;
  #log: HTMLElement | undefined;
  /** Distance from the end before older rows went in. */
  #fromEnd: number | undefined;
  /** `scrollTop` at the last scroll event: only moving up leaves the bottom. */
  #lastTop = 0;

  constructor(
    private readonly onBottomChange: (isAtBottom: boolean) => void,
    /** The top is near (the visitor scrolled there, or the rows do not fill the log). */
    private readonly onNearTop: () => void,
  ) {}

  /** Follows `log`; `content` holds the rows. Runs until the log leaves the document. */
  attach(log: HTMLElement, content: Element): void {
    this.#log = log;
    const observer = new ResizeObserver(() => {
      if (this.isAtBottom) this.toEnd();
      // A first page shorter than the log cannot be scrolled up: the top is near already.
      if (log.scrollTop < NEAR_TOP_PX) this.onNearTop();
    });
    observer.observe(content);
    observer.observe(log);
  }

  toEnd(): void {
    if (this.#log) this.#log.scrollTop = Number.MAX_SAFE_INTEGER;
    this.#setAtBottom(true);
  }

  /** The visitor scrolled: at the bottom or not, and whether the top is near. */
  handleScroll(): void {
    const log = this.#log;
    if (!log) return;
    const top = log.scrollTop;
    const isNearEnd = log.scrollHeight - top - log.clientHeight <= BOTTOM_SLACK_PX;
    // Content that grew below (an image loading) before its resize was seen is no reason to stop
    // following: only the visitor scrolling up is.
    if (isNearEnd || top < this.#lastTop) this.#setAtBottom(isNearEnd);
    this.#lastTop = top;
    if (top < NEAR_TOP_PX) this.onNearTop();
  }

  /** Before older rows go in above (one layout read per page, not per message). */
  keepPosition(): void {
    if (this.#log) this.#fromEnd = this.#log.scrollHeight - this.#log.scrollTop;
  }

  /** After they went in: the same distance from the end, so the rows in view stay where they were. */
  restorePosition(): void {
    if (this.#log && this.#fromEnd !== undefined)
      this.#log.scrollTop = this.#log.scrollHeight - this.#fromEnd;
    this.#fromEnd = undefined;
  }

  #setAtBottom(isAtBottom: boolean): void {
    if (isAtBottom === this.isAtBottom) return;
    this.isAtBottom = isAtBottom;
    this.onBottomChange(isAtBottom);
  }
}
