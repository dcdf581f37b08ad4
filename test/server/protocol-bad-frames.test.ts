/**
 * Protocol conformance over real sockets (protocol.md §3–4), bad frames: each malformed frame is
 * answered with an error that keeps the connection and the session, and chat frames need a session.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectVisitorSocket, errorCode } from './support/chat-clients.js';
import { server, startChat, track, useProtocolServer } from './support/protocol-server.js';

useProtocolServer();

describe('bad frames', () => {
  it('answers each malformed frame with an error and keeps the connection and session', async () => {
    const { visitor } = await startChat();
    const socket = visitor.socket;
    const expectError = async (send: () => void, code: string) => {
      send();
      const error = await socket.waitFor('error');
      assert.equal(errorCode(error), code);
    };
    await expectError(() => socket.sendRaw('not json'), 'bad_frame');
    await expectError(() => socket.sendRaw('[1,2,3]'), 'bad_frame');
    await expectError(() => socket.sendRaw('{"data":{}}'), 'bad_frame');
    await expectError(() => socket.sendUnchecked('no such type', {}), 'bad_frame');
    await expectError(
      () => socket.sendUnchecked('chat message', { umid: 5, message: 'x' }),
      'bad_frame',
    );
    await expectError(() => socket.sendUnchecked('seen', { ids: 'all' }), 'bad_frame');
    await expectError(
      () =>
        socket.sendRaw(
          JSON.stringify({ type: 'preview', data: { text: 'x'.repeat(70_000) }, id: 77 }),
        ),
      'too_large',
    );
    const withId = await socket.request('chat message', { umid: 'u', message: '', mcount: 1 });
    assert.equal(withId.event, 'error', 'the error carries the frame id as re');
    assert.ok(socket.isOpen);
    const stillWorks = await visitor.say('still here');
    assert.ok(stillWorks.id > 0);
  });

  it('refuses chat frames before register or resume', async () => {
    const client = track(await connectVisitorSocket(server.baseURL));
    const answer = await client.request('chat message', { umid: 'u1', message: 'hi', mcount: 1 });
    assert.equal(answer.event, 'error');
    assert.equal(errorCode(answer), 'no_session');
  });
});
