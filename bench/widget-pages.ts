/**
 * The pages the browser benches open. They are served under the reference server's own origin
 * (`/bench/…`, answered by Playwright's router, so the server needs no bench routes), which makes
 * the widget's script and the chat socket same-origin, as on the demo site. The widget itself
 * comes from the real server (`/widget/`); deep-chat's bundle from node_modules.
 */
import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = new URL('..', import.meta.url);
export const PROBE_PATH = fileURLToPath(new URL('./pages/probe.js', import.meta.url));
/** deep-chat's self-contained bundle (its package entry, `dist/deepChat.js`, imports remarkable). */
export const DEEP_CHAT_BUNDLE = fileURLToPath(
  new URL('node_modules/deep-chat/dist/deepChat.bundle.js', REPO),
);

export type WidgetEntry = 'module' | 'classic';

/** The widget's script tag for each entry, as README.md's embed snippet has it. */
const widgetScript = (entry: WidgetEntry): string =>
  entry === 'module'
    ? '<script type="module" src="/widget/cention-chat.js"></script>'
    : '<script src="/widget/cention-chat.iife.js"></script>';

/**
 * A host page with the widget. The mark right before the script tag is "script start"; with
 * `watchFrames` the page notes when chat frames arrive (before the widget's own handler runs).
 */
export function widgetPage(baseURL: string, entry: WidgetEntry, watchFrames = false): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>bench: cention-chat</title>
${watchFrames ? '<script>benchProbe.watchCentionFrames();</script>' : ''}
<script>performance.mark('script-start');</script>
${widgetScript(entry)}
</head>
<body>
<cention-chat base-url="${baseURL}" area="1"></cention-chat>
</body>
</html>`;
}

/**
 * A host page with an empty deep-chat, sized like the widget's panel (380 × 600) and holding all
 * messages (its default `maxVisibleMessages` of 4,000 would drop the oldest, unlike the widget).
 * `connect.handler` is a no-op: nothing is sent in the bench, and it keeps deep-chat from showing
 * its "no connection configured" notice.
 */
export function deepChatPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>bench: deep-chat</title>
<script type="module" src="/bench/deep-chat.js"></script>
</head>
<body>
<deep-chat></deep-chat>
<script type="module">
  const element = document.querySelector('deep-chat');
  element.connect = { handler: () => {} };
  element.maxVisibleMessages = 100000;
  element.chatStyle = { width: '380px', height: '600px' };
</script>
</body>
</html>`;
}

/** Answers `/bench/<name>` on the server's origin in this context. */
export async function servePages(
  context: BrowserContext,
  origin: string,
  pages: Record<string, string>,
): Promise<void> {
  await context.addInitScript({ path: PROBE_PATH });
  await context.route(`${origin}bench/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice('/bench/'.length);
    if (name === 'deep-chat.js') {
      return route.fulfill({
        contentType: 'text/javascript',
        body: readFileSync(DEEP_CHAT_BUNDLE, 'utf8'),
      });
    }
    const page = pages[name];
    return page === undefined
      ? route.fulfill({ status: 404, body: 'not a bench page' })
      : route.fulfill({ contentType: 'text/html; charset=utf-8', body: page });
  });
}
