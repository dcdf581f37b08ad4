/**
 * Units of the chat engine that need no sockets: the wait estimate of the queue and the fan-out of
 * events to the connections of a chat (demo/server/engine/).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Directory } from '../../demo/server/engine/directory.js';
import { ChatMembers } from '../../demo/server/engine/members.js';
import { Peers } from '../../demo/server/engine/peers.js';
import { averageHandlingSeconds, estimateWaitSeconds } from '../../demo/server/engine/queue.js';
import { openStore } from '../../demo/server/store.js';
import type { Peer } from '../../demo/server/wire.js';
import { testConfig } from './support/test-server.js';

describe('queue wait estimate', () => {
  it('is the position shared out over the agents online, times the average handling time', () => {
    assert.equal(estimateWaitSeconds(1, 1, 120), 120);
    assert.equal(estimateWaitSeconds(3, 2, 100), 200, 'two agents take the first two at once');
    assert.equal(estimateWaitSeconds(4, 2, 100), 200);
    assert.equal(estimateWaitSeconds(2, 0, 90), 180, 'with nobody online it counts one agent');
    assert.equal(estimateWaitSeconds(1, 1, 61.4), 61, 'whole seconds');
  });

  it('averages the recent handling times, or falls back without history', () => {
    assert.equal(
      averageHandlingSeconds([60, 120], () => assert.fail('no fallback with history')),
      90,
    );
    assert.equal(
      averageHandlingSeconds([], () => 180),
      180,
    );
  });
});

describe('fan-out', () => {
  const store = openStore(':memory:');
  after(() => store.close());
  const members = new ChatMembers(store);
  const peers = new Peers(new Directory(testConfig()), members);

  /** A peer that records what it is sent. */
  function recordingPeer<Events>(): Peer<Events> & { got: [string, unknown][] } {
    const got: [string, unknown][] = [];
    return { got, send: (event, args) => void got.push([event, args]) };
  }

  function newChat(): number {
    return store.createSession({
      secret: `secret-${Math.random()}`,
      areaId: 1,
      clientName: 'Vera',
      email: '',
      phone: '',
      externalData: '',
      href: '',
      deviceInfo: '',
      status: 'queued',
      robot: null,
      now: Date.now(),
    }).id;
  }

  it('sends to every visitor connection of the chat, and says whether there was one', () => {
    const sessionId = newChat();
    const tab = recordingPeer();
    const otherTab = recordingPeer();
    assert.equal(peers.toVisitors(sessionId, 'chat closed', []), false, 'nobody connected yet');
    peers.attachVisitor(tab, sessionId);
    peers.attachVisitor(otherTab, sessionId);
    assert.equal(peers.toVisitors(sessionId, 'queue', [2, { estimatedWaitSeconds: 60 }]), true);
    assert.deepEqual(tab.got, [['queue', [2, { estimatedWaitSeconds: 60 }]]]);
    assert.deepEqual(otherTab.got, tab.got);
    peers.detachVisitor(tab, sessionId);
    peers.detachVisitor(otherTab, sessionId);
    assert.equal(peers.toVisitors(sessionId, 'chat closed', []), false);
  });

  it('sends agent events only to the agents in the chat', () => {
    const sessionId = newChat();
    const alice = recordingPeer();
    const bob = recordingPeer();
    peers.attachAgent(alice, 'Alice');
    peers.attachAgent(bob, 'Bob');
    members.add(sessionId, 'Alice', Date.now());
    peers.toAgentsOf(sessionId, 'seen', [{ sessionId, ids: [7] }]);
    assert.deepEqual(alice.got, [['seen', [{ sessionId, ids: [7] }]]]);
    assert.deepEqual(bob.got, []);
    assert.deepEqual(peers.onlineAgents().sort(), ['Alice', 'Bob']);
    assert.equal(peers.detachAgent(bob, 'Bob'), true);
    assert.equal(peers.isOnline('Bob'), false);
    assert.equal(peers.detachAgent(bob, 'Bob'), false, 'a second sign-out changes nothing');
  });
});
