/**
 * The REST API under /v1 as an integration uses it: API keys (missing, malformed, wrong, revoked →
 * 401), errands (create, read, update, close), cursor pagination (stable while errands are added,
 * a forged cursor → 400), status/area/date filters, the library, the rate limit (429 with
 * Retry-After), one error shape everywhere, and the OpenAPI file matching the routes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import { createApiKey } from '../../demo/server/rest/api-keys.js';
import { startTestServer } from './support/test-server.js';

let server: RunningServer;
let v1: string;
let key: string;

before(async () => {
  server = await startTestServer({
    contactCenter: { apiRateLimit: { burst: 10_000, perSecond: 1000 } },
  });
  v1 = `${server.url}v1`;
  key = createApiKey(server.store, 'tests').key;
});
after(() => server.close());

type Json = Record<string, unknown>;
interface ErrandJson {
  id: number;
  status: string;
  areaId: number;
  createdAt: string;
  reply: string | null;
  handledBy: string | null;
  closedAt: string | null;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  token: string | null = key,
): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await fetch(`${v1}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Json,
    headers: response.headers,
  };
}

function assertError(result: { status: number; body: Json }, status: number, code: string): void {
  assert.equal(result.status, status, JSON.stringify(result.body));
  assert.deepEqual(Object.keys(result.body), ['error']);
  const error = result.body.error as { code: string; message: string };
  assert.equal(error.code, code);
  assert.ok(error.message.length > 0);
}

const newErrand = (overrides: Json = {}) => ({
  areaId: 1,
  name: 'Vera',
  email: 'vera@example.com',
  message: 'My router blinks red.',
  ...overrides,
});

async function createErrand(overrides: Json = {}): Promise<ErrandJson> {
  const result = await call('POST', '/errands', newErrand(overrides));
  assert.equal(result.status, 201, JSON.stringify(result.body));
  return result.body.data as ErrandJson;
}

describe('REST API: keys', () => {
  it('refuses a request without a key, with a malformed or wrong key, and a revoked one', async () => {
    assertError(await call('GET', '/errands', undefined, null), 401, 'unauthorized');
    assertError(await call('GET', '/errands', undefined, 'not-a-key'), 401, 'unauthorized');
    const real = createApiKey(server.store, 'to revoke');
    const wrongSecret = `${real.key.slice(0, -4)}AAAA`;
    assertError(await call('GET', '/errands', undefined, wrongSecret), 401, 'unauthorized');
    assert.equal((await call('GET', '/errands', undefined, real.key)).status, 200);
    server.store.apiKeys.revoke(real.id, Date.now());
    assertError(await call('GET', '/errands', undefined, real.key), 401, 'unauthorized');
  });

  it('stores only a hash of the key', () => {
    const made = createApiKey(server.store, 'hash check');
    const dump = JSON.stringify(server.store.db.prepare('SELECT * FROM api_keys').all());
    assert.ok(!dump.includes(made.key.split('_')[2] ?? 'x'), 'the secret part is not stored');
    assert.ok(dump.includes(made.id));
  });

  it('refuses before reading the body: a huge POST without a key is 401, not 413', async () => {
    const result = await call('POST', '/errands', { message: 'x'.repeat(200_000) }, null);
    assertError(result, 401, 'unauthorized');
  });
});

describe('REST API: errands', () => {
  it('creates, reads, updates and closes an errand', async () => {
    const created = await createErrand({ subject: 'Router' });
    assert.equal(created.status, 'open');
    const read = await call('GET', `/errands/${created.id}`);
    assert.equal((read.body.data as ErrandJson).id, created.id);
    const updated = await call('PUT', `/errands/${created.id}`, {
      status: 'handled',
      reply: 'Please restart it.',
    });
    assert.equal(updated.status, 200);
    const handled = updated.body.data as ErrandJson;
    assert.equal(handled.status, 'handled');
    assert.equal(handled.reply, 'Please restart it.');
    assert.equal(handled.handledBy, 'tests');
    const closed = await call('POST', `/errands/${created.id}/close`);
    assert.equal((closed.body.data as ErrandJson).status, 'closed');
    assert.ok((closed.body.data as ErrandJson).closedAt);
  });

  it('answers bad input with 400, unknown errands and areas with 404', async () => {
    assertError(await call('POST', '/errands', newErrand({ email: 'nope' })), 400, 'bad_request');
    assertError(await call('POST', '/errands', newErrand({ name: '  ' })), 400, 'bad_request');
    // Unknown fields are dropped (fastify's schema check removes them), never stored.
    const extra = await call('POST', '/errands', newErrand({ extra: 1, status: 'closed' }));
    assert.equal((extra.body.data as ErrandJson).status, 'open');
    assert.ok(!('extra' in (extra.body.data as Json)));
    assertError(await call('POST', '/errands', newErrand({ areaId: 99 })), 404, 'no_area');
    assertError(await call('GET', '/errands/999999'), 404, 'not_found');
    assertError(await call('GET', '/errands/abc'), 400, 'bad_request');
    assertError(await call('PUT', '/errands/999999', { status: 'open' }), 404, 'not_found');
    assertError(await call('PUT', '/errands/1', {}), 400, 'bad_request');
    assertError(await call('PUT', '/errands/1', { status: 'lost' }), 400, 'bad_request');
    assertError(await call('GET', '/nothing-here'), 404, 'not_found');
    const huge = await call('POST', '/errands', newErrand({ message: 'x'.repeat(100_000) }));
    assertError(huge, 413, 'too_large');
  });

  it('pages newest first with a cursor that stays stable while errands are added', async () => {
    const mine: number[] = [];
    for (let index = 0; index < 7; index++) mine.push((await createErrand({ areaId: 2 })).id);
    const first = await call('GET', '/errands?area=2&limit=3');
    const firstIds = (first.body.data as ErrandJson[]).map((errand) => errand.id);
    assert.deepEqual(firstIds, mine.slice(-3).reverse());
    const pagination = first.body.pagination as { has_more: boolean; next_cursor: string };
    assert.equal(pagination.has_more, true);
    // Errands arriving between two requests do not shift the next page.
    await createErrand({ areaId: 2 });
    await createErrand({ areaId: 2 });
    const second = await call('GET', `/errands?area=2&limit=3&after=${pagination.next_cursor}`);
    assert.deepEqual(
      (second.body.data as ErrandJson[]).map((errand) => errand.id),
      mine.slice(1, 4).reverse(),
    );
    const third = await call(
      'GET',
      `/errands?area=2&limit=3&after=${(second.body.pagination as { next_cursor: string }).next_cursor}`,
    );
    assert.deepEqual(
      (third.body.data as ErrandJson[]).map((errand) => errand.id),
      [mine[0]],
    );
    assert.deepEqual(third.body.pagination, { limit: 3, has_more: false, next_cursor: null });
  });

  it('refuses a cursor it did not give out', async () => {
    for (const cursor of [
      'garbage!',
      Buffer.from('v1:abc').toString('base64url'),
      'AAAA',
      'x'.repeat(200),
    ]) {
      assertError(
        await call('GET', `/errands?after=${encodeURIComponent(cursor)}`),
        400,
        'bad_request',
      );
    }
    assertError(await call('GET', '/errands?limit=0'), 400, 'bad_request');
    assertError(await call('GET', '/errands?limit=101'), 400, 'bad_request');
  });

  it('filters by status, area and creation date', async () => {
    const open = await createErrand({ areaId: 1 });
    const handled = await createErrand({ areaId: 1 });
    await call('PUT', `/errands/${handled.id}`, { status: 'handled' });
    const statuses = await call('GET', '/errands?status=handled&limit=100');
    const handledIds = (statuses.body.data as ErrandJson[]).map((errand) => errand.id);
    assert.ok(handledIds.includes(handled.id));
    assert.ok(!handledIds.includes(open.id));
    assert.ok((statuses.body.data as ErrandJson[]).every((errand) => errand.status === 'handled'));
    const area2 = await call('GET', '/errands?area=2&limit=100');
    assert.ok((area2.body.data as ErrandJson[]).every((errand) => errand.areaId === 2));
    const future = await call('GET', '/errands?from=2999-01-01');
    assert.deepEqual(future.body.data, []);
    const past = await call('GET', `/errands?to=2000-01-01T00:00:00Z`);
    assert.deepEqual(past.body.data, []);
    const today = new Date(open.createdAt).toISOString().slice(0, 10);
    const since = await call('GET', `/errands?from=${today}&limit=100`);
    assert.ok((since.body.data as ErrandJson[]).some((errand) => errand.id === open.id));
    assertError(await call('GET', '/errands?from=yesterday'), 400, 'bad_request');
    assertError(await call('GET', '/errands?status=lost'), 400, 'bad_request');
  });
});

describe('REST API: library', () => {
  it('lists libraries, categories and questions, and searches', async () => {
    const libraries = await call('GET', '/library');
    assert.equal((libraries.body.data as { questions: number }[])[0]?.questions, 16);
    const categories = (await call('GET', '/library/categories?area=2')).body.data as {
      areaIds: number[];
    }[];
    assert.ok(
      categories.length > 0 && categories.every((category) => category.areaIds.includes(2)),
    );
    const questions = (await call('GET', '/library/questions?category=5')).body.data as {
      categoryId: number;
    }[];
    assert.ok(questions.length > 0 && questions.every((question) => question.categoryId === 5));
    const hits = (await call('GET', '/library/search?q=moving%20house&area=1')).body.data as {
      question: string;
    }[];
    assert.match(hits[0]?.question ?? '', /moving house/);
    assertError(await call('GET', '/library/search'), 400, 'bad_request');
    assertError(await call('GET', '/library/search?q=x', undefined, null), 401, 'unauthorized');
  });
});

describe('REST API: rate limit', () => {
  it('answers 429 with Retry-After past the key’s limit, and other keys go on', async () => {
    const limited = await startTestServer({
      contactCenter: { apiRateLimit: { burst: 5, perSecond: 5 / 60 } },
    });
    try {
      const first = createApiKey(limited.store, 'busy').key;
      const second = createApiKey(limited.store, 'calm').key;
      const get = (token: string) =>
        fetch(`${limited.url}v1/errands`, { headers: { authorization: `Bearer ${token}` } });
      for (let index = 0; index < 5; index++) assert.equal((await get(first)).status, 200);
      const refused = await get(first);
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      assert.equal(refused.headers.get('x-ratelimit-limit'), '5');
      const body = (await refused.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'rate_limited');
      assert.match(body.error.message, /5 requests a minute/);
      assert.equal((await get(second)).status, 200);
    } finally {
      await limited.close();
    }
  });
});

describe('REST API: OpenAPI document', () => {
  const spec = JSON.parse(
    readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'),
  ) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const specRoutes = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} /v1${path}`),
  );

  it('lists every /v1 route the server has, and no route it does not have', () => {
    const served = server.contactCenter.apiRoutes.map(
      (route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`,
    );
    assert.ok(served.length >= 10);
    assert.deepEqual([...new Set(served)].sort(), [...specRoutes].sort());
  });

  it('is served by the server without a key', async () => {
    const response = await fetch(`${v1}/openapi.json`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), spec);
  });
});
