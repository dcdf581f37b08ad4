import { expect } from '@open-wc/testing';
import {
  addChoice,
  addMessages,
  addOlder,
  addPending,
  applyOutbox,
  initialChatState,
  markAcked,
  markSent,
  unavailability,
  type ChatState,
} from '../../src/controllers/chat-state.js';
import { agentMessage, structured } from './helpers.js';

const keepEnglish = () => undefined;
/** The items of messages, without the widget's own "joined" lines. */
const shown = (state: ChatState) => state.items.filter((item) => item.kind !== 'joined');

describe('chat state', () => {
  it('adds a "joined" line when an agent takes the chat, before what they write; not for history', () => {
    const queued = addMessages(
      initialChatState('chat'),
      { agent: '', client: 'Vera', chat: [agentMessage('question', { sender: 'CLIENT' })] },
      keepEnglish,
      true,
    ).state;
    const accepted = addMessages(
      queued,
      { agent: 'Alice', client: 'Vera', chat: [] },
      keepEnglish,
      true,
    );
    expect(accepted.added.map((i) => [i.kind, i.text])).to.deep.equal([['joined', 'Alice']]);
    const answered = addMessages(
      accepted.state,
      { agent: 'Alice', client: 'Vera', chat: [agentMessage('Hi, Alice here')] },
      keepEnglish,
      true,
    ).state;
    expect(answered.items.map((i) => i.kind)).to.deep.equal(['text', 'joined', 'html']);
    const resumed = addMessages(
      initialChatState('chat'),
      { agent: 'Alice', client: 'Vera', chat: [agentMessage('earlier')] },
      keepEnglish,
      false,
    ).state;
    expect(
      resumed.items.some((i) => i.kind === 'joined'),
      'history has no joined line',
    ).to.equal(false);
  });

  it('puts an older page before everything shown, as history', () => {
    const newest = addMessages(
      initialChatState('chat'),
      { agent: 'Alice', client: 'Vera', chat: [agentMessage('new', { id: 50 })] },
      keepEnglish,
      false,
    ).state;
    const older = addOlder(
      newest,
      [agentMessage('a', { id: 10 }), agentMessage('b', { id: 11 })],
      false,
      keepEnglish,
    );
    expect(older.items.map((i) => i.text)).to.deep.equal(['a', 'b', 'new']);
    expect(older.items.every((i) => !i.isNew)).to.equal(true);
    expect(older.hasOlder).to.equal(false);
  });

  it('dedupes messages by id and keeps them in id order', () => {
    const first = agentMessage('one');
    const second = agentMessage('two');
    let { state } = addMessages(
      initialChatState('chat'),
      { agent: 'Anna', client: 'Vera', chat: [second] },
      keepEnglish,
      true,
    );
    const result = addMessages(
      state,
      { agent: 'Anna', client: 'Vera', chat: [first, second] },
      keepEnglish,
      true,
    );
    state = result.state;
    expect(result.added.map((i) => i.text)).to.deep.equal(['one']);
    expect(shown(state).map((i) => i.text)).to.deep.equal(['one', 'two']);
    expect(state.agentName).to.equal('Anna');
  });

  it('forgets the agent when the last agent left (the chat is back in the queue)', () => {
    const accepted = addMessages(
      initialChatState('chat'),
      { agent: 'Anna', client: 'Vera', chat: [agentMessage('hello')] },
      keepEnglish,
      true,
    ).state;
    expect(accepted.agentName).to.equal('Anna');
    const left = addMessages(
      accepted,
      { agent: '', client: 'Vera', chat: [agentMessage('Anna has left the chat.')] },
      keepEnglish,
      true,
    ).state;
    expect(left.agentName).to.equal('');
    expect(shown(left).map((i) => i.text)).to.deep.equal(['hello', 'Anna has left the chat.']);
  });

  it('follows a visitor message: sending → sent → seen, replaced by the stored copy', () => {
    let state = addPending(initialChatState('chat'), 'c-1', 'Hello');
    expect(state.items[0]?.delivery).to.equal('sending');
    state = markSent(state, { id: 50, umid: 'c-1', sent: 1, sentHuman: '10:20' });
    expect(state.items[0]).to.include({ delivery: 'sent', sentHuman: '10:20' });
    const stored = {
      id: 50,
      umid: 'c-1',
      sender: 'CLIENT' as const,
      sent: 1,
      sentHuman: '10:20',
      text: 'Hello',
    };
    const { state: withEcho, added } = addMessages(
      state,
      { agent: '', client: 'Vera', chat: [stored] },
      keepEnglish,
      true,
    );
    expect(added, 'the echo is not a new message').to.deep.equal([]);
    expect(withEcho.items.map((i) => i.key)).to.deep.equal(['m50']);
    const acked = markAcked(withEcho, [50]);
    expect(acked.items[0]?.delivery).to.equal('seen');
  });

  it('shows failed messages from the outbox, in the order they were written', () => {
    let state = applyOutbox(initialChatState('chat'), [
      { id: 'c-9', message: 'Lost', state: 'failed' },
    ]);
    expect(state.items[0]).to.include({ key: 'uc-9', delivery: 'failed', text: 'Lost' });
    expect(state.items[0]?.failure, 'no answer came').to.equal('no_answer');
    const refused = applyOutbox(initialChatState('chat'), [
      { id: 'c-7', message: 'Fast', state: 'failed', error: 'rate_limited' },
    ]);
    expect(refused.items[0]?.failure).to.equal('rate_limited');
    const again = applyOutbox(refused, [{ id: 'c-7', message: 'Fast', state: 'sending' }]);
    expect(again.items[0]).to.include({ delivery: 'sending', failure: undefined });
    const later = agentMessage('Reply');
    state = addMessages(
      state,
      { agent: 'Anna', client: '', chat: [later] },
      keepEnglish,
      true,
    ).state;
    expect(shown(state).map((i) => i.text)).to.deep.equal(['Lost', 'Reply']);
  });

  it('records a postback choice on the template and in the log', () => {
    const template = agentMessage(
      structured({
        event: 'TEMPLATE',
        template: {
          type: 'button',
          text: 'Pick',
          buttons: [{ type: 'postback', title: 'A', data: 'a' }],
        },
      }),
    );
    let { state } = addMessages(
      initialChatState('chat'),
      { agent: 'Bot', client: 'Vera', chat: [template] },
      keepEnglish,
      true,
    );
    const key = shown(state)[0]?.key ?? '';
    state = addChoice(state, key, 'A');
    expect(shown(state)[0]?.chosen).to.equal('A');
    expect(shown(state)[1]).to.include({ kind: 'choice', text: 'A', sender: 'CLIENT' });
    const answer = agentMessage('You picked A');
    state = addMessages(
      state,
      { agent: 'Bot', client: 'Vera', chat: [answer] },
      keepEnglish,
      true,
    ).state;
    expect(state.items.map((i) => i.kind)).to.deep.equal(['joined', 'template', 'choice', 'html']);
  });

  it('derives why a chat cannot start', () => {
    const base = initialChatState('start');
    const open = { chatOpen: true, agentsAvailable: 1, resumable: false };
    expect(unavailability({ ...base, canChat: open })).to.equal(undefined);
    expect(unavailability({ ...base, canChat: { ...open, chatOpen: false } })).to.equal('closed');
    expect(unavailability({ ...base, canChat: { ...open, agentsAvailable: 0 } })).to.equal(
      'no-agents',
    );
    expect(unavailability({ ...base, canChat: { ...open, error: 'x' } })).to.equal('error');
    expect(unavailability({ ...base, canChat: open, refusal: 'queue-full' })).to.equal(
      'queue-full',
    );
  });
});
