/**
 * The pages the demo serves: the demo site pointed at this server, the widget build (compressed,
 * cached like a CDN, for any origin) and the SockJS client, and the error body for unknown
 * addresses.
 */
import assert from 'node:assert/strict';
import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { expectError, server, useHttpServer } from './support/http-server.js';

useHttpServer();

/** A GET with the given Accept-Encoding, body kept as sent (still compressed). */
function rawGet(
  url: string,
  acceptEncoding: string,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('pages and unknown addresses', () => {
  it('answers unknown addresses with the error body', async () => {
    await expectError(await fetch(`${server.baseURL}/nothing`), 404, 'not_found');
  });

  it('serves the demo site with the widget pointed at this server', async () => {
    const response = await fetch(server.url);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<cention-chat/);
    assert.ok(html.includes(`base-url="${server.baseURL}"`), 'base-url is this server');
    assert.match(html, /src="\/widget\/cention-chat\.js"/);
    const pricing = await fetch(`${server.url}pricing.html`);
    assert.equal(pricing.status, 200);
    assert.match(await pricing.text(), /<cention-chat/);
  });

  it('serves the widget build and the SockJS client', async () => {
    const widget = await fetch(`${server.url}widget/cention-chat.js`);
    assert.equal(widget.status, 200);
    assert.match(widget.headers.get('content-type') ?? '', /javascript/);
    const sockjs = await fetch(`${server.url}vendor/sockjs.min.js`);
    assert.equal(sockjs.status, 200);
  });

  it('serves the widget compressed, cached like a CDN, and to any origin', async () => {
    const entry = `${server.url}widget/cention-chat.js`;
    const plain = await fetch(entry, { headers: { 'accept-encoding': 'identity' } });
    const plainBody = Buffer.from(await plain.arrayBuffer());
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.match(plain.headers.get('vary') ?? '', /accept-encoding/i);

    // Node's fetch decodes the body; undici's raw byte count is not exposed, so ask with `http`.
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const response = await rawGet(entry, accept);
      assert.equal(response.headers['content-encoding'], encoding, accept);
      assert.match(String(response.headers['content-type']), /javascript/);
      const decoded =
        encoding === 'br' ? brotliDecompressSync(response.body) : gunzipSync(response.body);
      assert.ok(decoded.equals(plainBody), `${encoding} body decodes to the file`);
      assert.ok(response.body.length < plainBody.length / 2, `${encoding} is smaller`);
    }

    // Entries keep their names from release to release: short caching. Chunks are hashed: immutable.
    assert.equal(plain.headers.get('cache-control'), 'public, max-age=300');
    const loader = await fetch(`${server.url}widget/cention-chat.iife.js`);
    assert.equal(loader.headers.get('cache-control'), 'public, max-age=300');
    const chunk = /["'`](\.\/chunks\/[\w.-]+\.js)["'`]/.exec(plainBody.toString('utf8'))?.[1];
    assert.ok(chunk, 'the entry imports a chunk');
    const chunkResponse = await fetch(new URL(chunk, entry), {
      headers: { 'accept-encoding': 'br' },
    });
    assert.equal(chunkResponse.status, 200);
    assert.equal(chunkResponse.headers.get('cache-control'), 'public, max-age=31536000, immutable');

    // A site on another origin loads the module files in CORS mode.
    const crossOrigin = await fetch(entry, { headers: { origin: 'https://shop.example' } });
    assert.equal(crossOrigin.headers.get('access-control-allow-origin'), '*');
    assert.equal(crossOrigin.headers.get('cross-origin-resource-policy'), 'cross-origin');
  });
});
