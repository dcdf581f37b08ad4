/**
 * The package as an app gets it: `npm pack` of the built dist/, unpacked into a fresh app's
 * node_modules (its dependencies linked from this repo's, as npm would hoist them; offline). Then:
 * the React 19, Vue 3 and Lit apps in apps/ type-check with tsc against the shipped typings, build
 * with Vite, and run in Chromium (panel opened through the `open` property, or `show()` from Lit;
 * typed events received, one Lit);
 * and `import 'cention-chat/embed'` under Node does nothing instead of throwing.
 * Needs `npm run build` first (scripts/test.mjs runs it before this stage).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { buildTestAppBundle } from '../support/build-test-app.js';
import { chromiumFlags, chromiumPath } from '../support/chromium.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const APPS = fileURLToPath(new URL('./apps/', import.meta.url));
/** What the package's users install next to it (dependencies and the frameworks' packages). */
const LINKED = [
  'lit',
  'dompurify',
  'sockjs-client',
  'react',
  'react-dom',
  'vue',
  '@types/react',
  '@types/react-dom',
];

let appDir = '';
let browser: Browser;

/** `npm pack`s the repo and unpacks the tarball as node_modules/cention-chat of a new app. */
function installPackedPackage(): string {
  assert.ok(existsSync(join(REPO, 'dist/npm/embed.js')), 'dist/ is missing: run `npm run build`');
  const dir = mkdtempSync(join(tmpdir(), 'cention-package-'));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: REPO }).toString(),
  ) as { filename: string; files: { path: string }[] }[];
  const tarball = packed[0];
  assert.ok(tarball, 'npm pack made a tarball');
  const packageDir = join(dir, 'node_modules', 'cention-chat');
  mkdirSync(packageDir, { recursive: true });
  execFileSync('tar', [
    '-xzf',
    join(dir, tarball.filename),
    '-C',
    packageDir,
    '--strip-components=1',
  ]);
  for (const name of LINKED) {
    mkdirSync(join(dir, 'node_modules', name, '..'), { recursive: true });
    symlinkSync(join(REPO, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
  cpSync(APPS, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  return dir;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html' };

/** Builds `entry` with Vite and serves it on a page of its own; returns the page's address. */
async function buildAndServe(
  entry: string,
): Promise<{ url: string; server: Server; code: string }> {
  const outDir = join(appDir, `out-${entry.replace(/\W/g, '-')}`);
  await buildTestAppBundle({ root: appDir, input: join(appDir, entry), outDir });
  writeFileSync(
    join(outDir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title>' +
      '<script type="module" src="/app.js"></script></head><body><div id="app"></div></body></html>',
  );
  const server = createServer((request, response) => {
    const path = join(
      outDir,
      new URL(request.url ?? '/', 'http://x').pathname.slice(1) || 'index.html',
    );
    if (!path.startsWith(outDir) || !existsSync(path)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/plain' });
    response.end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const code = readdirSync(outDir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(outDir, name), 'utf8'))
    .join('\n');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, code };
}

/** Opens the app, clicks its own "Open the chat" button, and reports what the page then holds. */
async function openChatIn(url: string, button: RegExp, hasEventList: boolean) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(url);
    await page.getByRole('button', { name: button }).click();
    await page.getByRole('dialog', { name: /Chat|Support/ }).waitFor();
    return {
      errors,
      events: hasEventList
        ? await page.getByRole('list', { name: 'Widget events' }).innerText()
        : '',
      isOpen: await page.locator('cention-chat').evaluate((chat) => chat.hasAttribute('open')),
      // Set as properties (React 19 and Vue do so for names the element has), they reflect.
      attributes: await page
        .locator('cention-chat')
        .evaluate((chat) => [chat.getAttribute('base-url'), chat.getAttribute('area')]),
      litVersions: await page.evaluate(
        () => (globalThis as { litHtmlVersions?: string[] }).litHtmlVersions ?? [],
      ),
    };
  } finally {
    await page.close();
  }
}

/** Copies of lit-html's version stamp in a bundle: one per copy of Lit it holds. */
const litCopies = (code: string) =>
  code.match(/litHtmlVersions \?\?= \[\]\)\.push\(/g)?.length ?? 0;

describe('the packed package in an app', () => {
  before(async () => {
    appDir = installPackedPackage();
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumFlags });
  });
  after(async () => {
    await browser?.close();
    if (appDir) rmSync(appDir, { recursive: true, force: true });
  });

  it('ships no precompressed copies and no sources, and names its manifest', () => {
    const manifest = JSON.parse(
      readFileSync(join(appDir, 'node_modules/cention-chat/package.json'), 'utf8'),
    ) as { customElements: string };
    const files = readdirSync(join(appDir, 'node_modules/cention-chat'), { recursive: true }).map(
      String,
    );
    assert.ok(!files.some((file) => /\.(br|gz)$/.test(file)), 'no .br / .gz in the tarball');
    assert.ok(files.includes('LICENSE') && files.includes('README.md'));
    const elements = JSON.parse(
      readFileSync(join(appDir, 'node_modules/cention-chat', manifest.customElements), 'utf8'),
    ) as { modules: { declarations?: { tagName?: string; cssProperties?: unknown[] }[] }[] };
    const chat = elements.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === 'cention-chat');
    assert.ok((chat?.cssProperties?.length ?? 0) >= 20, 'every theme token is in the manifest');
  });

  it('type-checks the React 19, Vue 3 and Lit apps against the shipped typings', () => {
    const tsc = join(REPO, 'node_modules/typescript/bin/tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', join(appDir, 'tsconfig.json')], { cwd: appDir });
    } catch (error) {
      assert.fail(`tsc found errors:\n${String((error as { stdout?: Buffer }).stdout)}`);
    }
  });

  it('imports cention-chat/embed and cention-chat under Node without throwing (SSR)', () => {
    const script =
      "const embed = await import('cention-chat/embed'); const entry = await import('cention-chat');" +
      'console.log(JSON.stringify({ embed: Object.keys(embed), hasFactory: typeof entry.createCentionChat }));';
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: appDir,
    });
    assert.deepEqual(JSON.parse(output.toString()), {
      embed: ['createCentionChat'],
      hasFactory: 'function',
    });
  });

  for (const app of [
    { entry: 'react-app.tsx', button: /Open the chat from React/, events: true },
    { entry: 'vue-app.ts', button: /Open the chat from Vue/, events: true },
    { entry: 'lit-app.ts', button: /Open the chat from Lit/, events: false },
  ]) {
    it(`${app.entry}: builds, opens the panel (open property / show()), one copy of Lit`, async () => {
      const served = await buildAndServe(app.entry);
      try {
        assert.equal(litCopies(served.code), 1, 'the app bundle holds Lit once');
        const result = await openChatIn(served.url, app.button, app.events);
        assert.deepEqual(result.errors, []);
        assert.equal(result.isOpen, true);
        assert.deepEqual(result.attributes, ['http://127.0.0.1:9/s/none', '1']);
        assert.equal(
          result.litVersions.length,
          1,
          `one Lit at run time: ${result.litVersions.join()}`,
        );
        if (app.events) assert.match(result.events, /^open \{\}$/m, 'the typed open event arrived');
      } finally {
        served.server.close();
      }
    });
  }
});
