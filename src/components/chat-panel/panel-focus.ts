/**
 * Where focus goes in the panel: to where the visitor most likely wants to be in the current
 * state, once that element has rendered (a state component may be brand new in this update).
 */
import { LitElement } from 'lit';
import type { ChatState } from '../../controllers/chat-state.js';

/** The element focus goes to in `state`; `isRechecking`: "Check again" runs in the message view. */
export function focusSelector(state: ChatState, isRechecking: boolean): string {
  return state.isConfirmingEnd
    ? 'cention-end-confirm'
    : state.view === 'start' || isRechecking
      ? 'cention-leave-message, cention-start-form'
      : state.view === 'chat'
        ? 'cention-composer'
        : state.view === 'finished'
          ? 'cention-chat-finished'
          : '.dialog';
}

/** Focuses what `selector()` names once `panel` has rendered (and that element too). */
export async function focusWhenRendered(
  panel: LitElement,
  selector: () => string,
  options?: FocusOptions,
): Promise<void> {
  await panel.updateComplete;
  const target = panel.renderRoot.querySelector<HTMLElement>(selector());
  // An end view may still be on its way (load-end-views.ts): wait until it has upgraded.
  if (target && target.localName.startsWith('cention-')) {
    await customElements.whenDefined(target.localName);
  }
  if (target instanceof LitElement) await target.updateComplete;
  target?.focus(options);
}
