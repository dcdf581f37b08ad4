/**
 * The package's custom-elements manifest (dist/custom-elements.json, named by `customElements` in
 * package.json), as an editor or a docs tool reads it: every element the widget defines is in it
 * with its tag name, including the panel's inner elements, which register.ts defines from a table.
 * Needs the build (`npm test` builds before this stage).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  attributes?: Array<{ name: string }>;
}
interface Manifest {
  modules: Array<{
    path: string;
    declarations?: Declaration[];
    exports?: Array<{ kind: string; name: string; declaration: { name: string } }>;
  }>;
}

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { customElements: string };
const manifest = JSON.parse(readFileSync(packageJson.customElements, 'utf8')) as Manifest;
const registerSource = readFileSync('src/components/register.ts', 'utf8');
/** The lazily loaded views define their elements in their chunks' define functions. */
const chunkSources = ['end-views/end-views-chunk.ts', 'leave-message/leave-message-chunk.ts'].map(
  (file) => readFileSync(`src/components/${file}`, 'utf8'),
);

it('names every element the widget defines, with a definition export for each', () => {
  const tags = new Set(
    manifest.modules.flatMap((module) =>
      (module.declarations ?? []).flatMap((declaration) =>
        declaration.tagName ? [declaration.tagName] : [],
      ),
    ),
  );
  // Every tag register.ts defines, read from its source, plus the launcher element itself.
  const registered = [
    ...[...registerSource.matchAll(/'(cention-[a-z-]+)':\s*\w+/g)].map((m) => m[1] ?? ''),
    ...chunkSources.flatMap((source) =>
      [...source.matchAll(/customElements\.define\('(cention-[a-z-]+)'/g)].map((m) => m[1] ?? ''),
    ),
  ];
  assert.ok(registered.length >= 9, `defined tags read (${registered.length})`);
  for (const tag of ['cention-chat', ...registered]) {
    assert.ok(tags.has(tag), `${tag} is in the manifest`);
    const definitions = manifest.modules.flatMap((module) => module.exports ?? []);
    assert.ok(
      definitions.some((entry) => entry.kind === 'custom-element-definition' && entry.name === tag),
      `${tag} has a custom-element-definition export`,
    );
  }
});

it('documents the attributes a page sets on <cention-chat>', () => {
  const chat = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((declaration) => declaration.tagName === 'cention-chat');
  const attributes = new Set(chat?.attributes?.map((attribute) => attribute.name));
  for (const name of ['base-url', 'area', 'lang', 'transcript']) {
    assert.ok(attributes.has(name), `attribute ${name}`);
  }
});
