/** The emitter on its own (emitter.ts): handlers are user code and are kept apart from each other. */
import { expect } from '@open-wc/testing';
import { callSafely, Emitter } from '../../src/client/emitter.js';

type Events = { ping: [count: number]; pong: [] };

const realConsoleError = console.error;

describe('Emitter', () => {
  let reported: unknown[][];

  beforeEach(() => {
    reported = [];
    console.error = (...args: unknown[]) => reported.push(args);
  });

  afterEach(() => {
    console.error = realConsoleError;
  });

  it('runs every handler in order; one that throws is reported and stops none', () => {
    const emitter = new Emitter<Events>();
    const calls: string[] = [];
    emitter.on('ping', (count) => calls.push(`first ${count}`));
    emitter.on('ping', () => {
      throw new Error('handler bug');
    });
    emitter.on('ping', (count) => calls.push(`third ${count}`));
    emitter.on('pong', () => calls.push('pong'));
    emitter.emit('ping', 1);
    expect(calls).to.deep.equal(['first 1', 'third 1']);
    expect(reported).to.have.length(1);
    expect((reported[0]?.[1] as Error).message).to.equal('handler bug');
  });

  it('removes a handler with the function on() returned; changes during an emit apply next time', () => {
    const emitter = new Emitter<Events>();
    const calls: string[] = [];
    const removeSecond = emitter.on('ping', () => calls.push('second'));
    emitter.on('ping', () => {
      calls.push('first');
      removeSecond();
      emitter.on('ping', () => calls.push('added'));
    });
    emitter.emit('ping', 1);
    expect(calls).to.deep.equal(['second', 'first']);
    calls.length = 0;
    emitter.emit('ping', 2);
    expect(calls).to.deep.equal(['first', 'added']);
  });

  it('callSafely runs user code that may be missing or may throw', () => {
    let got = 0;
    callSafely((value: number) => (got = value), 3);
    callSafely(undefined);
    callSafely(() => {
      throw new Error('callback bug');
    });
    expect(got).to.equal(3);
    expect(reported).to.have.length(1);
  });
});
