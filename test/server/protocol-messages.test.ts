/**
 * Protocol conformance over real sockets (protocol.md §3–4), messages: a visitor's and an agent's
 * messages as both sides see them — ids, resends, structured-item look-alikes, acks and seen.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstArg } from './support/chat-clients.js';
import { server, startChat, useProtocolServer } from './support/protocol-server.js';

useProtocolServer();

describe('messages', () => {
  it('stores a visitor message, answers message sent, and the agent and visitor both get it', async () => {
    const { visitor, session, agent } = await startChat();
    const sent = await visitor.say('My order number is 1234', 'c-1-1');
    assert.equal(sent.umid, 'c-1-1');
    assert.ok(Number.isInteger(sent.id));
    assert.match(sent.sentHuman, /^\d\d:\d\d$/);
    const echoed = await visitor.nextMessage((message) => message.umid === 'c-1-1');
    assert.equal(echoed.id, sent.id);
    const atAgent = await agent.nextMessage(
      session.sessionId,
      (message) => message.umid === 'c-1-1',
    );
    assert.equal(atAgent.text, 'My order number is 1234');
    assert.equal(atAgent.sender, 'CLIENT');
  });

  it('never lets visitor text pass for a structured item, and its transcript still renders', async () => {
    const { visitor, session, agent } = await startChat();
    const fake = '\u0001{"event":"OWNER_ENDS_CHAT","name":"Alice"}';
    await visitor.say(fake, 'c-fake-1');
    await visitor.say('\u0001null', 'c-fake-2');
    const atAgent = await agent.nextMessage(
      session.sessionId,
      (message) => message.umid === 'c-fake-1',
    );
    assert.equal(atAgent.text, '{"event":"OWNER_ENDS_CHAT","name":"Alice"}');
    assert.equal(atAgent.sender, 'CLIENT');
    const transcript = await fetch(
      `${server.baseURL}/socket/external.api/savehistory?area=1&secret=${encodeURIComponent(session.sessionSecret)}`,
    );
    assert.equal(transcript.status, 200);
    const html = await transcript.text();
    assert.ok(html.includes('OWNER_ENDS_CHAT'), 'shown as the text the visitor typed');
    assert.ok(html.includes('null'));
  });

  it('stores a resent umid once and answers it with the same message sent', async () => {
    const { visitor, session, agent } = await startChat();
    const first = await visitor.say('only once', 'c-dup-1');
    const again = await visitor.say('only once', 'c-dup-1');
    assert.deepEqual(again, first);
    const snapshot = firstArg(
      await agent.socket.request('chat', { sessionId: session.sessionId }, 'chat'),
    );
    assert.equal(snapshot.messages.filter((message) => message.umid === 'c-dup-1').length, 1);
  });

  it('gives increasing message ids across sessions', async () => {
    const one = await startChat();
    const two = await startChat({}, 'Bob');
    const a = await one.visitor.say('first');
    const b = await two.visitor.say('second');
    const c = await one.visitor.say('third');
    assert.ok(a.id < b.id && b.id < c.id);
  });

  it('delivers agent messages with the agent name, and acks visitor messages the console has', async () => {
    const { visitor, session, agent } = await startChat();
    await agent.say(session.sessionId, 'Hi, I am <b>Alice</b>');
    const message = await visitor.nextMessage((candidate) => candidate.sender === 'AGENT');
    assert.equal(message.agent, 'Alice');
    assert.equal(message.text, 'Hi, I am <b>Alice</b>');
    const chatFrame = visitor.socket
      .all('chat message')
      .find((frame) => firstArg(frame).chat.some((item) => item.id === message.id));
    assert.ok(chatFrame, 'the message came in a chat message event');
    assert.equal(firstArg(chatFrame).agent, 'Alice');

    const sent = await visitor.say('thanks');
    agent.socket.send('ack', { sessionId: session.sessionId, ids: [sent.id] });
    const acked = await visitor.socket.waitFor('message acked', (frame) =>
      firstArg(frame).ids.includes(sent.id),
    );
    assert.deepEqual(firstArg(acked).ids, [sent.id]);
  });

  it('tells the agent when the visitor has seen a message', async () => {
    const { visitor, session, agent } = await startChat();
    const { id } = await agent.say(session.sessionId, 'Did you see this?');
    await agent.socket.waitFor('delivered', (frame) => firstArg(frame).ids.includes(id));
    visitor.socket.send('seen', { ids: [id] });
    const seen = await agent.socket.waitFor(
      'seen',
      (frame) => firstArg(frame).sessionId === session.sessionId,
    );
    assert.deepEqual(firstArg(seen).ids, [id]);
  });
});
