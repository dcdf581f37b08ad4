/**
 * The console's pure reducer: one `/socket/agent` event in, the new state out, nothing sent.
 */
import { expect } from '@open-wc/testing';
import {
  dropChat,
  initialConsoleState,
  messagesToAck,
  reduceServerEvent,
  signedOut,
  type ConsoleState,
} from '../../demo/agent/console-state.js';
import type { AgentServerEnvelope } from '../../demo/agent/agent-types.js';
import { chatMessage, chatSnapshot, loginResult } from './fake-agent-socket.js';

const reduce = (state: ConsoleState, ...events: AgentServerEnvelope[]): ConsoleState =>
  events.reduce(reduceServerEvent, state);

const signedIn = reduce(initialConsoleState, { event: 'login', args: [loginResult()], re: 1 });

describe('console state', () => {
  it('signs in from the login answer', () => {
    expect(signedIn.me).to.equal('Alice');
    expect(signedIn.token).to.equal('token-of-Alice');
    expect(signedIn.areas.map((area) => area.name)).to.deep.equal(['Sales']);
    expect(signedIn.agents).to.deep.equal([{ name: 'Alice', online: true }]);
  });

  it('on a new login keeps ended chats and drops the open ones (the server re-sends those)', () => {
    const state = reduce(
      signedIn,
      { event: 'chat', args: [chatSnapshot(1)] },
      { event: 'chat', args: [chatSnapshot(2, { status: 'closed' })] },
      { event: 'login', args: [loginResult()], re: 2 },
    );
    expect([...state.chats.keys()]).to.deep.equal([2]);
  });

  it('keeps each area queue and the agents present', () => {
    const entry = {
      sessionId: 5,
      areaId: 1,
      clientName: 'Vera',
      firstMessage: 'Hi',
      waitingSince: 0,
    };
    const state = reduce(
      signedIn,
      { event: 'queue', args: [{ areaId: 1, chats: [entry] }] },
      { event: 'agents', args: [{ agents: [{ name: 'Bob', online: false }] }] },
    );
    expect(state.queues.get(1)).to.deep.equal([entry]);
    expect(state.agents).to.deep.equal([{ name: 'Bob', online: false }]);
  });

  it('applies queue changes by session id, oldest first, and a repeated change is harmless', () => {
    const entry = (sessionId: number, waitingSince: number, clientName = `V${sessionId}`) => ({
      sessionId,
      areaId: 1,
      clientName,
      firstMessage: 'Hi',
      waitingSince,
    });
    const full = reduce(signedIn, {
      event: 'queue',
      args: [{ areaId: 1, chats: [entry(1, 10), entry(2, 20), entry(3, 30)] }],
    });
    const change: AgentServerEnvelope = {
      event: 'queue changed',
      args: [{ areaId: 1, added: [entry(4, 40), entry(2, 20, 'Renamed')], removed: [1, 99] }],
    };
    const once = reduce(full, change);
    const names = (state: ConsoleState) =>
      (state.queues.get(1) ?? []).map((waiting) => waiting.clientName);
    expect(names(once)).to.deep.equal(['Renamed', 'V3', 'V4']);
    // The same change again (it crossed a fresh copy sent at sign-in) changes nothing.
    expect(names(reduce(once, change))).to.deep.equal(['Renamed', 'V3', 'V4']);
    // A requeued chat (older queue time) goes to its place; other areas are untouched.
    const other = reduce(once, {
      event: 'queue changed',
      args: [{ areaId: 2, added: [entry(7, 5)], removed: [] }],
    });
    expect(names(other)).to.deep.equal(['Renamed', 'V3', 'V4']);
    expect(other.queues.get(2)?.map((waiting) => waiting.sessionId)).to.deep.equal([7]);
    const requeued = reduce(once, {
      event: 'queue changed',
      args: [{ areaId: 1, added: [entry(1, 15)], removed: [] }],
    });
    expect(names(requeued)).to.deep.equal(['V1', 'Renamed', 'V3', 'V4']);
  });

  it('shows the first chat that arrives and keeps the selection after that', () => {
    const state = reduce(
      signedIn,
      { event: 'chat', args: [chatSnapshot(1)] },
      { event: 'chat', args: [chatSnapshot(2)] },
    );
    expect(state.selected).to.equal(1);
    expect([...state.chats.keys()]).to.deep.equal([1, 2]);
  });

  it('appends new messages once, and a visitor message ends the typing preview', () => {
    const state = reduce(
      signedIn,
      { event: 'chat', args: [chatSnapshot(1, { messages: [chatMessage(1)] })] },
      { event: 'preview', args: [{ sessionId: 1, length: 3, text: 'Hel' }] },
    );
    expect(state.previews.get(1)).to.equal('Hel');
    const next = reduce(state, {
      event: 'chat message',
      args: [{ sessionId: 1, messages: [chatMessage(1), chatMessage(2)] }],
    });
    expect(next.chats.get(1)?.messages.map((message) => message.id)).to.deep.equal([1, 2]);
    expect(next.previews.has(1)).to.equal(false);
  });

  it('ignores messages of a chat it does not hold', () => {
    const state = reduce(signedIn, {
      event: 'chat message',
      args: [{ sessionId: 9, messages: [chatMessage(1)] }],
    });
    expect(state).to.equal(signedIn);
  });

  it('marks messages delivered, seen and acked by id', () => {
    const messages = [chatMessage(1, { sender: 'AGENT', agent: 'Alice' }), chatMessage(2)];
    const state = reduce(
      signedIn,
      { event: 'chat', args: [chatSnapshot(1, { messages })] },
      { event: 'delivered', args: [{ sessionId: 1, ids: [1] }] },
      { event: 'seen', args: [{ sessionId: 1, ids: [1] }] },
      { event: 'acked', args: [{ sessionId: 1, ids: [2] }] },
    );
    const [agentMessage, visitorMessage] = state.chats.get(1)?.messages ?? [];
    expect([agentMessage?.delivered, agentMessage?.seen, agentMessage?.acked]).to.deep.equal([
      true,
      true,
      false,
    ]);
    expect(visitorMessage?.acked).to.equal(true);
  });

  it('shows a preview without text as "" and clears it at length 0', () => {
    const hidden = reduce(signedIn, { event: 'preview', args: [{ sessionId: 1, length: 4 }] });
    expect(hidden.previews.get(1)).to.equal('');
    const cleared = reduce(hidden, { event: 'preview', args: [{ sessionId: 1, length: 0 }] });
    expect(cleared.previews.has(1)).to.equal(false);
  });

  it('follows the agents of a chat, its end, its removal and its postbacks', () => {
    let state = reduce(
      signedIn,
      { event: 'chat', args: [chatSnapshot(1)] },
      { event: 'chat', args: [chatSnapshot(2)] },
      { event: 'agents changed', args: [{ sessionId: 1, agents: ['Alice', 'Bob'] }] },
      { event: 'postback', args: [{ sessionId: 1, title: 'Yes', data: 'yes' }] },
      { event: 'preview', args: [{ sessionId: 1, length: 2, text: 'Hi' }] },
    );
    expect(state.chats.get(1)?.agents).to.deep.equal(['Alice', 'Bob']);
    expect(state.chats.get(1)?.postbacks).to.deep.equal([{ title: 'Yes', data: 'yes' }]);
    state = reduce(state, {
      event: 'chat ended',
      args: [{ sessionId: 1, by: 'client', name: null, reason: null }],
    });
    expect(state.chats.get(1)?.status).to.equal('closed');
    expect(state.previews.has(1)).to.equal(false);
    state = reduce(state, {
      event: 'chat rated',
      args: [{ sessionId: 1, score: 4, comment: 'Quick help', ratedAt: 5 }],
    });
    expect(state.chats.get(1)?.rating).to.deep.equal({
      score: 4,
      comment: 'Quick help',
      ratedAt: 5,
    });
    state = reduce(state, { event: 'chat removed', args: [{ sessionId: 1 }] });
    expect([...state.chats.keys()]).to.deep.equal([2]);
    expect(state.selected, 'the next chat is shown').to.equal(2);
  });

  it('shows an error event that answers no request, and leaves request errors to the request', () => {
    const error = { code: 'bad_frame', message: 'Unknown frame.' } as const;
    expect(reduce(signedIn, { event: 'error', args: [error] }).problem).to.equal('Unknown frame.');
    expect(reduce(signedIn, { event: 'error', args: [error], re: 3 })).to.equal(signedIn);
  });

  it('leaves the state alone for answers and for events it does not know', () => {
    expect(reduce(signedIn, { event: 'ok', args: [{}], re: 4 })).to.equal(signedIn);
    const unknown = JSON.parse(
      '{"event":"from a newer server","args":[{}]}',
    ) as AgentServerEnvelope;
    expect(reduce(signedIn, unknown)).to.equal(signedIn);
  });

  it('signs out without chats or queues, and dismissing a chat shows the next one', () => {
    const state = reduce(
      signedIn,
      { event: 'chat', args: [chatSnapshot(1)] },
      { event: 'chat', args: [chatSnapshot(2)] },
    );
    expect(dropChat(state, 1).selected).to.equal(2);
    expect(dropChat(state, 2).selected).to.equal(1);
    const out = signedOut(state);
    expect([out.me, out.chats.size, out.queues.size, out.selected]).to.deep.equal([
      '',
      0,
      0,
      undefined,
    ]);
  });

  it('acks only unacked visitor messages of open chats the agent is in', () => {
    const messages = [
      chatMessage(1),
      chatMessage(2, { acked: true }),
      chatMessage(3, { sender: 'AGENT', agent: 'Alice' }),
    ];
    const state = reduce(
      signedIn,
      { event: 'chat', args: [chatSnapshot(1, { messages })] },
      { event: 'chat', args: [chatSnapshot(2, { messages, agents: ['Bob'] })] },
      { event: 'chat', args: [chatSnapshot(3, { messages, status: 'closed' })] },
    );
    expect(messagesToAck(state, 1)).to.deep.equal([1]);
    expect(messagesToAck(state, 2), 'not my chat').to.deep.equal([]);
    expect(messagesToAck(state, 3), 'ended').to.deep.equal([]);
    expect(messagesToAck(state, 4), 'unknown').to.deep.equal([]);
  });
});
