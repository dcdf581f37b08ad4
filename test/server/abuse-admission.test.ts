/**
 * Abuse proofs for admission control (issue 13), bounded and on loopback only: the flooding client
 * is 127.0.1.2, the real visitor 127.0.2.3. Each test prints what it measured (`# measured: …`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_ADMISSION } from '../../demo/server/admission.js';
import type { RunningServer } from '../../demo/server/app.js';
import type { ServerPlugin } from '../../demo/server/robot-hook.js';
import { MAX_FRAME_BYTES } from '../../demo/server/sockets/frames.js';
import { Agent } from './support/chat-clients.js';
import { openRawSocket, rawSocketURL, type RawSocket } from './support/raw-socket.js';
import { startTestServer, testConfig } from './support/test-server.js';

const FLOODER = '127.0.1.2';
const VISITOR = '127.0.2.3';

const measured = (what: string) => console.log(`# measured: ${what}`);

/** The real defaults, not the raised limits of the other server tests. */
const withDefaults = (extra: Parameters<typeof startTestServer>[0] = {}) =>
  startTestServer({ admission: DEFAULT_ADMISSION, ...extra });

const register = (socket: RawSocket, id: number, area = 1) =>
  socket.send('register', { area, name: 'Flood', email: '', message: `flood ${id}` }, id);

async function closeAll(sockets: RawSocket[]): Promise<void> {
  for (const socket of sockets) socket.close();
  await Promise.all(sockets.map((socket) => socket.closed));
}

describe('admission control', () => {
  it('a register flood from one address leaves a real visitor’s place in the queue alone', async () => {
    const server = await withDefaults();
    const sockets: RawSocket[] = [];
    try {
      const url = rawSocketURL(server.baseURL, 'external');
      const real = await openRawSocket(url, { localAddress: VISITOR });
      sockets.push(real);
      register(real, 1);
      const firstPosition = await real.next((event) => event.event === 'queue');
      assert.equal(firstPosition.args[0], 1);

      // 20 sockets × 25 registers = 500 attempts from one address, as fast as they go.
      const flood = await Promise.all(
        Array.from({ length: 20 }, () => openRawSocket(url, { localAddress: FLOODER })),
      );
      sockets.push(...flood);
      const started = Date.now();
      for (const [index, socket] of flood.entries()) {
        for (let n = 0; n < 25; n++) register(socket, index * 100 + n + 1);
      }
      const answers = await Promise.all(
        flood.map((socket) =>
          Promise.all(
            Array.from({ length: 25 }, (_, n) =>
              socket.next((event) => event.re === flood.indexOf(socket) * 100 + n + 1, 10_000),
            ),
          ),
        ),
      );
      const elapsed = Date.now() - started;
      const all = answers.flat();
      const created = all.filter((event) => event.event === 'register').length;
      const refused = all.filter(
        (event) =>
          event.event === 'error' && (event.args[0] as { code: string }).code === 'rate_limited',
      ).length;
      measured(
        `register flood: ${all.length} attempts in ${elapsed} ms, ${created} sessions, ${refused} refused rate_limited`,
      );
      assert.equal(created, DEFAULT_ADMISSION.newChatsPerAddress.burst);
      assert.equal(refused, all.length - created);
      const message = (all.find((event) => event.event === 'error')?.args[0] as { message: string })
        .message;
      assert.match(message, /try again in a minute/);

      // The real visitor is still first, and was never told another position; the wait estimate
      // it was given stands.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const positions = real.received.filter((event) => event.event === 'queue');
      assert.deepEqual(
        positions.map((event) => event.args[0]),
        [1],
      );
      const wait = (firstPosition.args[1] as { estimatedWaitSeconds?: number } | undefined)
        ?.estimatedWaitSeconds;
      measured(
        `real visitor during the flood: ${positions.length} queue event(s), position 1, estimated wait ${String(wait)} s, unchanged`,
      );
      // A visitor from another address still gets in.
      const other = await openRawSocket(url, { localAddress: '127.2.3.4' });
      sockets.push(other);
      register(other, 1);
      assert.equal((await other.next((event) => event.re === 1)).event, 'register');
    } finally {
      await closeAll(sockets);
      await server.close();
    }
  });

  it('caps connections per address and closes a connection that keeps sending refused frames', async () => {
    const server = await withDefaults({
      admission: { ...DEFAULT_ADMISSION, connectionsPerAddress: 30 },
    });
    const sockets: RawSocket[] = [];
    try {
      const url = rawSocketURL(server.baseURL, 'external');
      const opened = await Promise.all(
        Array.from({ length: 40 }, () => openRawSocket(url, { localAddress: FLOODER })),
      );
      sockets.push(...opened);
      const codes = await Promise.race([
        Promise.all(opened.slice(30).map((socket) => socket.closed)),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not closed')), 5000)),
      ]);
      measured(
        `40 sockets from one address with a cap of 30: ${opened.length - codes.length} kept, ${codes.length} closed (${codes[0]})`,
      );
      assert.deepEqual(new Set(codes), new Set([4429]));
      const kept = opened.slice(0, 30);
      assert.ok(kept.every((socket) => socket.socket.readyState === socket.socket.OPEN));
      // Another address is not affected.
      const other = await openRawSocket(url, { localAddress: VISITOR });
      sockets.push(other);
      assert.equal(other.socket.readyState, other.socket.OPEN);

      // Refused frames: answered while the connection has some left, then it is closed.
      const noisy = kept[0];
      assert.ok(noisy);
      const burst = DEFAULT_ADMISSION.refusedFrames.burst;
      for (let n = 0; n < burst + 20; n++) noisy.socket.send('not json');
      assert.equal(await noisy.closed, 4400);
      const errors = noisy.received.filter((event) => event.event === 'error').length;
      measured(`bad frames: ${errors} answered with an error, then closed (4400)`);
      assert.ok(errors >= burst && errors <= burst + 20);
    } finally {
      await closeAll(sockets);
      await server.close();
    }
  });

  it('the transport refuses a WebSocket message far over 64 KiB before buffering it', async () => {
    const server = await withDefaults();
    try {
      const url = rawSocketURL(server.baseURL, 'external');
      const socket = await openRawSocket(url, { localAddress: FLOODER });
      const before = process.memoryUsage().rss;
      // 8 MiB in one message: faye-websocket's own limit would have been 64 MiB.
      socket.socket.send(`"${'x'.repeat(8 * 1024 * 1024)}"`);
      const code = await socket.closed;
      const grown = (process.memoryUsage().rss - before) / 1024 / 1024;
      measured(
        `8 MiB WebSocket message: connection closed with ${code}, RSS grew ${grown.toFixed(1)} MB (client and server in one process)`,
      );
      assert.equal(code, 1009); // "message too big"
      // Just over the frame limit is still answered by the server's own check, not cut off.
      const fine = await openRawSocket(url, { localAddress: FLOODER });
      fine.send('preview', { text: 'y'.repeat(MAX_FRAME_BYTES) }, 7);
      // (The id sits past the first 4 KiB the server looks at in a frame it will not parse.)
      const answer = await fine.next((event) => event.event === 'error');
      assert.equal((answer.args[0] as { code: string }).code, 'too_large');
      fine.close();
      // The polling transports' send bodies are capped in front of sockjs.
      const response = await fetch(`${server.baseURL}/socket/external/000/abcdef/xhr_send`, {
        method: 'POST',
        body: 'x'.repeat(2 * 1024 * 1024),
      });
      assert.equal(response.status, 413);
    } finally {
      await server.close();
    }
  });

  it('robot hand-over into a full queue tells the visitor `queue full`, not a position past it', async () => {
    const bot: ServerPlugin = {
      name: 'hand-over-bot',
      register: (context) =>
        context.registerRobot('hand-over-bot', {
          onNewChat: (chat) => context.chat.handover(chat.sessionId),
          onMessage: () => undefined,
          onPostback: () => undefined,
        }),
    };
    const config = testConfig([{ robot: 'hand-over-bot', queueCapacity: 3 }]);
    const server = await startTestServer({ config, plugins: [bot] });
    const sockets: RawSocket[] = [];
    try {
      const url = rawSocketURL(server.baseURL, 'external');
      const outcomes: string[] = [];
      for (let n = 1; n <= 5; n++) {
        const socket = await openRawSocket(url, { localAddress: VISITOR });
        sockets.push(socket);
        register(socket, n);
        const told = await socket.next(
          (event) => event.event === 'queue' || event.event === 'queue full',
        );
        outcomes.push(told.event === 'queue' ? `queue ${String(told.args[0])}` : 'queue full');
      }
      measured(`robot hand-over with queueCapacity 3: ${outcomes.join(', ')}`);
      assert.deepEqual(outcomes, ['queue 1', 'queue 2', 'queue 3', 'queue full', 'queue full']);
      assert.equal(server.store.queuedCount(1), 3);
    } finally {
      await closeAll(sockets);
      await server.close();
    }
  });

  it('an agent cannot leave a chat into a full queue', async () => {
    const server = await startTestServer({ config: testConfig([{ queueCapacity: 1 }]) });
    const sockets: RawSocket[] = [];
    try {
      const url = rawSocketURL(server.baseURL, 'external');
      const first = await openRawSocket(url, { localAddress: VISITOR });
      const second = await openRawSocket(url, { localAddress: VISITOR });
      sockets.push(first, second);
      register(first, 1);
      const session = (await first.next((event) => event.re === 1)).args[0] as {
        sessionId: number;
      };
      const alice = await Agent.signIn(server.baseURL, 'Alice');
      await alice.accept(session.sessionId);
      register(second, 1); // fills the queue
      await second.next((event) => event.event === 'queue');
      const answer = await alice.socket.request('leave', { sessionId: session.sessionId });
      assert.equal(answer.event, 'error');
      assert.equal((answer.args[0] as { code: string }).code, 'queue_full');
      assert.equal(server.store.queuedCount(1), 1);
      alice.close();
    } finally {
      await closeAll(sockets);
      await server.close();
    }
  });

  it('merges typing previews per chat: 20 tabs typing reach the agent as a few frames', async () => {
    const server: RunningServer = await withDefaults();
    const sockets: RawSocket[] = [];
    try {
      const url = rawSocketURL(server.baseURL, 'external');
      const first = await openRawSocket(url, { localAddress: VISITOR });
      sockets.push(first);
      register(first, 1);
      const session = (await first.next((event) => event.re === 1)).args[0] as {
        sessionId: number;
        sessionSecret: string;
      };
      const alice = await Agent.signIn(server.baseURL, 'Alice');
      await alice.accept(session.sessionId);
      const tabs = await Promise.all(
        Array.from({ length: 19 }, () => openRawSocket(url, { localAddress: VISITOR })),
      );
      sockets.push(...tabs);
      for (const tab of [first, ...tabs].slice(1)) {
        tab.send(
          'resume',
          { sessionId: session.sessionId, sessionSecret: session.sessionSecret },
          1,
        );
      }
      await Promise.all(tabs.map((tab) => tab.next((event) => event.re === 1)));
      const text = 'z'.repeat(5000);
      const started = Date.now();
      // 20 tabs × 20 previews of 5,000 characters within about a second.
      for (let round = 0; round < 20; round++) {
        for (const tab of [first, ...tabs]) tab.send('preview', { text: `${text}${round}` });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
      const elapsed = Date.now() - started;
      const previews = alice.socket.all('preview');
      const bytes = previews.reduce((sum, frame) => sum + JSON.stringify(frame).length, 0);
      measured(
        `400 previews from 20 tabs in ${elapsed} ms reached the agent as ${previews.length} frames (${bytes} bytes; unmerged: ${400 * 5030})`,
      );
      assert.ok(previews.length <= Math.ceil(elapsed / 250) + 1, `${previews.length} previews`);
      // The last text typed is the one the agent ends with.
      assert.equal(previews.at(-1)?.args[0].text, `${text}19`);
      alice.close();
    } finally {
      await closeAll(sockets);
      await server.close();
    }
  });
});
