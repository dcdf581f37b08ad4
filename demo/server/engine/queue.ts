/**
 * The queue as visitors and agents see it: each waiting visitor's position with an estimated wait,
 * and each area's list for its agents' consoles. Bursts of joins and accepts are coalesced into one
 * update per area; a position already told is not sent again.
 */
import type { QueueEntry } from '../../../src/protocol/index.js';
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

export type QueueParts = Pick<EngineParts, 'store' | 'directory' | 'peers' | 'logger'>;

export class Queue {
  /** Last position told to each waiting visitor, so unchanged positions are not resent. */
  private readonly toldPositions = new Map<number, number>();
  private readonly pendingAreas = new Set<number>();
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
    const { peers, directory } = this.parts;
    const entries = this.entries(areaId);
    entries.forEach((entry, index) => this.sendPosition(entry.sessionId, areaId, index + 1));
    for (const agentName of peers.onlineAgents()) {
      if (directory.servesArea(agentName, areaId))
        peers.toAgent(agentName, 'queue', [{ areaId, chats: entries }]);
    }
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
