/**
 * Uploads (issue 13): a wrong secret is refused before the file's bytes are read (when the fields
 * come first, as well-made clients send them), and uploads are limited per address.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEFAULT_ADMISSION } from '../../demo/server/admission.js';
import { Visitor } from './support/chat-clients.js';
import { startTestServer } from './support/test-server.js';

const measured = (what: string) => console.log(`# measured: ${what}`);
const BOUNDARY = 'cention-abuse-boundary';

it('a 9 MB upload with a wrong secret is refused before its body is read', async () => {
  const server = await startTestServer();
  try {
    const visitor = await Visitor.connect(server.baseURL);
    const session = await visitor.register();
    const head = Buffer.from(
      [
        `--${BOUNDARY}`,
        'Content-Disposition: form-data; name="session"',
        '',
        String(session.sessionId),
        `--${BOUNDARY}`,
        'Content-Disposition: form-data; name="sessionSecret"',
        '',
        'wrong-secret',
        `--${BOUNDARY}`,
        'Content-Disposition: form-data; name="uploadfile"; filename="big.pdf"',
        'Content-Type: application/pdf',
        '',
        '',
      ].join('\r\n'),
    );
    const total = 9 * 1024 * 1024;
    let streamed = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      async pull(controller) {
        // 9 MB at 64 KB every 10 ms: about 1.5 s to send it all.
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (streamed >= total) return controller.close();
        streamed += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const started = Date.now();
    const response = await fetch(`${server.baseURL}/socket/external.api/upload`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body,
      duplex: 'half',
    } as RequestInit);
    const took = Date.now() - started;
    const sentAtAnswer = streamed;
    await response.body?.cancel();
    measured(
      `wrong-secret 9 MB upload: HTTP ${response.status} after ${took} ms, ${(sentAtAnswer / 1024 / 1024).toFixed(2)} MB of 9 sent by then`,
    );
    assert.equal(response.status, 403);
    assert.ok(sentAtAnswer < total / 4, `${sentAtAnswer} bytes sent before the answer`);
    visitor.close();
  } finally {
    await server.close();
  }
});

it('uploads are limited per address: 40 in a row, the first 10 are taken', async () => {
  const server = await startTestServer({ admission: DEFAULT_ADMISSION });
  try {
    const visitor = await Visitor.connect(server.baseURL);
    const session = await visitor.register();
    const statuses: number[] = [];
    for (let n = 0; n < 40; n++) {
      const form = new FormData();
      form.set('session', String(session.sessionId));
      form.set('sessionSecret', session.sessionSecret);
      form.set(
        'uploadfile',
        new Blob([Buffer.alloc(1024, n)], { type: 'application/pdf' }),
        'a.pdf',
      );
      const response = await fetch(`${server.baseURL}/socket/external.api/upload`, {
        method: 'POST',
        body: form,
      });
      statuses.push(response.status);
      await response.body?.cancel();
    }
    const taken = statuses.filter((status) => status === 200).length;
    measured(
      `40 uploads from one address: ${taken} taken, ${statuses.filter((s) => s === 429).length} refused 429`,
    );
    assert.equal(taken, DEFAULT_ADMISSION.uploads.burst);
    assert.equal(statuses.filter((status) => status === 429).length, 40 - taken);
    visitor.close();
  } finally {
    await server.close();
  }
});
