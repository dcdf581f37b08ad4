/**
 * The classic-script loader (`dist/cention-chat.iife.js`, about 0.3 KB): for pages that add the
 * widget with a plain `<script src=…>` (no `type="module"`). It imports the module entry
 * `cention-chat.js` from the folder it was itself loaded from, so both script kinds cost the same
 * on every page (the launcher) and share the same lazy chunks, cached once.
 *
 * Not before the page's `load` event and first contentful paint (and then when the browser is
 * idle, at most a second later): the launcher's 10 KB then never compete with the page's own first paint (Lighthouse's
 * FCP and LCP). A page that calls the widget earlier uses the call queue (README), which runs
 * the calls once the widget is there.
 *
 * `import()` rather than an injected `<script type="module">`: a dynamic import from a classic
 * script inherits that script's nonce (strict CSP with `'nonce-…'` or `'strict-dynamic'` needs
 * nothing more) and is no Trusted Types sink (setting `script.src` would need a policy of our own).
 * The module files must be served with CORS when the page is on another origin (a CDN does;
 * README says how).
 */
const script = document.currentScript as HTMLScriptElement | null;
// `currentScript` is null only when the file is run some other way (e.g. pasted into a bundle);
// then the tag that names the loader is the best guess.
const source =
  script?.src ||
  document.querySelector<HTMLScriptElement>('script[src*="cention-chat.iife"]')?.src ||
  document.baseURI;

const loadWidget = () =>
  import(/* @vite-ignore */ new URL('cention-chat.js', source).href).catch((error: unknown) => {
    console.error('cention-chat: the widget could not be loaded', error);
  });

const whenIdle = () =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(() => void loadWidget(), { timeout: 1000 })
    : setTimeout(() => void loadWidget(), 0);

/**
 * After the page's first contentful paint: on a fast connection `load` can fire before anything
 * is painted, and the launcher's work would then delay that paint. A page that never paints (a
 * background tab) loads the widget after 3 s anyway.
 */
function afterFirstPaint(then: () => void): void {
  const hasPainted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  if (typeof PerformanceObserver !== 'function' || hasPainted()) return then();
  let isDone = false;
  const finish = () => {
    if (isDone) return;
    isDone = true;
    observer.disconnect();
    then();
  };
  const observer = new PerformanceObserver(() => {
    if (hasPainted()) finish();
  });
  observer.observe({ type: 'paint', buffered: true });
  setTimeout(finish, 3000);
}

const start = () => afterFirstPaint(whenIdle);
if (document.readyState === 'complete') start();
else addEventListener('load', start, { once: true });
