/**
 * Protocol conformance over real sockets (protocol.md §3–4), attachments and postbacks: an
 * uploaded file sent as a FILE_UPLOAD message, and a postback stored and shown to the agent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UploadResult } from '../../src/protocol/index.js';
import { firstArg, itemOf } from './support/chat-clients.js';
import { server, startChat, useProtocolServer } from './support/protocol-server.js';

useProtocolServer();

describe('attachments and postbacks over the socket', () => {
  it('turns an uploaded file into a FILE_UPLOAD message both sides see', async () => {
    const { visitor, session, agent } = await startChat({ name: 'Uma' });
    const form = new FormData();
    form.set('session', String(session.sessionId));
    form.set('sessionSecret', session.sessionSecret);
    form.set('area', '1');
    form.set('uploadfile', new Blob(['hello file'], { type: 'text/plain' }), 'notes.txt');
    const upload = (await (
      await fetch(`${server.baseURL}/socket/external.api/upload`, { method: 'POST', body: form })
    ).json()) as UploadResult;
    const answer = await visitor.socket.request('add attachment', {
      file: upload,
      umid: 'c-file-1',
    });
    assert.equal(answer.event, 'message sent');
    assert.equal(firstArg(answer).umid, 'c-file-1');
    const message = await visitor.nextMessage(
      (candidate) => itemOf(candidate)?.event === 'FILE_UPLOAD',
    );
    const item = itemOf(message) ?? {};
    assert.equal(item.fileName, 'notes.txt');
    assert.equal(item.sizeHuman, '10 B');
    const atAgent = await agent.nextMessage(
      session.sessionId,
      (candidate) => candidate.id === message.id,
    );
    assert.equal(atAgent.sender, 'CLIENT');
    const download = await fetch(
      `${String(item.fileDownload)}?t=${encodeURIComponent(session.sessionSecret)}`,
    );
    assert.equal(await download.text(), 'hello file');
  });

  it('stores a postback and shows it to the agent', async () => {
    const { visitor, session, agent } = await startChat();
    visitor.socket.send('postback', { title: 'Track order', data: 'track:1234' });
    const postback = firstArg(await agent.socket.waitFor('postback'));
    assert.deepEqual(postback, {
      sessionId: session.sessionId,
      title: 'Track order',
      data: 'track:1234',
    });
    const snapshot = firstArg(
      await agent.socket.request('chat', { sessionId: session.sessionId }, 'chat'),
    );
    assert.deepEqual(snapshot.postbacks, [{ title: 'Track order', data: 'track:1234' }]);
  });
});
