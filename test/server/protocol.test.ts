/**
 * Protocol conformance over real sockets: a visitor (sockjs-client in Node) and agent consoles
 * talk to the real server, and every frame and event of protocol.md §3–4 is checked as a client
 * would see it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import type { AgentClientFrames, UploadResult } from '../../src/protocol/index.js';
import {
  Agent,
  connectAgentSocket,
  connectVisitorSocket,
  errorCode,
  firstArg,
  itemOf,
  Visitor,
} from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';

let server: RunningServer;
const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(client: T): T => {
  open.push(client);
  return client;
};

before(async () => {
  server = await startTestServer({
    config: testConfig([
      { agentsSeeTypingText: true },
      { agentsSeeTypingText: false, visitorSeesAgentTypingText: true },
    ]),
  });
});
after(async () => {
  for (const client of open) client.close();
  await server.close();
});

/** A visitor registered in area 1 and accepted by Alice. */
async function startChat(fields: Record<string, unknown> = {}, agentName = 'Alice') {
  const visitor = track(await Visitor.connect(server.baseURL));
  const session = await visitor.register(fields);
  const agent = track(await Agent.signIn(server.baseURL, agentName));
  const chat = await agent.accept(session.sessionId);
  return { visitor, session, agent, chat };
}

describe('register', () => {
  it('answers register, then the first question as a CLIENT message, then the queue position', async () => {
    const visitor = track(await Visitor.connect(server.baseURL));
    const session = await visitor.register({ name: 'Ann', message: 'Where is my parcel?' });
    assert.equal(typeof session.sessionId, 'number');
    assert.ok(Number.isInteger(session.sessionId));
    assert.ok(session.sessionSecret.length >= 24, 'secret is long and random');
    assert.equal(session.areaId, 1);
    assert.equal(session.clientName, 'Ann');

    const first = await visitor.socket.waitFor('chat message');
    const payload = firstArg(first);
    assert.equal(payload.agent, '');
    assert.equal(payload.client, 'Ann');
    assert.equal(payload.chat[0]?.sender, 'CLIENT');
    assert.equal(payload.chat[0]?.text, 'Where is my parcel?');
    assert.match(payload.chat[0]?.sentHuman ?? '', /^\d\d:\d\d$/);

    const queue = await visitor.socket.waitFor('queue');
    assert.ok(Number.isInteger(queue.args[0]) && queue.args[0] >= 1);
    assert.ok((queue.args[1]?.estimatedWaitSeconds ?? 0) > 0);
    const order = visitor.socket.received.map((frame) => frame.event).slice(0, 3);
    assert.deepEqual(order, ['register', 'chat message', 'queue']);
  });

  it('gives each session a different integer id and secret', async () => {
    const one = track(await Visitor.connect(server.baseURL));
    const two = track(await Visitor.connect(server.baseURL));
    const a = await one.register();
    const b = await two.register();
    assert.ok(b.sessionId > a.sessionId);
    assert.notEqual(a.sessionSecret, b.sessionSecret);
  });

  it('refuses an unknown area with an error and keeps the connection', async () => {
    const client = track(await connectVisitorSocket(server.baseURL));
    const answer = await client.request('register', {
      area: 99,
      name: 'X',
      email: '',
      message: 'hi',
    });
    assert.equal(answer.event, 'error');
    assert.equal(errorCode(answer), 'no_area');
    const retry = await client.request('register', {
      area: 1,
      name: 'X',
      email: '',
      message: 'hi',
    });
    assert.equal(retry.event, 'register');
  });
});

describe('transports', () => {
  it('speaks the same protocol over the xhr-polling fallback', async () => {
    const client = track(await connectVisitorSocket(server.baseURL, ['xhr-polling']));
    const answer = await client.request('register', {
      area: 1,
      name: 'Polly',
      email: '',
      message: 'via polling',
    });
    assert.equal(answer.event, 'register');
    const first = firstArg(await client.waitFor('chat message'));
    assert.equal(first.chat[0]?.text, 'via polling');
    const sent = await client.request('chat message', {
      umid: 'p-1',
      message: 'second',
      mcount: 2,
    });
    assert.equal(sent.event, 'message sent');
  });
});

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

describe('typing previews', () => {
  it('shows the visitor text to agents in an area that allows it', async () => {
    const { visitor, session, agent } = await startChat();
    visitor.socket.send('preview', { text: 'I am typ' });
    const preview = firstArg(await agent.socket.waitFor('preview'));
    assert.deepEqual(preview, { sessionId: session.sessionId, length: 8, text: 'I am typ' });
  });

  it('shows only the length in an area that hides the text, and the agent text to the visitor', async () => {
    const visitor = track(await Visitor.connect(server.baseURL));
    const agent = track(await Agent.signIn(server.baseURL, 'Carol'));
    const session = await visitor.register({ area: 2 });
    await agent.accept(session.sessionId);
    visitor.socket.send('preview', { text: 'secret words' });
    const preview = firstArg(await agent.socket.waitFor('preview'));
    assert.equal(preview.length, 12);
    assert.equal(preview.text, undefined);

    agent.socket.send('preview', { sessionId: session.sessionId, text: 'Let me check' });
    const agentPreview = firstArg(await visitor.socket.waitFor('agent preview'));
    assert.deepEqual(agentPreview, { messageLen: 12, text: 'Let me check' });
  });

  it('sends only the length of the agent text where the area hides it', async () => {
    const { visitor, session, agent } = await startChat();
    agent.socket.send('preview', { sessionId: session.sessionId, text: 'Typing…' });
    const agentPreview = firstArg(await visitor.socket.waitFor('agent preview'));
    assert.deepEqual(agentPreview, { messageLen: 7 });
  });
});

describe('agents joining and leaving', () => {
  it('adds and removes another agent with system items both sides see', async () => {
    const { visitor, session, agent } = await startChat();
    const bob = track(await Agent.signIn(server.baseURL, 'Bob'));
    await agent.act('add agent', { sessionId: session.sessionId, name: 'Bob' });
    const added = await visitor.nextMessage((message) => itemOf(message)?.event === 'AGENTS_ADDED');
    assert.equal(added.sender, 'SYSTEM');
    assert.deepEqual(itemOf(added)?.names, ['Bob']);
    const bobsChat = firstArg(
      await bob.socket.waitFor('chat', (frame) => firstArg(frame).sessionId === session.sessionId),
    );
    assert.equal(bobsChat.sessionId, session.sessionId);
    assert.deepEqual(bobsChat.agents, ['Alice', 'Bob']);

    await bob.say(session.sessionId, 'Bob here');
    assert.equal(
      (await visitor.nextMessage((message) => message.text === 'Bob here')).agent,
      'Bob',
    );

    await agent.act('remove agent', { sessionId: session.sessionId, name: 'Bob' });
    const removed = await visitor.nextMessage(
      (message) => itemOf(message)?.event === 'AGENTS_REMOVED',
    );
    assert.deepEqual(itemOf(removed)?.names, ['Bob']);
    await bob.socket.waitFor('chat removed');
    const refused = await bob.socket.request('message', {
      sessionId: session.sessionId,
      text: 'still here?',
      umid: 'x',
    });
    assert.equal(errorCode(refused), 'not_in_chat');
  });

  it('announces an agent who leaves, and puts a chat without agents back in the queue', async () => {
    const { visitor, agent, session } = await startChat();
    await agent.act('leave', { sessionId: session.sessionId });
    const left = await visitor.nextMessage((message) => itemOf(message)?.event === 'AGENT_LEFT');
    assert.equal(itemOf(left)?.name, 'Alice');
    const queue = await visitor.socket.waitFor('queue');
    assert.ok((queue.args[0] as number) >= 1);
    const bob = track(await Agent.signIn(server.baseURL, 'Bob'));
    const chat = await bob.accept(session.sessionId);
    assert.deepEqual(chat.agents, ['Bob']);
  });

  it('does not let a second agent accept a chat already taken', async () => {
    const { session } = await startChat();
    const bob = track(await Agent.signIn(server.baseURL, 'Bob'));
    const answer = await bob.socket.request('accept', { sessionId: session.sessionId });
    assert.equal(answer.event, 'error');
    assert.equal(errorCode(answer), 'not_queued');
  });

  it('keeps agents to their own chats and areas', async () => {
    const { session, agent } = await startChat();
    const bob = track(await Agent.signIn(server.baseURL, 'Bob'));
    const carol = track(await Agent.signIn(server.baseURL, 'Carol'));
    const code = async <T extends keyof AgentClientFrames>(
      who: Agent,
      type: T,
      data: AgentClientFrames[T],
    ) => errorCode(await who.socket.request(type, data));
    assert.equal(await code(bob, 'ack', { sessionId: session.sessionId, ids: [1] }), 'not_in_chat');
    assert.equal(await code(bob, 'end', { sessionId: session.sessionId }), 'not_in_chat');
    assert.equal(
      await code(bob, 'preview', { sessionId: session.sessionId, text: 'x' }),
      'not_in_chat',
    );
    // Carol serves area 2 only: chats of area 1 do not exist for her.
    assert.equal(await code(carol, 'chat', { sessionId: session.sessionId }), 'not_found');
    assert.equal(await code(carol, 'accept', { sessionId: session.sessionId }), 'not_found');
    assert.equal(
      await code(agent, 'add agent', { sessionId: session.sessionId, name: 'Nobody' }),
      'unknown_agent',
    );
    // Bob may read the chat's history (his area), but not act in it.
    const history = await bob.socket.request('chat', { sessionId: session.sessionId });
    assert.equal(history.event, 'chat');
    assert.deepEqual(firstArg(history).agents, ['Alice']);
  });

  it('refuses an unknown agent name at sign-in', async () => {
    const client = track(await connectAgentSocket(server.baseURL));
    const answer = await client.request('login', { name: 'Mallory', password: 'guess' });
    // The same answer as a wrong password: sign-in does not tell which names exist.
    assert.equal(errorCode(answer), 'sign_in_refused');
    const before = await client.request('accept', { sessionId: 1 });
    assert.equal(errorCode(before), 'not_signed_in');
  });
});

describe('ending a chat', () => {
  it('close chat from the visitor: CLIENT_ENDS_CHAT, finish by client, agent told', async () => {
    const { visitor, session, agent } = await startChat();
    visitor.socket.send('close chat', {});
    const finish = await visitor.socket.waitFor('finish chat session');
    assert.deepEqual(firstArg(finish), { by: 'client' });
    const item = await visitor.nextMessage(
      (message) => itemOf(message)?.event === 'CLIENT_ENDS_CHAT',
    );
    assert.equal(item.sender, 'SYSTEM');
    const ended = firstArg(await agent.socket.waitFor('chat ended'));
    assert.equal(ended.sessionId, session.sessionId);
    assert.equal(ended.by, 'client');

    const late = await visitor.socket.request('chat message', {
      umid: 'late',
      message: 'hello?',
      mcount: 2,
    });
    assert.equal(late.event, 'chat closed');
  });

  it('end from the agent: OWNER_ENDS_CHAT with the name, finish by agent', async () => {
    const { visitor, session, agent } = await startChat();
    await agent.act('end', { sessionId: session.sessionId });
    const item = await visitor.nextMessage(
      (message) => itemOf(message)?.event === 'OWNER_ENDS_CHAT',
    );
    assert.equal(itemOf(item)?.name, 'Alice');
    assert.deepEqual(firstArg(await visitor.socket.waitFor('finish chat session')), {
      by: 'agent',
    });
  });
});

describe('resume', () => {
  it('replays messages after lastSeenId, once and in order, on a new connection', async () => {
    const { visitor, session, agent } = await startChat();
    const seen = await visitor.say('before the drop');
    visitor.close();
    const one = await agent.say(session.sessionId, 'answer one');
    const two = await agent.say(session.sessionId, 'answer two');

    const again = track(await Visitor.connect(server.baseURL));
    const answer = await again.resume(session, seen.id);
    assert.deepEqual(firstArg(answer), session);
    const replay = firstArg(await again.socket.waitFor('chat message'));
    assert.equal(replay.agent, 'Alice');
    assert.deepEqual(
      replay.chat.map((message) => message.id),
      [one.id, two.id],
    );
    const after = await again.say('after the drop');
    assert.ok(after.id > two.id);
  });

  it('without lastSeenId replays the whole chat', async () => {
    const { visitor, session } = await startChat({ message: 'original question' });
    visitor.close();
    const again = track(await Visitor.connect(server.baseURL));
    await again.resume(session);
    const replay = firstArg(await again.socket.waitFor('chat message'));
    assert.equal(replay.chat[0]?.text, 'original question');
  });

  it('answers no session, bad secret and chat closed as resume errors', async () => {
    const { visitor, session, agent } = await startChat();
    const stranger = track(await Visitor.connect(server.baseURL));
    const missing = await stranger.resume({ ...session, sessionId: 999_999 });
    assert.deepEqual(firstArg(missing), { error: 'no session' });
    const wrong = await stranger.resume({ ...session, sessionSecret: 'x'.repeat(32) });
    assert.deepEqual(firstArg(wrong), { error: 'bad secret' });
    // A wrong secret sees nothing of the chat.
    assert.equal(stranger.socket.all('chat message').length, 0);
    await agent.act('end', { sessionId: session.sessionId });
    await visitor.socket.waitFor('finish chat session');
    const closed = await stranger.resume(session);
    assert.deepEqual(firstArg(closed), { error: 'chat closed' });
  });

  it('a queued visitor gets the queue position again after resuming', async () => {
    const visitor = track(await Visitor.connect(server.baseURL));
    const session = await visitor.register();
    await visitor.socket.waitFor('queue');
    visitor.close();
    const again = track(await Visitor.connect(server.baseURL));
    await again.resume(session);
    const queue = await again.socket.waitFor('queue');
    assert.ok((queue.args[0] as number) >= 1);
  });
});

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

describe('rate limit', () => {
  it('answers frames over the per-connection rate with rate_limited and recovers', async () => {
    const limited = await startTestServer({ rateLimit: { perSecond: 5, burst: 5 } });
    try {
      const client = await connectVisitorSocket(limited.baseURL);
      for (let index = 0; index < 12; index++) client.send('preview', { text: 'x' });
      const error = await client.waitFor('error', (frame) => errorCode(frame) === 'rate_limited');
      assert.match(firstArg(error).message, /slow down/);
      assert.ok(client.isOpen);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const answer = await client.request('register', {
        area: 1,
        name: 'Ok',
        email: '',
        message: 'hi',
      });
      assert.equal(answer.event, 'register');
      client.close();
    } finally {
      await limited.close();
    }
  });
});
