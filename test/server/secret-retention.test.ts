/**
 * A closed chat's session secret keeps fetching the transcript and the chat's files for
 * `secretRetentionSeconds` (per area, else server-wide, else a day), then is refused exactly like
 * a wrong secret; `resume` answers `chat closed` throughout. The engine's clock is moved, not waited.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import type { ServerConfig } from '../../demo/server/config.js';
import { Agent, Visitor, type SessionInfo } from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';

const DAY_MS = 24 * 60 * 60 * 1000;

async function withServer(
  config: ServerConfig,
  body: (
    server: RunningServer,
    clock: { ms: number },
    track: <T extends { close(): void }>(client: T) => T,
  ) => Promise<void>,
): Promise<void> {
  const clock = { ms: Date.UTC(2026, 0, 5, 12, 0, 0) };
  const server = await startTestServer({ config, now: () => clock.ms });
  const clients: { close(): void }[] = [];
  try {
    await body(server, clock, (client) => {
      clients.push(client);
      return client;
    });
  } finally {
    for (const client of clients) client.close();
    await server.close();
  }
}

/** A chat with one uploaded file, ended by the visitor; `closedAt` is the clock at its end. */
async function endedChatWithFile(
  server: RunningServer,
  track: <T extends { close(): void }>(client: T) => T,
  area = 1,
): Promise<{ session: SessionInfo; download: string }> {
  const visitor = track(await Visitor.connect(server.baseURL));
  const session = await visitor.register({ area });
  const form = new FormData();
  form.set('session', String(session.sessionId));
  form.set('sessionSecret', session.sessionSecret);
  form.set('area', String(area));
  form.set('uploadfile', new Blob(['notes'], { type: 'application/pdf' }), 'notes.pdf');
  const uploaded = await fetch(`${server.baseURL}/socket/external.api/upload`, {
    method: 'POST',
    body: form,
  });
  assert.equal(uploaded.status, 200);
  const { download } = (await uploaded.json()) as { download: string };
  visitor.socket.send('close chat', {});
  await visitor.socket.waitFor('finish chat session');
  return { session, download };
}

/** Every request the secret authorises, as status codes (and the error code of a refusal). */
async function whatTheSecretOpens(
  server: RunningServer,
  { session, download }: { session: SessionInfo; download: string },
): Promise<Record<string, string>> {
  const api = `${server.baseURL}/socket/external.api`;
  const secret = encodeURIComponent(session.sessionSecret);
  const answer = async (response: Response): Promise<string> => {
    if (response.ok) return String(response.status);
    const body = (await response.json()) as { error: { code: string } };
    return `${response.status} ${body.error.code}`;
  };
  const form = new FormData();
  form.set('session', String(session.sessionId));
  form.set('sessionSecret', session.sessionSecret);
  form.set('area', String(session.areaId));
  form.set('uploadfile', new Blob(['late'], { type: 'application/pdf' }), 'late.pdf');
  const visitor = await Visitor.connect(server.baseURL);
  try {
    const resumed = await visitor.resume(session);
    return {
      savehistory: await answer(
        await fetch(`${api}/savehistory?area=${session.areaId}&secret=${secret}`),
      ),
      printhistory: await answer(await fetch(`${api}/printhistory?secret=${secret}`)),
      download: await answer(await fetch(`${download}?t=${secret}`)),
      downloadByHeader: await answer(
        await fetch(download, { headers: { authorization: `Bearer ${session.sessionSecret}` } }),
      ),
      upload: await answer(await fetch(`${api}/upload`, { method: 'POST', body: form })),
      resume:
        resumed.event === 'resume' && 'error' in resumed.args[0]
          ? resumed.args[0].error
          : 'resumed',
    };
  } finally {
    visitor.close();
  }
}

const STILL_WORKS = {
  savehistory: '200',
  printhistory: '200',
  download: '200',
  downloadByHeader: '200',
  upload: '409 chat_closed',
  resume: 'chat closed',
};
const RETIRED = {
  savehistory: '403 bad_secret',
  printhistory: '403 bad_secret',
  download: '403 bad_secret',
  downloadByHeader: '403 bad_secret',
  upload: '403 bad_secret',
  resume: 'chat closed',
};

describe('session secret retention', () => {
  it('works for a day after the chat ends (the default), then is refused like a wrong one', async () => {
    await withServer(testConfig(), async (server, clock, track) => {
      const chat = await endedChatWithFile(server, track);
      clock.ms += DAY_MS - 1000;
      assert.deepEqual(await whatTheSecretOpens(server, chat), STILL_WORKS);
      clock.ms += 2000;
      assert.deepEqual(await whatTheSecretOpens(server, chat), RETIRED);
      // The same answer as a secret that never existed: nothing tells a retired one apart.
      const wrong = { ...chat, session: { ...chat.session, sessionSecret: 'x'.repeat(32) } };
      const { resume: _resume, ...wrongAnswers } = await whatTheSecretOpens(server, wrong);
      const { resume: _retiredResume, ...retiredAnswers } = RETIRED;
      assert.deepEqual(wrongAnswers, retiredAnswers);
    });
  });

  it('an area setting overrides the server-wide one; an open chat’s secret never retires', async () => {
    const config = { ...testConfig([{ secretRetentionSeconds: 60 }]), secretRetentionSeconds: 10 };
    await withServer(config, async (server, clock, track) => {
      // Area 2 only queues with an agent of the area signed in.
      track(await Agent.signIn(server.baseURL, 'Carol'));
      const inArea1 = await endedChatWithFile(server, track, 1);
      const inArea2 = await endedChatWithFile(server, track, 2);
      const open = track(await Visitor.connect(server.baseURL));
      const openSession = await open.register({ area: 1 });

      clock.ms += 11_000;
      assert.deepEqual(await whatTheSecretOpens(server, inArea1), STILL_WORKS, 'area 1: 60 s');
      assert.deepEqual(
        await whatTheSecretOpens(server, inArea2),
        RETIRED,
        'area 2: server-wide 10 s',
      );
      clock.ms += 50_000;
      assert.deepEqual(await whatTheSecretOpens(server, inArea1), RETIRED);
      const transcript = await fetch(
        `${server.baseURL}/socket/external.api/savehistory?secret=${encodeURIComponent(openSession.sessionSecret)}`,
      );
      assert.equal(transcript.status, 200, 'an open chat keeps its secret');
    });
  });

  it('an agent of the area still downloads the files of a chat whose secret retired', async () => {
    await withServer(testConfig([{ secretRetentionSeconds: 1 }]), async (server, clock, track) => {
      const agent = track(await Agent.signIn(server.baseURL, 'Bob'));
      const chat = await endedChatWithFile(server, track);
      clock.ms += 2000;
      assert.equal((await fetch(`${chat.download}?t=${chat.session.sessionSecret}`)).status, 403);
      const byAgent = await fetch(chat.download, {
        headers: { authorization: `Bearer ${agent.token}` },
      });
      assert.equal(byAgent.status, 200);
      assert.equal(await byAgent.text(), 'notes');
    });
  });
});
