/** Delivery on its own (delivery.ts, outbox.ts): confirmations, failures, timeouts and dedupe. */
import { expect } from '@open-wc/testing';
import { createDelivery } from '../../src/client/delivery.js';
import { Outbox } from '../../src/client/outbox.js';
import type { VisitorClientFrames } from '../../src/protocol/index.js';
import { waitFor } from './helpers.js';

const message = (id: number, text = `m${id}`) => ({
  id,
  umid: '',
  sender: 'AGENT' as const,
  sent: 1,
  sentHuman: '10:00',
  text,
});

function deliveryWithLog(timeoutMs = 60000) {
  const frames: VisitorClientFrames['chat message'][] = [];
  let isConnected = true;
  const delivery = createDelivery(
    (data) => (isConnected ? frames.push(data) : undefined),
    timeoutMs,
    () => {},
  );
  const queue = (text: string) => {
    const entry = { id: delivery.newUmid(), message: text, state: 'sending' as const };
    delivery.outbox.add(entry);
    delivery.send(entry);
    return entry;
  };
  const disconnect = () => {
    isConnected = false;
    delivery.close();
  };
  return { delivery, frames, queue, disconnect };
}

describe('Delivery', () => {
  it('confirms a message once, however often the server confirms it', () => {
    const { delivery, frames, queue } = deliveryWithLog();
    const entry = queue('hi');
    expect(frames).to.deep.equal([{ umid: entry.id, message: 'hi', mcount: 1 }]);
    const sent = { id: 5, umid: entry.id, sent: 1, sentHuman: '10:00' };
    expect(delivery.confirm(sent)).to.equal(true);
    expect(delivery.confirm(sent)).to.equal(false);
    expect(delivery.outbox.messages).to.deep.equal([]);
  });

  it('fails the message whose frame an error answers, and only that one', () => {
    const { delivery, queue } = deliveryWithLog();
    queue('first');
    queue('second');
    expect(delivery.fail(2)).to.equal(true);
    expect(delivery.fail(9)).to.equal(false);
    expect(delivery.fail(undefined)).to.equal(false);
    expect(delivery.outbox.messages.map((entry) => entry.state)).to.deep.equal([
      'sending',
      'failed',
    ]);
  });

  it('keeps why a message failed, and forgets it when the message is sent again', () => {
    const { delivery, queue } = deliveryWithLog();
    const entry = queue('too long');
    delivery.fail(1, 'bad_frame');
    expect(delivery.outbox.messages[0]).to.include({ state: 'failed', error: 'bad_frame' });
    delivery.outbox.setState(entry.id, 'sending');
    expect(delivery.outbox.messages[0]).to.not.have.property('error');
  });

  it('a refusal without a frame id (rate limit) is the reason of a send that then times out', async () => {
    const timed = deliveryWithLog(30);
    timed.queue('before');
    timed.delivery.fail(undefined, 'rate_limited');
    timed.queue('after');
    await waitFor(
      () => timed.delivery.outbox.messages.every((entry) => entry.state === 'failed'),
      'the timeouts',
    );
    // Only the message sent before the refusal can have been the refused frame.
    expect(timed.delivery.outbox.messages.map((entry) => entry.error)).to.deep.equal([
      'rate_limited',
      undefined,
    ]);
  });

  it('fails a message without `message sent` in time, but not while disconnected', async () => {
    const timed = deliveryWithLog(30);
    timed.queue('slow');
    await waitFor(() => timed.delivery.outbox.messages[0]?.state === 'failed', 'the timeout');

    const dropped = deliveryWithLog(30);
    dropped.queue('waits');
    dropped.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(dropped.delivery.outbox.messages[0]?.state).to.equal('sending');
  });

  it('delivers each message id once, and an agent joining as news', () => {
    const { delivery } = deliveryWithLog();
    const first = delivery.receive({ agent: '', client: 'Ann', chat: [message(1), message(2)] });
    expect(first?.chat.map((item) => item.id)).to.deep.equal([1, 2]);
    expect(delivery.receive({ agent: '', client: 'Ann', chat: [message(2)] })).to.equal(undefined);
    expect(delivery.receive({ agent: 'Alice', client: 'Ann', chat: [] })).to.deep.equal({
      agent: 'Alice',
      client: 'Ann',
      chat: [],
    });
    expect(delivery.lastSeenId).to.equal(2);
    delivery.forget();
    expect(delivery.lastSeenId).to.equal(0);
    expect(delivery.receive({ agent: '', client: 'Ann', chat: [message(1)] })?.chat).to.have.length(
      1,
    );
  });
});

describe('Outbox.parse', () => {
  it('keeps valid entries and their failed state, drops the rest', () => {
    const stored = JSON.stringify([
      { id: 'c-1-1', message: 'a', state: 'sending' },
      { id: 'c-1-2', message: 'b', state: 'failed' },
      { id: 'c-1-4', message: 'c', state: 'failed', error: 'rate_limited' },
      { id: 'c-1-5', message: 'd', state: 'failed', error: '<img onerror>' },
      { id: 3, message: 'bad id' },
      'junk',
    ]);
    expect(Outbox.parse(stored)).to.deep.equal([
      { id: 'c-1-1', message: 'a', state: 'sending' },
      { id: 'c-1-2', message: 'b', state: 'failed' },
      { id: 'c-1-4', message: 'c', state: 'failed', error: 'rate_limited' },
      { id: 'c-1-5', message: 'd', state: 'failed' },
    ]);
    expect(Outbox.parse('{broken')).to.deep.equal([]);
    expect(Outbox.parse(undefined)).to.deep.equal([]);
  });
});
