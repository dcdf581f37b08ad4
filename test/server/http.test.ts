/**
 * Every HTTP endpoint with good and bad input: canchat, upload, download, savehistory,
 * printhistory, the agent upload, and the pages the demo serves. Bad input must always come back
 * as a 4xx with `{error: {code, message}}`.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import { Agent, itemOf, Visitor, type SessionInfo } from './support/chat-clients.js';
import { startTestServer } from './support/test-server.js';

let server: RunningServer;
let api: string;
const open: { close(): void }[] = [];

before(async () => {
  server = await startTestServer();
  api = `${server.baseURL}/socket/external.api`;
});
after(async () => {
  for (const client of open) client.close();
  await server.close();
});

async function newSession(area = 1): Promise<{ visitor: Visitor; session: SessionInfo }> {
  const visitor = await Visitor.connect(server.baseURL);
  open.push(visitor);
  const session = await visitor.register({ area });
  return { visitor, session };
}

async function expectError(response: Response, status: number, code: string): Promise<void> {
  assert.equal(response.status, status, `status for ${code}`);
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.deepEqual(Object.keys(body), ['error']);
}

function uploadForm(
  session: SessionInfo,
  file: Blob,
  name: string,
  secret = session.sessionSecret,
): FormData {
  const form = new FormData();
  form.set('session', String(session.sessionId));
  form.set('sessionSecret', secret);
  form.set('area', String(session.areaId));
  form.set('uploadfile', file, name);
  return form;
}

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

const upload = (form: FormData) => fetch(`${api}/upload`, { method: 'POST', body: form });

describe('canchat', () => {
  it('reports open state, agents, features and opening hours', async () => {
    const response = await fetch(`${api}/canchat?area=1`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.chatOpen, true);
    assert.equal(body.agentsAvailable, 0);
    assert.equal(body.resumable, false);
    assert.deepEqual(body.feature, {
      'chat.attachment': true,
      'chat.max-attachment-size': 10 * 1024 * 1024,
      'chat.max-image-size': 5 * 1024 * 1024,
      'chat.external-source-page': true,
    });
    assert.equal(body.openingHours, 'always');
  });

  it('counts signed-in agents and says resumable only for a live session with its secret', async () => {
    const agent = await Agent.signIn(server.baseURL, 'Bob');
    open.push(agent);
    const { session } = await newSession();
    const live = (await (
      await fetch(
        `${api}/canchat?area=1&sessionId=${session.sessionId}&secret=${session.sessionSecret}`,
      )
    ).json()) as {
      resumable: boolean;
      agentsAvailable: number;
    };
    assert.equal(live.resumable, true);
    assert.equal(live.agentsAvailable, 1);
    const wrong = (await (
      await fetch(`${api}/canchat?area=1&sessionId=${session.sessionId}&secret=nope`)
    ).json()) as {
      resumable: boolean;
    };
    assert.equal(wrong.resumable, false);
  });

  it('rejects a missing or non-numeric area and an unknown area', async () => {
    await expectError(await fetch(`${api}/canchat`), 400, 'bad_request');
    await expectError(await fetch(`${api}/canchat?area=abc`), 400, 'bad_request');
    await expectError(await fetch(`${api}/canchat?area=42`), 404, 'no_area');
  });

  it('answers a CORS preflight', async () => {
    const response = await fetch(`${api}/upload`, { method: 'OPTIONS' });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
  });
});

describe('upload and download', () => {
  it('stores a file and serves it only with the session secret', async () => {
    const { session } = await newSession();
    const png = new Blob([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], { type: 'image/png' });
    const response = await upload(uploadForm(session, png, 'pic.png'));
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      id: string;
      download: string;
      value: string;
      size: number;
      sizeHuman: string;
      mime: string;
    };
    assert.equal(body.value, 'pic.png');
    assert.equal(body.size, 7);
    assert.equal(body.sizeHuman, '7 B');
    assert.equal(body.mime, 'image/png');
    assert.ok(body.download.startsWith(server.baseURL));

    const good = await fetch(`${body.download}?t=${encodeURIComponent(session.sessionSecret)}`);
    assert.equal(good.status, 200);
    assert.equal(good.headers.get('content-type'), 'image/png');
    assert.equal(good.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual([...new Uint8Array(await good.arrayBuffer())], [137, 80, 78, 71, 1, 2, 3]);

    await expectError(await fetch(`${body.download}?t=wrong-secret`), 403, 'bad_secret');
    await expectError(await fetch(body.download), 400, 'bad_request');

    // The download-only token of register's answer opens the file, so links need not carry the
    // secret; it is not the secret, and another chat's token does not open it.
    const token = session.downloadToken ?? '';
    assert.ok(token.length > 20 && token !== session.sessionSecret, 'a token of its own');
    assert.equal((await fetch(`${body.download}?t=${encodeURIComponent(token)}`)).status, 200);
    const stranger = (await newSession()).session.downloadToken ?? '';
    await expectError(
      await fetch(`${body.download}?t=${encodeURIComponent(stranger)}`),
      403,
      'bad_secret',
    );
    await expectError(
      await fetch(`${api}/download/nope?t=${session.sessionSecret}`),
      404,
      'not_found',
    );
    const other = await newSession();
    await expectError(
      await fetch(`${body.download}?t=${other.session.sessionSecret}`),
      403,
      'bad_secret',
    );
  });

  it('lets a signed-in agent of the area download with the console token', async () => {
    const { session } = await newSession();
    const response = await upload(
      uploadForm(session, new Blob(['abc'], { type: 'text/plain' }), 'a.txt'),
    );
    const { download } = (await response.json()) as { download: string };
    const agent = await Agent.signIn(server.baseURL, 'Bob');
    open.push(agent);
    const byAgent = await fetch(`${download}?t=${agent.token}`);
    assert.equal(await byAgent.text(), 'abc');
  });

  it('refuses too large files, refused types, wrong secrets, unknown and closed sessions', async () => {
    // Area 2 queues nobody while no agent of it is signed in.
    const carol = await Agent.signIn(server.baseURL, 'Carol');
    open.push(carol);
    const { session } = await newSession(2);
    await expectError(
      await upload(
        uploadForm(
          session,
          new Blob([new Uint8Array(2000)], { type: 'application/pdf' }),
          'big.pdf',
        ),
      ),
      413,
      'too_large',
    );
    await expectError(
      await upload(
        uploadForm(session, new Blob([new Uint8Array(600)], { type: 'image/png' }), 'big.png'),
      ),
      413,
      'too_large',
    );
    await expectError(
      await upload(uploadForm(session, new Blob(['x'], { type: 'text/html' }), 'x.html')),
      415,
      'bad_type',
    );
    await expectError(
      await upload(
        uploadForm(session, new Blob(['x'], { type: 'application/pdf' }), 'x.pdf', 'bad'),
      ),
      403,
      'bad_secret',
    );
    const ghost = { ...session, sessionId: 987_654 };
    await expectError(
      await upload(uploadForm(ghost, new Blob(['x'], { type: 'application/pdf' }), 'x.pdf')),
      404,
      'no_session',
    );

    const area1 = await newSession(1);
    // Larger than any area allows: the multipart reader stops it before it is buffered whole.
    await expectError(
      await upload(
        uploadForm(
          area1.session,
          new Blob([new Uint8Array(10 * 1024 * 1024 + 10)], { type: 'application/pdf' }),
          'huge.pdf',
        ),
      ),
      413,
      'too_large',
    );
    area1.visitor.socket.send('close chat', {});
    await area1.visitor.socket.waitFor('finish chat session');
    await expectError(
      await upload(uploadForm(area1.session, new Blob(['x'], { type: 'text/plain' }), 'x.txt')),
      409,
      'chat_closed',
    );
  });

  it('rejects a body that is not multipart or lacks fields', async () => {
    await expectError(
      await fetch(`${api}/upload`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
      415,
      'bad_request',
    );
    const form = new FormData();
    form.set('session', '1');
    await expectError(await upload(form), 400, 'bad_request');
    const truncated =
      '--X\r\nContent-Disposition: form-data; name="uploadfile"; filename="a.txt"\r\n\r\nhel';
    for (const [type, body] of [
      ['multipart/form-data; boundary=X', truncated],
      ['multipart/form-data', 'no boundary at all'],
    ] as const) {
      await expectError(
        await fetch(`${api}/upload`, { method: 'POST', headers: { 'content-type': type }, body }),
        400,
        'bad_request',
      );
    }
    const noSession = new FormData();
    noSession.set('uploadfile', new Blob(['x'], { type: 'text/plain' }), 'x.txt');
    await expectError(await upload(noSession), 400, 'bad_request');
  });

  it('lets an agent send a file into their chat through the agent upload', async () => {
    const { visitor, session } = await newSession();
    const agent = await Agent.signIn(server.baseURL, 'Alice');
    open.push(agent);
    await agent.accept(session.sessionId);
    const form = new FormData();
    form.set('token', agent.token);
    form.set('session', String(session.sessionId));
    form.set('uploadfile', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'invoice.pdf');
    const response = await fetch(`${server.baseURL}/socket/agent.api/upload`, {
      method: 'POST',
      body: form,
    });
    assert.equal(response.status, 200);
    const message = await visitor.nextMessage(
      (candidate) => itemOf(candidate)?.event === 'FILE_UPLOAD',
    );
    assert.equal(message.sender, 'AGENT');
    assert.equal(itemOf(message)?.fileName, 'invoice.pdf');

    form.set('token', 'forged');
    await expectError(
      await fetch(`${server.baseURL}/socket/agent.api/upload`, { method: 'POST', body: form }),
      401,
      'not_signed_in',
    );
  });
});

describe('transcripts', () => {
  it('savehistory downloads the escaped transcript as an HTML file', async () => {
    const { visitor, session } = await newSession();
    await visitor.say('<script>alert(1)</script> & more');
    const response = await fetch(
      `${api}/savehistory?area=1&secret=${encodeURIComponent(session.sessionSecret)}`,
    );
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /attachment; filename="chat-\d+\.html"/,
    );
    const html = await response.text();
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more'));
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(html.includes('Hello, I have a question'));
  });

  it('printhistory shows the transcript with a print button', async () => {
    const { session } = await newSession();
    const response = await fetch(
      `${api}/printhistory?area=1&secret=${encodeURIComponent(session.sessionSecret)}`,
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-disposition'), null);
    const html = await response.text();
    assert.match(html, /window\.print\(\)/);
    assert.match(html, /Vera Visitor/);
  });

  it('says "The visitor ended the chat." for a chat its visitor ended', async () => {
    const { visitor, session } = await newSession();
    visitor.socket.send('close chat', {});
    await visitor.socket.waitFor('finish chat session');
    const html = await (
      await fetch(`${api}/savehistory?area=1&secret=${encodeURIComponent(session.sessionSecret)}`)
    ).text();
    assert.match(html, /The visitor ended the chat\./);
    assert.doesNotMatch(html, /Client ended/);
  });

  it('a wrong or missing secret, or a wrong area, sees nothing', async () => {
    const { session } = await newSession();
    await expectError(await fetch(`${api}/savehistory?area=1&secret=wrong`), 403, 'bad_secret');
    await expectError(await fetch(`${api}/printhistory?area=1`), 400, 'bad_request');
    await expectError(
      await fetch(`${api}/savehistory?area=2&secret=${encodeURIComponent(session.sessionSecret)}`),
      403,
      'bad_secret',
    );
  });
});

describe('signed transcript links (no secret in the URL)', () => {
  // Signed here with node:crypto, as the widget signs with WebCrypto: HMAC-SHA256 keyed by the secret.
  const sign = (secret: string, sessionId: number, expires: number) =>
    createHmac('sha256', secret).update(`transcript:${sessionId}:${expires}`).digest('base64url');
  const link = (sessionId: number, expires: number, signature: string, endpoint = 'savehistory') =>
    `${api}/${endpoint}?area=1&session=${sessionId}&expires=${expires}&signature=${signature}`;
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

  it('opens the transcript, for save and for print, whatever area the page names', async () => {
    const { visitor, session } = await newSession();
    await visitor.say('signed and sealed');
    const expires = inAnHour();
    const signature = sign(session.sessionSecret, session.sessionId, expires);
    const saved = await fetch(link(session.sessionId, expires, signature));
    assert.equal(saved.status, 200);
    assert.match(saved.headers.get('content-disposition') ?? '', /attachment/);
    assert.ok((await saved.text()).includes('signed and sealed'));
    const printed = await fetch(link(session.sessionId, expires, signature, 'printhistory'));
    assert.equal(printed.status, 200);
    // The session, not the element, decides the area: a link naming another area still opens.
    const otherArea = link(session.sessionId, expires, signature).replace('area=1', 'area=2');
    assert.equal((await fetch(otherArea)).status, 200);
  });

  it('refuses a tampered, foreign, expired or too far-dated link', async () => {
    const { session } = await newSession();
    const other = (await newSession()).session;
    const expires = inAnHour();
    const good = sign(session.sessionSecret, session.sessionId, expires);
    const flipped = (good[0] === 'A' ? 'B' : 'A') + good.slice(1);
    await expectError(await fetch(link(session.sessionId, expires, flipped)), 403, 'bad_secret');
    // Another chat's signature, or this signature on another chat.
    const foreign = sign(other.sessionSecret, other.sessionId, expires);
    await expectError(await fetch(link(session.sessionId, expires, foreign)), 403, 'bad_secret');
    await expectError(await fetch(link(other.sessionId, expires, good)), 403, 'bad_secret');
    // A later expiry than the one signed.
    await expectError(await fetch(link(session.sessionId, expires + 1, good)), 403, 'bad_secret');
    await expectError(await fetch(link(999_999, expires, good)), 403, 'bad_secret');
    const past = Math.floor(Date.now() / 1000) - 1;
    const expired = sign(session.sessionSecret, session.sessionId, past);
    await expectError(await fetch(link(session.sessionId, past, expired)), 403, 'link_expired');
    // A link dated a year ahead would be a lasting key: refused however well signed.
    const farOff = inAnHour() + 365 * 24 * 3600;
    const lasting = sign(session.sessionSecret, session.sessionId, farOff);
    await expectError(await fetch(link(session.sessionId, farOff, lasting)), 403, 'link_expired');
    await expectError(
      await fetch(`${api}/savehistory?session=${session.sessionId}&expires=${expires}`),
      400,
      'bad_request',
    );
  });
});

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
