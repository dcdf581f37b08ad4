/**
 * A typed event emitter whose handlers are user code: each one runs inside `callSafely`, so a
 * throwing handler is reported and neither stops the other handlers nor the client.
 */

// Handlers of every event live in one map; the typed `on`/`emit` keep their argument lists apart.
type AnyHandler = (...args: never) => void;

/**
 * Runs user code (event, status, tryResume, canChat and attachFile handlers); an exception is
 * reported on the console, where its stack names the handler, and never reaches the client.
 */
export function callSafely<A extends unknown[]>(
  handler: ((...args: A) => void) | undefined,
  ...args: A
): void {
  try {
    handler?.(...args);
  } catch (error) {
    console.error('cention-chat: a handler threw', error);
  }
}

/** `Events` maps each event name to the argument list its handlers receive. */
export class Emitter<Events extends { [E in keyof Events]: unknown[] }> {
  readonly #handlers = new Map<keyof Events, Set<AnyHandler>>();

  /** Adds a handler (several per event are fine); returns the function that removes it. */
  on<E extends keyof Events>(event: E, handler: (...args: Events[E]) => void): () => void {
    let handlers = this.#handlers.get(event);
    if (!handlers) this.#handlers.set(event, (handlers = new Set()));
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
    };
  }

  /** Calls every handler of `event`, in the order they were added, each one safely. */
  emit<E extends keyof Events>(event: E, ...args: Events[E]): void {
    // A copy: a handler that adds or removes handlers changes the next emit, not this one.
    for (const handler of [...(this.#handlers.get(event) ?? [])]) {
      callSafely(handler as (...args: Events[E]) => void, ...args);
    }
  }
}
