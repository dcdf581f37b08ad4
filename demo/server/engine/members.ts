/**
 * Which agents are in each chat. Read on every message, so the store's answer is cached per chat;
 * every change goes through `add`/`remove` here, which drop the cached list.
 */
import type { ChatStore } from '../store.js';

export class ChatMembers {
  private readonly cache = new Map<number, string[]>();

  constructor(private readonly store: ChatStore) {}

  agentsOf(sessionId: number): string[] {
    let agents = this.cache.get(sessionId);
    if (!agents) {
      agents = this.store.agentsOf(sessionId);
      this.cache.set(sessionId, agents);
    }
    return agents;
  }

  /** False when the agent was already in the chat. */
  add(sessionId: number, agentName: string, now: number): boolean {
    this.cache.delete(sessionId);
    return this.store.addAgent(sessionId, agentName, now);
  }

  /** False when the agent was not in the chat. */
  remove(sessionId: number, agentName: string): boolean {
    this.cache.delete(sessionId);
    return this.store.removeAgent(sessionId, agentName);
  }

  /** A closed chat's list is not read again. */
  forget(sessionId: number): void {
    this.cache.delete(sessionId);
  }
}
