/**
 * Fetches the leave-a-message chunk the first time the panel needs it (dynamic `import()`, so an
 * ordinary chat never pays for it). Lives beside the view rather than in the panel, which only
 * asks whether it is ready.
 */
let loading: Promise<void> | undefined;

/** When nobody can chat for one of these reasons, this view replaces the start form. */
export const LEAVE_MESSAGE_REASONS: ReadonlySet<string> = new Set([
  'closed',
  'no-agents',
  'queue-full',
]);

/** True once `<cention-leave-message>` is defined; else starts loading and calls `whenReady` after. */
export function isLeaveMessageReady(whenReady: () => void): boolean {
  if (customElements.get('cention-leave-message')) return true;
  loading ??= import('./leave-message-chunk.js').then(
    ({ defineLeaveMessage }) => defineLeaveMessage(),
    (error: unknown) => {
      loading = undefined; // the next render tries again
      throw error;
    },
  );
  loading.then(whenReady, () => undefined);
  return false;
}
