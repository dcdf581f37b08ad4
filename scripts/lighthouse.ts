/**
 * `npm run lighthouse`: Lighthouse (mobile profile, simulated 4G; median of 3 runs) on the demo
 * home page without the widget, with `<script type="module">` and with the classic loader, served
 * by the reference server (compressed, cached as /widget/ is). Prints FCP and LCP and how far the
 * widget moves them (target: under 50 ms for both script kinds).
 *
 * Lighthouse is not a dependency (150 packages for an occasional measurement): the npm script
 * installs lighthouse@12.2.3 (13 needs Node 22) into the git-ignored `.data/lighthouse` on first use
 * and points LIGHTHOUSE_DIR there. Uses Chromium at CHROME_PATH or /usr/bin/chromium.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startBenchServer } from '../bench/bench-server.js';
import type { ServerPlugin } from '../demo/server/robot-hook.js';
import { chromiumFlags, chromiumPath } from '../test/support/chromium.mjs';

const RUNS = 3;
const DEMO_PAGE = fileURLToPath(new URL('../demo/index.html', import.meta.url));
const MODULE_TAG = '<script type="module" src="/widget/cention-chat.js"></script>';

type Variant = 'none' | 'module' | 'classic' | 'classic-defer';
const VARIANTS: Variant[] = ['none', 'module', 'classic', 'classic-defer'];

/** The demo home page, with the widget's script tag as each variant has it (or no widget). */
function demoPage(variant: Variant, origin: string): string {
  const html = readFileSync(DEMO_PAGE, 'utf8').replaceAll('http://127.0.0.1:8080', origin);
  if (!html.includes(MODULE_TAG)) throw new Error(`demo/index.html no longer holds ${MODULE_TAG}`);
  if (variant === 'module') return html;
  if (variant === 'classic') {
    return html.replace(MODULE_TAG, '<script src="/widget/cention-chat.iife.js"></script>');
  }
  // A classic tag in <head> without `defer` blocks rendering until it has loaded.
  if (variant === 'classic-defer') {
    return html.replace(MODULE_TAG, '<script defer src="/widget/cention-chat.iife.js"></script>');
  }
  return html.replace(MODULE_TAG, '').replace(/<cention-chat[\s\S]*?<\/cention-chat>/, '');
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

const pages = new Map<Variant, string>();
const plugin: ServerPlugin = {
  name: 'lighthouse-pages',
  register({ app }) {
    app.get<{ Params: { variant: Variant } }>('/lighthouse/:variant', async (request, reply) => {
      const page = pages.get(request.params.variant);
      return page === undefined
        ? reply.code(404).send('no such page')
        : reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
    });
  },
};

const { lighthouse, launch } = await loadLighthouse();
const server = await startBenchServer([plugin]);
const origin = new URL(server.url).origin;
for (const variant of VARIANTS) pages.set(variant, demoPage(variant, origin));

const chrome = await launch({
  chromePath: chromiumPath(),
  chromeFlags: ['--headless=new', ...chromiumFlags],
});
const results = new Map<Variant, { fcp: number; lcp: number; score: number }>();
try {
  for (const variant of VARIANTS) {
    const fcp: number[] = [];
    const lcp: number[] = [];
    const score: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const result = await lighthouse(`${origin}/lighthouse/${variant}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      const audits = result.lhr.audits;
      fcp.push(audits['first-contentful-paint'].numericValue);
      lcp.push(audits['largest-contentful-paint'].numericValue);
      score.push(Math.round(result.lhr.categories.performance.score * 100));
    }
    results.set(variant, { fcp: median(fcp), lcp: median(lcp), score: median(score) });
  }
} finally {
  await chrome.kill();
  await server.close();
}

const ms = (value: number) => `${Math.round(value)} ms`.padStart(8);
console.log(
  `Lighthouse mobile (simulated 4G), median of ${RUNS}     FCP       LCP   score   ΔFCP    ΔLCP`,
);
for (const variant of VARIANTS) {
  const { fcp, lcp, score } = results.get(variant)!;
  const none = results.get('none')!;
  console.log(
    `${`demo page, widget: ${variant}`.padEnd(44)} ${ms(fcp)} ${ms(lcp)} ${String(score).padStart(6)} ${ms(fcp - none.fcp)} ${ms(lcp - none.lcp)}`,
  );
}
