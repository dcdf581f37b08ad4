/**
 * The live connections and the fan-out: every event the engine sends leaves through one of the
 * typed `to…` methods here, so its name and payload are checked against the protocol's event maps.
 */
import type { AgentServerEvents, VisitorServerEvents } from '../../../src/protocol/index.js';
import type { AgentPeer, VisitorPeer } from '../wire.js';
import type { Directory } from './directory.js';
import type { ChatMembers } from './members.js';

type VisitorEvent = keyof VisitorServerEvents & string;
type AgentEvent = keyof AgentServerEvents & string;

export class Peers {
  private readonly visitors = new Map<number, Set<VisitorPeer>>();
  private readonly agents = new Map<string, Set<AgentPeer>>();
  /** When each chat's last visitor connection went away (absent: connected, or never seen). */
  private readonly visitorLeftAt = new Map<number, number>();
  /** Chats never seen since this process started count as left at its start. */
  private readonly startedAt: number;

  constructor(
    private readonly directory: Directory,
    private readonly members: ChatMembers,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  attachVisitor(peer: VisitorPeer, sessionId: number): void {
    addTo(this.visitors, sessionId, peer);
    this.visitorLeftAt.delete(sessionId);
  }

  detachVisitor(peer: VisitorPeer, sessionId: number): void {
    removeFrom(this.visitors, sessionId, peer);
    if (!this.visitors.has(sessionId)) this.visitorLeftAt.set(sessionId, this.now());
  }

  /** How long the chat has had no visitor connection, in ms; 0 while one is connected. */
  visitorAbsentMs(sessionId: number): number {
    if (this.visitors.has(sessionId)) return 0;
    return this.now() - (this.visitorLeftAt.get(sessionId) ?? this.startedAt);
  }

  /** Forgets a closed chat's bookkeeping. */
  forgetChat(sessionId: number): void {
    this.visitorLeftAt.delete(sessionId);
  }

  /** How many visitor connections the chat has now (what tests of the widget's teardown read). */
  visitorConnectionCount(sessionId: number): number {
    return this.visitors.get(sessionId)?.size ?? 0;
  }

  attachAgent(peer: AgentPeer, agentName: string): void {
    addTo(this.agents, agentName, peer);
  }

  /** False when the agent had no such connection. */
  detachAgent(peer: AgentPeer, agentName: string): boolean {
    return removeFrom(this.agents, agentName, peer);
  }

  /** An agent is online while at least one console of theirs is connected. */
  isOnline(agentName: string): boolean {
    return this.agents.has(agentName);
  }

  onlineAgents(): string[] {
    return [...this.agents.keys()];
  }

  onlineAgentsOf(areaId: number): string[] {
    return this.onlineAgents().filter((name) => this.directory.servesArea(name, areaId));
  }

  /** Sends to every visitor connection of the chat; returns whether there was one. */
  toVisitors<E extends VisitorEvent>(
    sessionId: number,
    event: E,
    args: VisitorServerEvents[E],
  ): boolean {
    const peers = this.visitors.get(sessionId);
    if (!peers || peers.size === 0) return false;
    for (const peer of peers) peer.send(event, args);
    return true;
  }

  /** Sends to every console of one agent. */
  toAgent<E extends AgentEvent>(agentName: string, event: E, args: AgentServerEvents[E]): void {
    for (const peer of this.agents.get(agentName) ?? []) peer.send(event, args);
  }

  /** Sends to the consoles of every agent in the chat. */
  toAgentsOf<E extends AgentEvent>(sessionId: number, event: E, args: AgentServerEvents[E]): void {
    for (const agentName of this.members.agentsOf(sessionId)) this.toAgent(agentName, event, args);
  }

  /** Sends to every connected console. */
  toEveryAgent<E extends AgentEvent>(event: E, args: AgentServerEvents[E]): void {
    for (const peers of this.agents.values()) for (const peer of peers) peer.send(event, args);
  }
}

function addTo<Key, Value>(map: Map<Key, Set<Value>>, key: Key, value: Value): void {
  let values = map.get(key);
  if (!values) {
    values = new Set();
    map.set(key, values);
  }
  values.add(value);
}

/** Removes `value`, and the key once its set is empty; false when there was no such key. */
function removeFrom<Key, Value>(map: Map<Key, Set<Value>>, key: Key, value: Value): boolean {
  const values = map.get(key);
  if (!values) return false;
  values.delete(value);
  if (values.size === 0) map.delete(key);
  return true;
}
