/**
 * Conformance of the robot API endpoints (`/s/<workspace>/api/bot/*`, robot API document), close:
 * the robot closes a chat as its user, a closed chat answers 409 on every endpoint, and a missing
 * or unknown session is refused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstArg, itemOf } from './support/chat-clients.js';
import { api, errorOf, robotChat, useRobotApiServer } from './support/robot-api-server.js';

useRobotApiServer();

describe('robot API: close', () => {
  it('closes the chat as the robot user; a closed chat answers 409 everywhere', async () => {
    const { visitor, sessionId } = await robotChat();
    const answer = await api('close', { sessionId });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { closed: true });
    const ended = await visitor.nextMessage(
      (message) => itemOf(message)?.event === 'OWNER_ENDS_CHAT',
    );
    assert.equal(itemOf(ended)?.name, 'Robbie');
    assert.deepEqual(firstArg(await visitor.socket.waitFor('finish chat session')), {
      by: 'agent',
    });

    for (const path of ['close', 'message', 'comment', 'watemplate']) {
      const again = await api(path, {
        sessionId,
        contentType: 'text/plain',
        content: path === 'watemplate' ? { elementname: 'e', namespace: 'n', params: [] } : 'late',
      });
      assert.equal(again.status, 409, path);
      assert.equal(errorOf(again), `Session ${sessionId} is closed`, path);
    }
    visitor.close();
  });

  it('answers 400 for a missing sessionId and 404 for an unknown one', async () => {
    assert.equal((await api('close', {})).status, 400);
    assert.equal((await api('close', { sessionId: 424242 })).status, 404);
    assert.equal((await api('close', undefined, { raw: 'nope' })).status, 400);
  });
});
