/**
 * What an agent console shows: the full snapshot of a chat, everything a console needs right after
 * signing in, and who is online.
 */
import type {
  AgentChatSnapshot,
  AgentPresence,
  AgentServerEvents,
  ChatRating,
} from '../../../src/protocol/index.js';
import { ChatError } from '../errors.js';
import type { ChatStore } from '../store.js';
import { isAreaOpen } from '../hours.js';
import { toAgentMessage } from '../wire.js';
import type { ChatContext, EngineParts } from './chat-context.js';
import { PAGES_SHOWN } from './page-visits.js';

/** What a console gets after `login`: its areas, the agents, the queues and its open chats. */
export interface AgentWelcome {
  areas: AgentServerEvents['login'][0]['areas'];
  agents: AgentPresence[];
  queues: AgentServerEvents['queue'][0][];
  chats: AgentChatSnapshot[];
}

export type AgentViewParts = Pick<
  EngineParts,
  'store' | 'directory' | 'peers' | 'members' | 'queue' | 'now'
>;

export class AgentView {
  constructor(private readonly parts: AgentViewParts) {}

  /** Everything an agent console shows of one chat. */
  snapshot({ session, area }: ChatContext): AgentChatSnapshot {
    const { store, members } = this.parts;
    const userId = store.verifiedUserId(session.id);
    return {
      sessionId: session.id,
      areaId: session.areaId,
      areaName: area.name,
      status: session.status,
      client: {
        name: session.clientName,
        email: session.email,
        phone: session.phone,
        href: session.href,
        externalData: session.externalData,
        deviceInfo: session.deviceInfo,
        verified: userId !== undefined,
        ...(userId === undefined ? {} : { userId }),
      },
      agents: members.agentsOf(session.id),
      messages: store
        .messagesAfter(session.id, 0)
        .map((message) => toAgentMessage(message, area.timeZone)),
      postbacks: store.postbacksOf(session.id),
      createdAt: session.createdAt,
      pages: store.latestPageVisits(session.id, PAGES_SHOWN),
      ...(session.status === 'closed' ? ratingOf(store, session.id) : {}),
    };
  }

  /** The chat of an area the agent serves, or `not_found` (404). Closed chats too (history). */
  chatInAreasOf(agentName: string, sessionId: number): ChatContext {
    const { store, directory } = this.parts;
    const session = store.session(sessionId);
    if (!session || !directory.servesArea(agentName, session.areaId)) {
      throw new ChatError('not_found', 'No such chat in your areas.', 404);
    }
    return { session, area: directory.area(session.areaId) };
  }

  welcome(agentName: string): AgentWelcome {
    const { store, directory, members, queue } = this.parts;
    const areaIds = directory.areasOf(agentName);
    const now = new Date(this.parts.now());
    const chats = store
      .openSessions()
      .filter(
        (session) =>
          session.status === 'active' && members.agentsOf(session.id).includes(agentName),
      )
      .map((session) => this.snapshot({ session, area: directory.area(session.areaId) }));
    return {
      areas: areaIds.map((id) => {
        const area = directory.area(id);
        return { id, name: area.name, open: isAreaOpen(area, now) };
      }),
      agents: this.presence(),
      queues: areaIds.map((areaId) => ({ areaId, chats: queue.entries(areaId) })),
      chats,
    };
  }

  /** Every configured agent and whether a console of theirs is connected. */
  presence(): AgentPresence[] {
    return this.parts.directory.agents.map((agent) => ({
      name: agent.name,
      online: this.parts.peers.isOnline(agent.name),
    }));
  }
}

/** `{rating}` of an ended chat the visitor rated, else nothing (open chats cannot be rated). */
function ratingOf(store: ChatStore, sessionId: number): { rating?: ChatRating } {
  const rating = store.ratingTable().of(sessionId);
  return rating ? { rating } : {};
}
