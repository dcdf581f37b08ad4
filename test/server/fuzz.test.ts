/**
 * Fuzz: thousands of random and mutated frames at both sockets, then a normal chat must still work
 * and every fuzzing connection must still be open. Seeded, so a failure can be replayed.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Agent, errorCode, firstArg, Visitor } from './support/chat-clients.js';
import { SocketClient } from './support/socket-client.js';
import { startTestServer, TEST_AGENT_PASSWORD } from './support/test-server.js';

const FRAMES = 3000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);

/** mulberry32: a tiny seeded PRNG. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

const VISITOR_TYPES = [
  'register',
  'resume',
  'chat message',
  'preview',
  'add attachment',
  'seen',
  'postback',
  'close chat',
];
const AGENT_TYPES = [
  'login',
  'accept',
  'chat',
  'message',
  'preview',
  'ack',
  'add agent',
  'remove agent',
  'leave',
  'end',
];
const WEIRD_VALUES: unknown[] = [
  null,
  true,
  -1,
  0,
  1,
  2 ** 53 + 7,
  1e308,
  -0,
  '',
  ' ',
  '1',
  'Alice',
  '\u0000\u0001',
  '<script>alert(1)</script>',
  '😀'.repeat(50),
  'x'.repeat(20_000),
  [],
  [1, 2, 3],
  ['a'],
  {},
  { id: 'abc' },
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
];
const FIELDS = [
  'area',
  'name',
  'email',
  'message',
  'umid',
  'text',
  'ids',
  'sessionId',
  'sessionSecret',
  'lastSeenId',
  'file',
  'title',
  'data',
  'externalData',
  'constructor',
];

function validVisitorFrame(sessionId: number, secret: string): Record<string, unknown> {
  const frames: Record<string, unknown>[] = [
    { type: 'register', data: { area: 1, name: 'Fuzz', email: 'f@x', message: 'hi' } },
    { type: 'resume', data: { sessionId, sessionSecret: secret, lastSeenId: 0 } },
    {
      type: 'chat message',
      data: { umid: `u${Math.floor(next() * 50)}`, message: 'hello', mcount: 1 },
    },
    { type: 'preview', data: { text: 'typing' } },
    { type: 'seen', data: { ids: [1, 2, 3] } },
    { type: 'postback', data: { title: 't', data: 'd' } },
    { type: 'add attachment', data: { file: { id: 'nope' } } },
  ];
  return structuredClone(pick(frames));
}

function mutate(frame: Record<string, unknown>, types: string[]): string {
  const roll = next();
  if (roll < 0.1)
    return Array.from({ length: Math.floor(next() * 200) }, () =>
      String.fromCharCode(Math.floor(next() * 0x2fff)),
    ).join('');
  if (roll < 0.15) return JSON.stringify(pick(WEIRD_VALUES));
  if (roll < 0.2) return JSON.stringify(frame).slice(0, Math.floor(next() * 40));
  const copy: Record<string, unknown> = {
    ...frame,
    id: next() < 0.8 ? Math.floor(next() * 1000) : pick(WEIRD_VALUES),
  };
  if (next() < 0.3) copy.type = pick([...types, pick(WEIRD_VALUES)]);
  const data = (
    typeof copy.data === 'object' && copy.data !== null ? { ...(copy.data as object) } : {}
  ) as Record<string, unknown>;
  const edits = 1 + Math.floor(next() * 3);
  for (let index = 0; index < edits; index++) {
    const field = pick(FIELDS);
    if (next() < 0.2) delete data[field];
    else data[field] = pick(WEIRD_VALUES);
  }
  copy.data = next() < 0.1 ? pick(WEIRD_VALUES) : data;
  if (next() < 0.02) return JSON.stringify({ ...copy, pad: 'x'.repeat(70_000) });
  return JSON.stringify(copy);
}

it(`survives ${FRAMES} random and mutated frames and still serves a normal chat`, async () => {
  // Unlimited frames, and no closing for refused ones: the fuzz is meant to reach the handlers.
  const unlimited = { perSecond: 100_000, burst: 100_000 };
  const server = await startTestServer({
    rateLimit: unlimited,
    admission: { refusedFrames: unlimited },
  });
  try {
    const victim = await Visitor.connect(server.baseURL);
    const victimSession = await victim.register({ message: 'I must survive the fuzz' });
    const visitors = await Promise.all(
      [1, 2, 3].map(() => SocketClient.connect(`${server.baseURL}/socket/external`)),
    );
    const agents = await Promise.all(
      [1, 2].map(() => SocketClient.connect(`${server.baseURL}/socket/agent`)),
    );
    agents[0]?.send('login', { name: 'Alice', password: TEST_AGENT_PASSWORD });

    for (let index = 0; index < FRAMES; index++) {
      const toAgent = next() < 0.3;
      const socket = toAgent ? pick(agents) : pick(visitors);
      const base = toAgent
        ? {
            type: pick(AGENT_TYPES),
            data: {
              sessionId: victimSession.sessionId,
              name: 'Bob',
              text: 'x',
              umid: 'a',
              ids: [1],
            },
          }
        : validVisitorFrame(
            victimSession.sessionId,
            next() < 0.5 ? victimSession.sessionSecret : 'wrong',
          );
      socket.sendRaw(mutate(base, toAgent ? AGENT_TYPES : VISITOR_TYPES));
      // Let the server breathe now and then, so frames interleave with its answers.
      if (index % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    }

    // Every fuzzing connection is still up and answering in order.
    // (Fuzzed ids collide with the client's own, so the answer is recognised by its message.)
    for (const socket of [...visitors, ...agents]) {
      socket.sendUnchecked('fuzz-sentinel', {});
      const answer = await socket.waitFor('error', (frame) =>
        firstArg<{ message: string }>(frame).message.includes('fuzz-sentinel'),
      );
      assert.equal(errorCode(answer), 'bad_frame');
      assert.ok(socket.isOpen);
    }
    assert.equal(Object.prototype.hasOwnProperty.call({}, 'polluted'), false);
    // Bad input is the client's fault: none of it may surface as an internal server error.
    const errors = [...visitors, ...agents].flatMap((socket) => socket.all('error'));
    const internal = errors.filter((frame) => errorCode(frame) === 'server_error');
    assert.deepEqual(internal, []);
    const handled = [...visitors, ...agents]
      .flatMap((socket) => socket.received)
      .filter((frame) => frame.event !== 'error');
    assert.ok(
      handled.length > 50,
      `some fuzzed frames were valid enough to be served (${handled.length})`,
    );

    // And a normal chat still works end to end.
    const visitor = await Visitor.connect(server.baseURL);
    const session = await visitor.register({ message: 'after the storm' });
    const agent = await Agent.signIn(server.baseURL, 'Bob');
    await agent.accept(session.sessionId);
    const sent = await visitor.say('still fine?');
    const atAgent = await agent.nextMessage(session.sessionId, (message) => message.id === sent.id);
    assert.equal(atAgent.text, 'still fine?');
    const reply = await agent.say(session.sessionId, 'yes');
    assert.equal((await visitor.nextMessage((message) => message.id === reply.id)).text, 'yes');
    const health = await fetch(`${server.baseURL}/socket/external.api/canchat?area=1`);
    assert.equal(health.status, 200);

    for (const socket of [...visitors, ...agents]) socket.close();
    victim.close();
    visitor.close();
    agent.close();
  } finally {
    await server.close();
  }
});

it('answers random HTTP requests with 2xx or a 4xx error body, never a 5xx', async () => {
  const server = await startTestServer();
  try {
    const paths = [
      '/socket/external.api/canchat',
      '/socket/external.api/upload',
      '/socket/external.api/download/',
      '/socket/external.api/savehistory',
      '/socket/external.api/printhistory',
      '/socket/agent.api/upload',
      '/socket/external.api/',
      '/api/bot/register',
    ];
    const params = ['area', 'secret', 't', 'sessionId', 'x'];
    const values = [
      '1',
      '-1',
      'abc',
      '',
      '%00',
      '9'.repeat(30),
      '1e3',
      '[]',
      '%E0%A4%A',
      'x'.repeat(300),
    ];
    for (let index = 0; index < 300; index++) {
      let path = pick(paths);
      if (path.endsWith('/download/')) path += pick(values);
      const query = Array.from(
        { length: Math.floor(next() * 4) },
        () => `${pick(params)}=${pick(values)}`,
      ).join('&');
      const method = next() < 0.6 ? 'GET' : 'POST';
      const init: RequestInit = { method };
      if (method === 'POST') {
        init.headers = {
          'content-type': pick([
            'multipart/form-data; boundary=B',
            'application/json',
            'text/plain',
          ]),
        };
        init.body = pick(['', '{}', '--B\r\n', '--B--', 'x'.repeat(2000)]);
      }
      const response = await fetch(`${server.baseURL}${path}${query ? `?${query}` : ''}`, init);
      assert.ok(response.status < 500, `${method} ${path}?${query} answered ${response.status}`);
      if (response.status >= 400) {
        const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
        assert.equal(typeof body.error?.code, 'string', `${method} ${path}?${query}`);
        assert.equal(typeof body.error?.message, 'string');
      } else {
        await response.arrayBuffer();
      }
    }
  } finally {
    await server.close();
  }
});
