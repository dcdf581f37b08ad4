/**
 * Gzip size (level 9, as `npm run size`) of each built entry, and of deep-chat's published files.
 *
 * An ES entry costs itself plus the chunks it imports statically (fetched before it runs); for the
 * module entry the bench also adds the lazy chunks a chat pulls in (panel, DOMPurify, SockJS), so
 * it can be set against a one-file bundle. The classic tag is the loader (`cention-chat.iife.js`)
 * plus the same module entry and chunks; `cention-chat.bundle.js` is the opt-in one-file build. deep-chat's package entry (`main`, `dist/deepChat.js`)
 * imports remarkable and other packages that an app's bundler adds; its self-contained
 * `dist/deepChat.bundle.js` (what a script tag or CDN serves) is the fair comparison, so the
 * ratios use that one.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchModule, BenchRow } from './bench-types.js';
import { ratio, round } from './stats.js';
import { DIST, ensureWidgetBuilt } from './widget-build.js';

const DEEP_CHAT_DIR = new URL('../node_modules/deep-chat/', import.meta.url);

const gzipBytes = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;
const kib = (bytes: number): number => round(bytes / 1024, 2);

/** Relative `import … from './x.js'` (and, with `withDynamic`, `import('./x.js')`) of a file. */
function importsOf(path: string, withDynamic: boolean): string[] {
  const code = readFileSync(path, 'utf8');
  const found = [
    ...code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"`();]*?from\s*)?["'](\.[^"']+)["']/g),
  ];
  if (withDynamic) found.push(...code.matchAll(/import\(\s*["'`](\.[^"'`]+)["'`]\s*\)/g));
  return found.map((match) => resolve(dirname(path), match[1] ?? ''));
}

/** The file and every file it imports, transitively: the gzip bytes summed over them. */
function closureBytes(entry: string, withDynamic: boolean): number {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of importsOf(path, withDynamic)) visit(imported);
  };
  visit(entry);
  return [...seen].reduce((sum, path) => sum + gzipBytes(path), 0);
}

export function runWidgetSize(): BenchRow[] {
  ensureWidgetBuilt();
  const moduleEntry = join(DIST, 'cention-chat.js');
  const launcher = closureBytes(moduleEntry, false);
  const moduleChat = closureBytes(moduleEntry, true);
  const loader = gzipBytes(join(DIST, 'cention-chat.iife.js'));
  const classicPage = loader + launcher;
  const bundle = gzipBytes(join(DIST, 'cention-chat.bundle.js'));
  // Without lit, dompurify and sockjs-client, which the app's bundler adds (and dedupes).
  const packageEntry = closureBytes(join(DIST, 'npm', 'index.js'), false);

  const deepChatPackage = JSON.parse(
    readFileSync(new URL('package.json', DEEP_CHAT_DIR), 'utf8'),
  ) as { version: string; main: string };
  const deepChatMain = gzipBytes(new URL(deepChatPackage.main, DEEP_CHAT_DIR).pathname);
  const deepChatBundle = gzipBytes(new URL('dist/deepChat.bundle.js', DEEP_CHAT_DIR).pathname);
  const deepChat = `deep-chat ${deepChatPackage.version}`;

  return [
    {
      name: 'cention-chat.js + static imports (launcher)',
      value: kib(launcher),
      unit: 'KiB gzip (every page)',
    },
    {
      name: 'cention-chat.js + lazy chunks (full chat)',
      value: kib(moduleChat),
      unit: 'KiB gzip (panel, DOMPurify, SockJS)',
    },
    {
      name: 'cention-chat.iife.js loader + cention-chat.js (classic tag)',
      value: kib(classicPage),
      unit: 'KiB gzip (every page)',
    },
    {
      name: 'cention-chat.iife.js loader + lazy chunks (full chat)',
      value: kib(loader + moduleChat),
      unit: 'KiB gzip (classic tag, chat opened)',
    },
    { name: 'cention-chat.bundle.js (opt-in one file)', value: kib(bundle), unit: 'KiB gzip' },
    {
      name: 'npm/index.js + static imports',
      value: kib(packageEntry),
      unit: 'KiB gzip (package entry, client; deps external)',
    },
    {
      name: `${deepChat}: dist/deepChat.bundle.js`,
      value: kib(deepChatBundle),
      unit: 'KiB gzip (self-contained bundle)',
    },
    {
      name: `${deepChat}: ${deepChatPackage.main.replace(/^\.\//, '')}`,
      value: kib(deepChatMain),
      unit: 'KiB gzip (package main; + remarkable …)',
    },
    {
      name: '  ratio launcher / deep-chat bundle',
      value: ratio(launcher, deepChatBundle),
      unit: '×',
    },
    {
      name: '  ratio classic tag page / deep-chat bundle',
      value: ratio(classicPage, deepChatBundle),
      unit: '×',
    },
    {
      name: '  ratio full chat (module) / deep-chat bundle',
      value: ratio(moduleChat, deepChatBundle),
      unit: '×',
    },
    {
      name: '  ratio cention-chat.bundle.js / deep-chat bundle',
      value: ratio(bundle, deepChatBundle),
      unit: '×',
    },
  ];
}

export const widgetSizeBench: BenchModule = {
  name: 'bundle size vs deep-chat',
  run: async () => runWidgetSize(),
};
