/**
 * The queue as visitors and agents see it: each waiting visitor's position with an estimated wait,
 * and each area's list for its agents' consoles. Bursts of joins and accepts are coalesced into one
 * update per area; a position already told is not sent again. Consoles get the whole list once (at
 * sign-in, `queue`) and then only what changed (`queue changed`), so a long queue does not cost its
 * whole size on every join.
 */
import type { AgentServerEvents, QueueEntry } from '../../../src/protocol/index.js';
import type { SessionRecord } from '../store.js';
import type { EngineParts } from './chat-context.js';

/** How many recent chats the estimated wait averages over. */
const HANDLING_WINDOW = 20;
/** Queue updates of an area are coalesced over this many ms (many joins/accepts in a burst). */
const QUEUE_UPDATE_DELAY_MS = 20;
/** The handling time of an area without history or a configured default. */
const DEFAULT_HANDLING_SECONDS = 180;

/** Estimated wait: position ÷ agents signed in (at least one) × the average handling time. */
export function estimateWaitSeconds(
  position: number,
  agentsOnline: number,
  averageHandlingSeconds: number,
): number {
  return Math.round(Math.ceil(position / Math.max(1, agentsOnline)) * averageHandlingSeconds);
}

/** The mean of the recent handling times, or `fallback()` when there are none. */
export function averageHandlingSeconds(recent: readonly number[], fallback: () => number): number {
  return recent.length > 0
    ? recent.reduce((sum, seconds) => sum + seconds, 0) / recent.length
    : fallback();
}

type QueueChange = AgentServerEvents['queue changed'][0];

/**
 * What changed from `before` to `after` (both by session id): entries new or different, and the
 * ids gone. Undefined when nothing did.
 */
export function queueChange(
  areaId: number,
  before: ReadonlyMap<number, QueueEntry>,
  after: readonly QueueEntry[],
): QueueChange | undefined {
  const added = after.filter((entry) => !sameEntry(before.get(entry.sessionId), entry));
  const still = new Set(after.map((entry) => entry.sessionId));
  const removed = [...before.keys()].filter((sessionId) => !still.has(sessionId));
  return added.length === 0 && removed.length === 0 ? undefined : { areaId, added, removed };
}

function sameEntry(a: QueueEntry | undefined, b: QueueEntry): boolean {
  return (
    a !== undefined &&
    a.clientName === b.clientName &&
    a.firstMessage === b.firstMessage &&
    a.waitingSince === b.waitingSince
  );
}

export type QueueParts = Pick<EngineParts, 'store' | 'directory' | 'peers' | 'logger'>;

export class Queue {
  /** Last position told to each waiting visitor, so unchanged positions are not resent. */
  private readonly toldPositions = new Map<number, number>();
  private readonly pendingAreas = new Set<number>();
  /**
   * Per area, the list as of the last update sent to consoles: the next update is the change from
   * it. A console signing in gets the current list, and a change it already has is harmless
   * (consoles apply `queue changed` by session id).
   */
  private readonly toldQueues = new Map<number, Map<number, QueueEntry>>();
  /** Per area, cached until the next chat of the area closes. */
  private readonly handlingAverages = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly parts: QueueParts) {}

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /** The waiting chats of an area, oldest first. */
  entries(areaId: number): QueueEntry[] {
    const { store } = this.parts;
    return store.queuedInArea(areaId).map((session) => ({
      sessionId: session.id,
      areaId,
      clientName: session.clientName,
      firstMessage: store.firstMessageText(session.id),
      waitingSince: session.queuedAt ?? session.createdAt,
    }));
  }

  estimatedWaitSeconds(areaId: number, position: number): number {
    const agents = this.parts.peers.onlineAgentsOf(areaId).length;
    return estimateWaitSeconds(position, agents, this.averageHandlingSeconds(areaId));
  }

  /** Tells a waiting visitor their position (when it changed). */
  tellPosition(session: SessionRecord): void {
    if (session.status !== 'queued') return;
    const position = this.parts.store.queuePosition(session);
    if (position <= 0) return;
    this.sendPosition(session.id, session.areaId, position);
  }

  /** The next position of this chat is told even if it equals the last (a new connection, a requeue). */
  forgetPosition(sessionId: number): void {
    this.toldPositions.delete(sessionId);
  }

  /** A chat of the area closed: its handling time changes the area's average. */
  chatClosed(areaId: number): void {
    this.handlingAverages.delete(areaId);
  }

  /** Coalesces queue changes: agents get the new list, waiting visitors their new positions. */
  scheduleUpdate(areaId: number): void {
    this.pendingAreas.add(areaId);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const areaIds = [...this.pendingAreas];
      this.pendingAreas.clear();
      for (const id of areaIds) {
        try {
          this.flush(id);
        } catch (error) {
          this.parts.logger.error({ err: error, areaId: id }, 'queue update failed');
        }
      }
    }, QUEUE_UPDATE_DELAY_MS);
  }

  private flush(areaId: number): void {
    const { peers } = this.parts;
    const entries = this.entries(areaId);
    entries.forEach((entry, index) => this.sendPosition(entry.sessionId, areaId, index + 1));
    const told = this.toldQueues.get(areaId);
    this.toldQueues.set(areaId, new Map(entries.map((entry) => [entry.sessionId, entry])));
    const agents = peers.onlineAgentsOf(areaId);
    if (!told) {
      // Nothing sent since the server started: consoles get a fresh copy, as at sign-in.
      for (const name of agents) peers.toAgent(name, 'queue', [{ areaId, chats: entries }]);
      return;
    }
    const change = queueChange(areaId, told, entries);
    if (!change) return;
    for (const name of agents) peers.toAgent(name, 'queue changed', [change]);
  }

  private sendPosition(sessionId: number, areaId: number, position: number): void {
    if (this.toldPositions.get(sessionId) === position) return;
    const details = { estimatedWaitSeconds: this.estimatedWaitSeconds(areaId, position) };
    if (this.parts.peers.toVisitors(sessionId, 'queue', [position, details])) {
      this.toldPositions.set(sessionId, position);
    }
  }

  /** Moving average over the area's last chats. */
  private averageHandlingSeconds(areaId: number): number {
    const cached = this.handlingAverages.get(areaId);
    if (cached !== undefined) return cached;
    const recent = this.parts.store.recentHandlingSeconds(areaId, HANDLING_WINDOW);
    const average = averageHandlingSeconds(
      recent,
      () => this.parts.directory.area(areaId).defaultHandlingSeconds ?? DEFAULT_HANDLING_SECONDS,
    );
    this.handlingAverages.set(areaId, average);
    return average;
  }
}
