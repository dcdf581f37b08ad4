/**
 * The polite live region of the chat log gets one node per announcement: a burst of three
 * messages is three additions, each spoken, where one node whose text is replaced speaks only the
 * last. Nodes are pruned a while after they were added (spoken by then; the region has
 * `aria-relevant="additions"`, so removals are silent), so the region never grows with the chat.
 * The idea is BotFramework-WebChat's LiveRegionTranscript and LiveRegionTwin (read, not copied).
 */

/** How long a spoken node stays in the region. */
const PRUNE_AFTER_MS = 5000;

/** Adds one node per (non-empty) text to `region`, in order; each leaves again after a while. */
export function announce(region: Element | null, texts: string[]): void {
  for (const text of texts) {
    if (!region || !text.trim()) continue;
    const node = document.createElement('p');
    node.textContent = text.trim();
    region.append(node);
    setTimeout(() => node.remove(), PRUNE_AFTER_MS);
  }
}
