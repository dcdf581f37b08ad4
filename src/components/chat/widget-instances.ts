/**
 * The widgets on the page by the chat they keep (their storage scope: chat server, area,
 * `chat-id`). A widget removed from the page keeps its connection for a short grace period, so
 * moving it in the DOM (or React's strict-mode remount) does not drop the chat; when a new widget
 * of the same scope arrives in that time (a single-page app rendering its route again), the
 * leaving one hands over at once, so the chat never has two sockets.
 */

/** How long a removed widget keeps its connection, waiting to be added back. */
export const DETACH_GRACE_MS = 500;

export interface WidgetInstance {
  /** Still on the page (a widget in its grace period is not). */
  isConnected(): boolean;
  /** Closes the connection and drops the panel; the stored chat stays for a later resume. */
  tearDown(): void;
}

const byScope = new Map<string, Set<WidgetInstance>>();

/** Registers `instance` as the keeper of `scope`'s chat; a leaving widget of it hands over now. */
export function claimScope(scope: string, instance: WidgetInstance): void {
  const instances = byScope.get(scope) ?? new Set<WidgetInstance>();
  for (const other of instances) {
    if (other === instance) continue;
    if (other.isConnected()) {
      console.warn('cention-chat: two widgets share one chat; give each a chat-id');
    } else {
      other.tearDown();
    }
  }
  instances.add(instance);
  byScope.set(scope, instances);
}

export function releaseScope(scope: string, instance: WidgetInstance): void {
  const instances = byScope.get(scope);
  instances?.delete(instance);
  if (instances?.size === 0) byScope.delete(scope);
}
