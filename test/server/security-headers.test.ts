/**
 * Response headers (issue 13): the console and the transcript pages get a strict policy and
 * cannot be framed; the widget and the visitor API stay loadable from any origin.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import { Visitor } from './support/chat-clients.js';
import { startTestServer } from './support/test-server.js';

let server: RunningServer;
before(async () => {
  const consoleDir = mkdtempSync(join(tmpdir(), 'cention-headers-'));
  writeFileSync(
    join(consoleDir, 'index.html'),
    '<!doctype html><style>body{margin:0}</style><agent-console></agent-console>',
  );
  server = await startTestServer({ agentConsoleDir: consoleDir });
});
after(() => server.close());

const headersOf = async (path: string) => (await fetch(new URL(path, server.url))).headers;

it('the console: strict CSP without unsafe-inline, no framing, nosniff, no Referer', async () => {
  const headers = await headersOf('/agent');
  const csp = headers.get('content-security-policy') ?? '';
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /style-src 'self' 'sha256-[\w+/=]+'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(headers.get('x-content-type-options'), 'nosniff');
  assert.equal(headers.get('referrer-policy'), 'no-referrer');
  assert.equal(headers.get('x-frame-options'), 'SAMEORIGIN');
});

it('the transcript pages: only their own hashed style and script, no framing', async () => {
  const visitor = await Visitor.connect(server.baseURL);
  const session = await visitor.register();
  const headers = (
    await fetch(
      `${server.baseURL}/socket/external.api/printhistory?secret=${session.sessionSecret}`,
    )
  ).headers;
  const csp = headers.get('content-security-policy') ?? '';
  assert.match(csp, /^default-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(headers.get('referrer-policy'), 'no-referrer');
  visitor.close();
});

it('the widget and the visitor API get no cross-origin policies; the demo page no script policy', async () => {
  for (const path of ['/s/demo/socket/external.api/canchat?area=1', '/widget/cention-chat.js']) {
    const headers = await headersOf(path);
    assert.match(
      headers.get('cross-origin-resource-policy') ?? 'cross-origin',
      /^cross-origin$/,
      path,
    );
    assert.equal(headers.get('cross-origin-embedder-policy'), null, path);
    assert.equal(headers.get('content-security-policy'), null, path);
  }
  const site = await headersOf('/');
  assert.doesNotMatch(site.get('content-security-policy') ?? '', /script-src|default-src/);
  assert.match(site.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
  assert.equal(site.get('x-content-type-options'), 'nosniff');
});
