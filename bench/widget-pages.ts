/**
 * The pages the browser benches open, served by the reference server itself under `/bench/…`
 * (a server plugin), so the widget's script and its socket are same-origin, as on the demo site.
 * They must come from the real server: a page answered by Playwright's router has no address,
 * and Chromium's local-network-access check then blocks its WebSocket to 127.0.0.1, so the widget
 * would fall back to XHR streaming. The widget comes from `/widget/` (dist/); deep-chat's bundle
 * from node_modules.
 */
import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServerPlugin } from '../demo/server/robot-hook.js';

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
 * A host page with the widget, and a heading of its own: the classic loader waits for the page's
 * first contentful paint, which an empty page never has (it would wait for its 3 s fallback).
 * The mark right before the script tag is "script start"; with
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
<main><h1>A host page</h1></main>
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

/** Serves `/bench/<name>` from `pages` (filled once the server's address is known). */
export function benchPagesPlugin(pages: Map<string, string>): ServerPlugin {
  return {
    name: 'bench-pages',
    register({ app }) {
      app.get<{ Params: { name: string } }>('/bench/:name', async (request, reply) => {
        const { name } = request.params;
        if (name === 'deep-chat.js') {
          return reply.type('text/javascript').send(readFileSync(DEEP_CHAT_BUNDLE, 'utf8'));
        }
        const page = pages.get(name);
        return page === undefined
          ? reply.code(404).type('text/plain').send('not a bench page')
          : reply.type('text/html; charset=utf-8').send(page);
      });
    },
  };
}

/** Every page of `context` gets the probe (bench/pages/probe.js) before its own scripts run. */
export async function addProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ path: PROBE_PATH });
}
