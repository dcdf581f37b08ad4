/**
 * Names cannot lie about direction (issue 13), server side so console, widget and transcripts all
 * get safe text; and a refused `resume` leaves the chat a connection already follows alone.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import { neutralName } from '../../demo/server/display-text.js';
import { Agent, errorCode, Visitor } from './support/chat-clients.js';
import { startTestServer } from './support/test-server.js';

let server: RunningServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

it('drops direction overrides and refuses names with nothing visible', async () => {
  assert.equal(neutralName('\u202Eecila (tnega)'), 'ecila (tnega)');
  assert.equal(neutralName('invoice\u202Egnp.exe'), 'invoicegnp.exe');
  assert.equal(neutralName('\u200B\u200B\u200D'), undefined);
  assert.equal(neutralName('Åsa Öberg'), 'Åsa Öberg');
  assert.equal(neutralName('مريم'), 'مريم', 'right-to-left names stay as written');

  const visitor = await Visitor.connect(server.baseURL);
  const session = await visitor.register({ name: '\u202Eecila (tnega)' });
  assert.equal(session.clientName, 'ecila (tnega)');
  const invisible = await visitor.socket.request('register', {
    area: 1,
    name: '\u200B\u200B',
    email: '',
    message: 'hi',
  });
  assert.equal(errorCode(invisible), 'bad_frame');
  const alice = await Agent.signIn(server.baseURL, 'Alice');
  const chat = await alice.accept(session.sessionId);
  assert.equal(chat.client.name, 'ecila (tnega)');
  alice.close();
  visitor.close();
});

it('a refused resume leaves the connection in the chat it already follows', async () => {
  const visitor = await Visitor.connect(server.baseURL);
  const session = await visitor.register();
  const refused = await visitor.socket.request('resume', {
    sessionId: session.sessionId,
    sessionSecret: 'wrong',
  });
  assert.deepEqual(refused.args[0], { error: 'bad secret' });
  // Still bound: a message goes into the first chat.
  const sent = await visitor.say('still here');
  assert.equal(typeof sent.id, 'number');
  visitor.close();
});
