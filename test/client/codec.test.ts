import { expect } from '@open-wc/testing';
import { backoffDelay } from '../../src/client/backoff.js';
import { Outbox } from '../../src/client/outbox.js';
import { decodeServerFrame } from '../../src/client/codec.js';

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
});

describe('backoffDelay', () => {
  it('grows the ceiling from the minimum to the maximum, with full jitter', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 10, 100].map((attempt) =>
      backoffDelay(attempt, 500, 20000, () => 0.999999),
    );
    expect(ceilings).to.deep.equal([499, 999, 1999, 3999, 7999, 15999, 19999, 19999, 19999]);
    expect(backoffDelay(3, 500, 20000, () => 0)).to.equal(0);
    expect(backoffDelay(1, 500, 20000, () => 0.5)).to.equal(500);
  });
});

describe('Outbox.parse', () => {
  it('keeps valid entries and their failed state, drops the rest', () => {
    const stored = JSON.stringify([
      { id: 'c-1-1', message: 'a', state: 'sending' },
      { id: 'c-1-2', message: 'b', state: 'failed' },
      { id: 3, message: 'bad id' },
      'junk',
    ]);
    expect(Outbox.parse(stored)).to.deep.equal([
      { id: 'c-1-1', message: 'a', state: 'sending' },
      { id: 'c-1-2', message: 'b', state: 'failed' },
    ]);
    expect(Outbox.parse('{broken')).to.deep.equal([]);
    expect(Outbox.parse(undefined)).to.deep.equal([]);
  });
});
