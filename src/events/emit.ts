/**
 * The one way the widget dispatches its DOM events, public (chat-events.ts) or internal (each
 * element declares its own in `GlobalEventHandlersEventMap`): typed by event name, always
 * `bubbles` + `composed`.
 */

/** The `detail` of a `CustomEvent` named in `GlobalEventHandlersEventMap`. */
type DetailOf<K extends keyof GlobalEventHandlersEventMap> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer Detail> ? Detail : never;

/**
 * Dispatches one of the widget's events from `target`; it bubbles and crosses shadow roots.
 * False when a listener cancelled it (only when `isCancelable`).
 */
export function emit<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
  detail: DetailOf<K>,
  isCancelable = false,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: isCancelable }),
  );
}
