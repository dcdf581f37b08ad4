/**
 * `npm run lighthouse`: Lighthouse (mobile profile, simulated 4G; median of 3 runs) on the demo
 * home page without the widget, with `<script type="module">` and with the classic loader, served
 * by the reference server (compressed, cached as /widget/ is). Prints FCP and LCP and how far the
 * widget moves them (target: under 50 ms; README's snippet reaches it, a tag costs LCP one round trip
 * or more, bench/README.md says why).
 *
 * Lighthouse is not a dependency (150 packages for an occasional measurement): the npm script
 * installs lighthouse@12.2.3 (13 needs Node 22) into the git-ignored `.data/lighthouse` on first use
 * and points LIGHTHOUSE_DIR there. Uses Chromium at CHROME_PATH or /usr/bin/chromium.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startBenchServer } from '../bench/bench-server.js';
import type { ServerPlugin } from '../demo/server/robot-hook.js';
import { startH2Front } from './lighthouse-h2.js';
import { chromiumFlags, chromiumPath } from '../test/support/chromium.mjs';

/**
 * `--runs N` (default 3); `--protocols h1,h2` (default both: the reference server itself, and an
 * HTTP/2 front as a CDN serves, see lighthouse-h2.ts); `--variants none,module,…` (default all);
 * `--save <dir>` writes each run's Lighthouse report there as JSON (`<protocol>-<variant>-<run>`).
 */
function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}
const RUNS = Number(option('runs') ?? 3);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a whole number ≥ 1');
const SAVE_DIR = option('save');
const DEMO_PAGE = fileURLToPath(new URL('../demo/index.html', import.meta.url));
/** The snippet as README gives it (one line between `<script>` and `</script>`). */
const SNIPPET = (() => {
  const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
  const line = /<script>(window\.centionChat=.*addEventListener\('load'.*)<\/script>/.exec(readme);
  if (!line?.[1]) throw new Error('README.md no longer holds the page-speed snippet');
  return line[1];
})();
/** The demo page's tag, as README gives it. */
const DEMO_TAG =
  '<script type="module" fetchpriority="low" src="/widget/cention-chat.js"></script>';

/** The widget's script tag in each variant (`none`: no tag and no element). */
const TAGS = {
  none: '',
  // Chromium fetches a module script at High priority, which Lighthouse's simulation counts as
  // render-blocking (FCP +230 ms); `fetchpriority="low"` (README's tag) makes it Low, as `defer` is.
  module: '<script type="module" src="/widget/cention-chat.js"></script>',
  'module-low': DEMO_TAG,
  'module-async': '<script type="module" async src="/widget/cention-chat.js"></script>',
  // A classic tag in <head> without `defer` blocks rendering until it has loaded.
  classic: '<script src="/widget/cention-chat.iife.js"></script>',
  'classic-defer': '<script defer src="/widget/cention-chat.iife.js"></script>',
  // README's page-speed snippet: the call-queue stub, then the module entry imported after `load`
  // and the next frame's paint, so no widget request is in flight before the page's first paint.
  snippet: `<script>${SNIPPET.replace('https://your-host/widget/', '/widget/')}</script>`,
};
type Variant = keyof typeof TAGS;
type Protocol = 'h1' | 'h2';

function listOption<T extends string>(name: string, all: readonly T[]): T[] {
  const value = option(name);
  if (value === undefined) return [...all];
  const picked = value.split(',') as T[];
  const unknown = picked.filter((item) => !all.includes(item));
  if (unknown.length > 0) throw new Error(`--${name}: unknown ${unknown.join(', ')}`);
  return picked;
}
const VARIANTS = listOption('variants', Object.keys(TAGS) as Variant[]);
if (!VARIANTS.includes('none')) VARIANTS.unshift('none');
const PROTOCOLS = listOption<Protocol>('protocols', ['h1', 'h2']);

/** The demo home page, with the widget's script tag as each variant has it (or no widget). */
function demoPage(variant: Variant, origin: string): string {
  const html = readFileSync(DEMO_PAGE, 'utf8').replaceAll('http://127.0.0.1:8080', origin);
  if (!html.includes(DEMO_TAG)) throw new Error(`demo/index.html no longer holds ${DEMO_TAG}`);
  const page = html.replace(DEMO_TAG, TAGS[variant]);
  return variant === 'none' ? page.replace(/<cention-chat[\s\S]*?<\/cention-chat>/, '') : page;
}

async function loadLighthouse() {
  const dir = process.env.LIGHTHOUSE_DIR ?? process.cwd();
  const require = createRequire(resolve(dir, 'package.json'));
  try {
    const lighthouse = await import(pathToFileURL(require.resolve('lighthouse')).href);
    const launcher = await import(pathToFileURL(require.resolve('chrome-launcher')).href);
    return { lighthouse: lighthouse.default, launch: launcher.launch };
  } catch {
    console.error(`lighthouse: not found from ${dir}; see the comment at the top of this file.`);
    process.exit(1);
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const pages = new Map<string, string>();
const plugin: ServerPlugin = {
  name: 'lighthouse-pages',
  register({ app }) {
    app.get<{ Params: { page: string } }>('/lighthouse/:page', async (request, reply) => {
      const page = pages.get(request.params.page);
      return page === undefined
        ? reply.code(404).send('no such page')
        : reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
    });
  },
};

const { lighthouse, launch } = await loadLighthouse();
const server = await startBenchServer([plugin]);
const front = PROTOCOLS.includes('h2')
  ? await startH2Front(server.url, resolve(process.env.LIGHTHOUSE_DIR ?? '.data/lighthouse', 'tls'))
  : undefined;
const origins: Record<Protocol, string> = {
  h1: new URL(server.url).origin,
  h2: front?.origin ?? '',
};
for (const protocol of PROTOCOLS) {
  for (const variant of VARIANTS) {
    pages.set(`${protocol}-${variant}`, demoPage(variant, origins[protocol]));
  }
}

const chrome = await launch({
  chromePath: chromiumPath(),
  // The HTTP/2 front's certificate is self-signed.
  chromeFlags: ['--headless=new', '--ignore-certificate-errors', ...chromiumFlags],
});
interface Runs {
  fcp: number[];
  lcp: number[];
  score: number[];
}
const rows = PROTOCOLS.flatMap((protocol) => VARIANTS.map((variant) => `${protocol}-${variant}`));
const runs = new Map<string, Runs>(rows.map((row) => [row, { fcp: [], lcp: [], score: [] }]));
if (SAVE_DIR) mkdirSync(SAVE_DIR, { recursive: true });
try {
  // Round by round rather than variant by variant: the machine is shared, and a busy minute then
  // slows one run of every variant instead of all runs of one.
  for (let run = 0; run < RUNS; run += 1) {
    for (const row of rows) {
      const protocol = row.slice(0, 2) as Protocol;
      const result = await lighthouse(`${origins[protocol]}/lighthouse/${row}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      const audits = result.lhr.audits;
      const measured = runs.get(row)!;
      measured.fcp.push(audits['first-contentful-paint'].numericValue);
      measured.lcp.push(audits['largest-contentful-paint'].numericValue);
      measured.score.push(Math.round(result.lhr.categories.performance.score * 100));
      if (SAVE_DIR) {
        writeFileSync(resolve(SAVE_DIR, `${row}-${run + 1}.json`), JSON.stringify(result.lhr));
      }
    }
  }
} finally {
  await chrome.kill();
  await front?.close();
  await server.close();
}

const ms = (value: number) => `${Math.round(value)} ms`.padStart(8);
const summary = (row: string) => {
  const measured = runs.get(row)!;
  return { fcp: median(measured.fcp), lcp: median(measured.lcp), score: median(measured.score) };
};
console.log(
  `Lighthouse mobile (simulated 4G), median of ${RUNS}        FCP      LCP  score    ΔFCP    ΔLCP`,
);
for (const protocol of PROTOCOLS) {
  const none = summary(`${protocol}-none`);
  for (const variant of VARIANTS) {
    const { fcp, lcp, score } = summary(`${protocol}-${variant}`);
    const label = `${protocol === 'h1' ? 'HTTP/1.1' : 'HTTP/2  '} widget: ${variant}`;
    console.log(
      `${label.padEnd(44)} ${ms(fcp)} ${ms(lcp)} ${String(score).padStart(6)} ${ms(fcp - none.fcp)} ${ms(lcp - none.lcp)}`,
    );
  }
}
console.log('\nEvery run (FCP / LCP, ms):');
for (const row of rows) {
  const measured = runs.get(row)!;
  const each = measured.fcp.map((fcp, i) => `${Math.round(fcp)}/${Math.round(measured.lcp[i]!)}`);
  console.log(`  ${row.padEnd(18)} ${each.join('  ')}`);
}
