/**
 * The HTTP endpoints upload and download, and the agent upload, with good and bad input: a file
 * is served only with the session secret, its download token or an agent's console token. Bad
 * input must always come back as a 4xx with `{error: {code, message}}`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Agent, itemOf, type SessionInfo } from './support/chat-clients.js';
import {
  api,
  expectError,
  newSession,
  open,
  server,
  useHttpServer,
} from './support/http-server.js';

useHttpServer();

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

const upload = (form: FormData) => fetch(`${api}/upload`, { method: 'POST', body: form });

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
