/**
 * Conformance of the robot API endpoints (`/s/<workspace>/api/bot/*`, robot API document),
 * addresses: unknown endpoints and other methods answer with the API's error shape,
 * `{"error": {"message": …}}`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { api, errorOf, server, useRobotApiServer } from './support/robot-api-server.js';

useRobotApiServer();

describe('robot API: addresses', () => {
  it('answers unknown endpoints and other methods with the API’s error shape', async () => {
    const unknown = await api('dance', {});
    assert.equal(unknown.status, 404);
    assert.deepEqual(Object.keys(unknown.body), ['error']);
    assert.match(errorOf(unknown), /dance/);
    const get = await fetch(`${server.baseURL}/api/bot/register`);
    assert.equal(get.status, 404);
    assert.match(((await get.json()) as { error: { message: string } }).error.message, /GET/);
  });
});
