/**
 * The floating panel on small screens: it is full-screen there, sized from the visual viewport
 * (viewport-follower.ts) so the on-screen keyboard never covers the composer, and the page behind
 * it is inert while it is open (modal-focus.ts). Through CSSOM, so a strict CSP allows it.
 */
import type { ModalFocus } from '../../controllers/modal-focus.js';
import type { ViewportSize } from '../../controllers/viewport-follower.js';

/** Fills the visual viewport with `panelBox` (`fullScreen` given), or gives it back to its CSS. */
export function fitToViewport(
  widget: HTMLElement,
  panelBox: HTMLElement,
  modal: ModalFocus,
  fullScreen: ViewportSize | undefined,
): void {
  const style = panelBox.style;
  if (fullScreen) {
    style.setProperty('block-size', `${fullScreen.height}px`);
    style.setProperty('inset-block-start', `${fullScreen.offsetTop}px`);
    modal.hold(widget);
  } else {
    style.removeProperty('block-size');
    style.removeProperty('inset-block-start');
    modal.release();
  }
}
