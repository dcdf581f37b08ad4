/**
 * The routes a visitor's widget and an agent's console use for errands and the library, as an
 * attacker and a user would try them: leaving a message (validated, area checked, huge bodies
 * refused before they are read, a flood from one address stopped), searching the library (a few
 * plain-text answers, rate-limited), and the console's errand list, reply and close (the agent's
 * token required, only the agent's own areas).
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import { Agent } from './support/chat-clients.js';
import { startTestServer } from './support/test-server.js';

let server: RunningServer;
let api: string;

before(async () => {
  server = await startTestServer({
    contactCenter: {
      visitorErrandLimit: { burst: 1000, perSecond: 100 },
      visitorSearchLimit: { burst: 1000, perSecond: 100 },
    },
  });
  api = `${server.baseURL}/api`;
});
after(() => server.close());

const form = (overrides: Record<string, unknown> = {}) => ({
  area: 2,
  name: 'Vera',
  email: 'vera@example.com',
  message: 'Please call me about Fibre 1000.',
  ...overrides,
});

const leaveMessage = (body: unknown, base = api) =>
  fetch(`${base}/errands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/**
 * POSTs to `address` announcing 5 MB but sending only `start`, and resolves with the status the
 * server answers: an answer at all means it decided without reading the body.
 */
function statusWithoutBody(
  address: string,
  start: string,
  headers: Record<string, string> = {},
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const url = new URL(address);
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': 5_000_000, ...headers },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      },
    );
    request.on('error', reject);
    request.write(start);
  });
}

async function expectError(response: Response, status: number, code: string): Promise<void> {
  assert.equal(response.status, status);
  const body = (await response.json()) as { error: { code: string } };
  assert.equal(body.error.code, code);
}

describe('leave a message', () => {
  it('creates an open errand from the form and tells the visitor only its id', async () => {
    const response = await leaveMessage(form());
    assert.equal(response.status, 201);
    const body = (await response.json()) as { id: number; status: string };
    assert.deepEqual(Object.keys(body).sort(), ['id', 'status']);
    const stored = server.store.errands.byId(body.id);
    assert.equal(stored?.source, 'chat');
    assert.equal(stored?.areaId, 2);
    assert.equal(stored?.message, 'Please call me about Fibre 1000.');
    // The chat API's CORS: a customer's page on another origin may send it.
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
  });

  it('validates like the start form and checks the area', async () => {
    await expectError(await leaveMessage(form({ email: 'vera' })), 400, 'bad_request');
    await expectError(await leaveMessage(form({ name: '   ' })), 400, 'bad_request');
    await expectError(await leaveMessage(form({ message: '' })), 400, 'bad_request');
    await expectError(await leaveMessage(form({ area: 'two' })), 400, 'bad_request');
    await expectError(await leaveMessage(form({ area: 99 })), 404, 'no_area');
    await expectError(await leaveMessage(form({ message: 'x'.repeat(4001) })), 400, 'bad_request');
  });

  it('refuses a huge body with 413 without reading it all', async () => {
    // 5 MB announced, a little sent: the server answers from the Content-Length alone.
    const status = await statusWithoutBody(`${api}/errands`, '{"name":"');
    assert.equal(status, 413);
  });

  it('stops a flood from one address with 429 before the body is read', async () => {
    const strict = await startTestServer();
    try {
      const base = `${strict.baseURL}/api`;
      const answers: number[] = [];
      for (let index = 0; index < 8; index++)
        answers.push((await leaveMessage(form(), base)).status);
      assert.deepEqual(answers.slice(0, 5), [201, 201, 201, 201, 201]);
      assert.deepEqual(answers.slice(5), [429, 429, 429]);
      const refused = await leaveMessage(form(), base);
      assert.equal(refused.headers.get('retry-after'), '60');
      await expectError(refused, 429, 'rate_limited');
      assert.equal(strict.store.errands.list({ limit: 100 }).length, 5);
    } finally {
      await strict.close();
    }
  });
});

describe('visitor library search', () => {
  it('answers at most 5 plain-text answers of the area', async () => {
    const response = await fetch(
      `${api}/library/search?area=1&q=${encodeURIComponent('how long does deliv')}`,
    );
    assert.equal(response.status, 200);
    const { answers } = (await response.json()) as {
      answers: { question: string; answer: string }[];
    };
    assert.equal(answers[0]?.question, 'How long does delivery take?');
    const many = (await (
      await fetch(`${api}/library/search?area=1&q=invoice%20pay%20price%20router%20moving%20slow`)
    ).json()) as {
      answers: unknown[];
    };
    assert.ok(many.answers.length <= 5);
    const sales = (await (await fetch(`${api}/library/search?area=2&q=moving%20house`)).json()) as {
      answers: unknown[];
    };
    assert.deepEqual(sales.answers, []);
    await expectError(await fetch(`${api}/library/search?area=99&q=price`), 404, 'no_area');
    await expectError(
      await fetch(`${api}/library/search?area=1&limit=6&q=price`),
      400,
      'bad_request',
    );
    await expectError(
      await fetch(`${api}/library/search?area=1&q=${'x'.repeat(201)}`),
      400,
      'bad_request',
    );
  });

  it('is rate-limited per address', async () => {
    const strict = await startTestServer({
      contactCenter: { visitorSearchLimit: { burst: 3, perSecond: 0.01 } },
    });
    try {
      const search = () => fetch(`${strict.baseURL}/api/library/search?area=1&q=price`);
      for (let index = 0; index < 3; index++) assert.equal((await search()).status, 200);
      await expectError(await search(), 429, 'rate_limited');
    } finally {
      await strict.close();
    }
  });
});

describe('console errands', () => {
  const consoleCall = (path: string, token: string | null, body?: unknown) =>
    fetch(`${server.baseURL}/socket/agent.api/errands${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('lists the agent’s areas’ errands, replies (handled) and closes', async () => {
    const sales = (await (await leaveMessage(form({ area: 2 }))).json()) as { id: number };
    const support = (await (await leaveMessage(form({ area: 1 }))).json()) as { id: number };
    const bob = await Agent.signIn(server.baseURL, 'Bob'); // area 1 only
    const carol = await Agent.signIn(server.baseURL, 'Carol'); // area 2 only
    try {
      await expectError(await consoleCall('', null), 401, 'not_signed_in');
      await expectError(await consoleCall('', 'forged-token'), 401, 'not_signed_in');
      const listed = (await (await consoleCall('', carol.token)).json()) as {
        errands: { id: number; areaId: number }[];
      };
      assert.ok(listed.errands.some((errand) => errand.id === sales.id));
      assert.ok(listed.errands.every((errand) => errand.areaId === 2));
      // Bob does not serve area 2: to him the errand does not exist.
      await expectError(
        await consoleCall(`/${sales.id}/reply`, bob.token, { text: 'Hi' }),
        404,
        'not_found',
      );
      await expectError(
        await consoleCall(`/${sales.id}/reply`, carol.token, { text: ' ' }),
        400,
        'bad_request',
      );
      const replied = await consoleCall(`/${sales.id}/reply`, carol.token, {
        text: 'I will call you at 10.',
      });
      const { errand } = (await replied.json()) as {
        errand: { status: string; handledBy: string };
      };
      assert.equal(errand.status, 'handled');
      assert.equal(errand.handledBy, 'Carol');
      const closed = await consoleCall(`/${sales.id}/close`, carol.token, {});
      assert.equal(
        ((await closed.json()) as { errand: { status: string } }).errand.status,
        'closed',
      );
      const open = (await (await consoleCall('', carol.token)).json()) as {
        errands: { id: number }[];
      };
      assert.ok(
        !open.errands.some((item) => item.id === sales.id),
        'closed errands leave the list',
      );
      await expectError(
        await consoleCall(`/${sales.id}/reply`, carol.token, { text: 'again' }),
        409,
        'chat_closed',
      );
      const bobs = (await (await consoleCall('', bob.token)).json()) as {
        errands: { id: number }[];
      };
      assert.ok(bobs.errands.some((item) => item.id === support.id));
    } finally {
      bob.close();
      carol.close();
    }
  });
  it('refuses a wrong token before reading the body, and limits each address before the token', async () => {
    // 5 MB announced, a little sent, a guessed token: the answer comes without the body.
    const status = await statusWithoutBody(
      `${server.baseURL}/socket/agent.api/errands/1/reply`,
      '{"text":"',
      { authorization: 'Bearer guessed-token' },
    );
    assert.equal(status, 401);

    const strict = await startTestServer({
      contactCenter: { agentErrandLimit: { burst: 3, perSecond: 0.01 } },
    });
    const carol = await Agent.signIn(strict.baseURL, 'Carol');
    try {
      const list = (token: string) =>
        fetch(`${strict.baseURL}/socket/agent.api/errands`, {
          headers: { authorization: `Bearer ${token}` },
        });
      for (let guess = 0; guess < 3; guess++) {
        await expectError(await list(`guess-${guess}`), 401, 'not_signed_in');
      }
      // The guesses used up the address's burst: the next request is refused, even a real one.
      const limited = await list(carol.token);
      await expectError(limited, 429, 'rate_limited');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
    } finally {
      carol.close();
      await strict.close();
    }
  });
});
