/**
 * Fetches the end views' chunk (end-views-chunk.ts) the first time the panel shows one. The panel
 * renders `<cention-end-confirm>` / `<cention-chat-finished>` at once; they upgrade when the chunk
 * has defined them (Lit keeps the properties set before), so nothing waits on the network but
 * focus, which `whenEndViewsDefined` lets the panel wait for.
 */
let loading: Promise<void> | undefined;

export function loadEndViews(): Promise<void> {
  loading ??= import('./end-views-chunk.js').then(
    ({ defineEndViews }) => defineEndViews(),
    (error: unknown) => {
      loading = undefined; // the next render tries again
      throw error;
    },
  );
  return loading;
}
