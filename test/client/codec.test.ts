import { expect } from '@open-wc/testing';
import { decodeServerFrame, encodeClientFrame } from '../../src/client/codec.js';
import type { ServerEnvelope, VisitorServerEvents } from '../../src/protocol/index.js';

describe('decodeServerFrame', () => {
  it('accepts the frames of protocol.md §4', () => {
    const message = { id: 1, umid: '', sender: 'AGENT', sent: 1, sentHuman: '10:00', text: 'x' };
    const frames = [
      {
        event: 'register',
        args: [{ sessionId: 1, sessionSecret: 's', areaId: 2, clientName: 'A' }],
        re: 1,
      },
      { event: 'resume', args: [{ error: 'no session' }] },
      { event: 'chat message', args: [{ agent: '', client: 'A', chat: [message] }] },
      {
        event: 'message sent',
        args: [{ id: 'already-seen-c-1', umid: 'c-1', sent: 1, sentHuman: '' }],
      },
      { event: 'message acked', args: [{ ids: [1] }] },
      { event: 'agent preview', args: [{ messageLen: 3 }] },
      { event: 'queue', args: [2, { estimatedWaitSeconds: 30 }] },
      { event: 'queue full', args: [] },
      { event: 'agent unavailable' },
      { event: 'chat closed', args: [] },
      { event: 'finish chat session', args: [{ by: 'agent' }] },
      { event: 'error', args: [{ code: 'bad_frame', message: 'x' }], re: 3 },
    ];
    for (const frame of frames) {
      const decoded = decodeServerFrame(JSON.stringify(frame));
      expect(decoded, frame.event).to.deep.equal({ args: [], ...frame });
    }
  });

  it('gives the reason for a dropped frame', () => {
    expect(decodeServerFrame('{')).to.equal('not JSON');
    expect(decodeServerFrame('{"event":"nope","args":[]}')).to.equal('unknown event "nope"');
    expect(decodeServerFrame('{"event":"queue","args":["1"]}')).to.equal(
      'bad arguments for "queue"',
    );
    expect(decodeServerFrame('{"event":"queue","args":{}}')).to.equal('args is not an array');
  });

  it('knows only its own event names: not "constructor", "__proto__" or "toString"', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(decodeServerFrame(JSON.stringify({ event: name, args: [] }))).to.equal(
        `unknown event "${name}"`,
      );
    }
  });
});

describe('encodeClientFrame', () => {
  it('writes {type, data, id} as protocol.md §2 has it', () => {
    const text = encodeClientFrame('chat message', { umid: 'c-1-1', message: 'Hi', mcount: 1 }, 3);
    expect(JSON.parse(text)).to.deep.equal({
      type: 'chat message',
      data: { umid: 'c-1-1', message: 'Hi', mcount: 1 },
      id: 3,
    });
    expect(JSON.parse(encodeClientFrame('close chat', {}, 1))).to.deep.equal({
      type: 'close chat',
      data: {},
      id: 1,
    });
  });

  it('round-trips with the decoder: what the client sends, a server echoing it back can send', () => {
    // A server that answers `register` with the session: the decoder reads what the encoder wrote.
    const register = JSON.parse(
      encodeClientFrame(
        'register',
        { area: 2, name: 'Ann', email: 'ann@example.com', message: 'Hello' },
        1,
      ),
    ) as { id: number };
    const answer: ServerEnvelope<VisitorServerEvents, 'register'> = {
      event: 'register',
      args: [{ sessionId: 7, sessionSecret: 's', areaId: 2, clientName: 'Ann' }],
      re: register.id,
    };
    expect(decodeServerFrame(JSON.stringify(answer))).to.deep.equal(answer);
  });

  it('takes only the frames and data shapes of VisitorClientFrames (checked by tsc)', () => {
    // @ts-expect-error `login` is an agent console frame, not a visitor frame
    const wrongType = encodeClientFrame('login', { name: 'Ann' }, 1);
    // @ts-expect-error a `chat message` needs its umid
    const wrongData = encodeClientFrame('chat message', { message: 'Hi', mcount: 1 }, 2);
    expect([wrongType, wrongData].every((text) => typeof text === 'string')).to.equal(true);
  });
});
