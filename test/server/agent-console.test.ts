/**
 * The agent console as `npm start` ships it: built with Vite's JS API and served at /agent with its
 * assets; without a build, /agent says how to get one.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { buildAgentConsole } from '../../demo/agent/build.js';
import { startTestServer } from './support/test-server.js';

const outDir = mkdtempSync(join(tmpdir(), 'cention-agent-build-'));
after(() => rmSync(outDir, { recursive: true, force: true }));

it('builds the console and serves it at /agent with its script', async () => {
  await buildAgentConsole(outDir);
  const server = await startTestServer({ agentConsoleDir: outDir });
  try {
    const page = await fetch(`${server.url}agent`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<agent-console base-path="\/s\/demo"><\/agent-console>/);
    const script = /src="(\/agent\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, 'the page loads a built script');
    const js = await fetch(new URL(script, server.url));
    assert.equal(js.status, 200);
    const code = await js.text();
    // The bundle registers the element and talks to the agent socket.
    assert.ok(code.includes('agent-console'));
    assert.ok(code.includes('/socket/agent'));
  } finally {
    await server.close();
  }
});

it('explains how to build the console when it is missing', async () => {
  const server = await startTestServer({ agentConsoleDir: join(outDir, 'missing') });
  try {
    const page = await fetch(`${server.url}agent`);
    assert.equal(page.status, 503);
    assert.match(await page.text(), /npm start/);
  } finally {
    await server.close();
  }
});
