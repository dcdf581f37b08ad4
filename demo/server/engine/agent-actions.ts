/**
 * What an agent does from the console: sign in and out, accept a waiting chat, write, send a file,
 * type, acknowledge, bring in or remove a colleague, leave, and end the chat.
 */
import type {
  AgentChatSnapshot,
  MessageSentEvent,
  VisitorServerEvents,
} from '../../../src/protocol/index.js';
import { ChatError } from '../errors.js';
import { toMessageSent, type AgentPeer } from '../wire.js';
import type { AgentWelcome } from './agent-view.js';
import { PREVIEW_INTERVAL_MS, PreviewMerger } from './preview-merger.js';
import type { AgentMessageInput, ChatContext, IncomingFile, EngineParts } from './chat-context.js';

export type AgentActionParts = Pick<
  EngineParts,
  | 'store'
  | 'directory'
  | 'peers'
  | 'members'
  | 'messages'
  | 'sessions'
  | 'queue'
  | 'files'
  | 'view'
  | 'agentTokens'
  | 'logger'
  | 'now'
>;

export class AgentActions {
  /** The visitor gets at most one agent typing preview per chat this often (the latest). */
  private readonly previews: PreviewMerger<VisitorServerEvents['agent preview'][0]>;

  constructor(private readonly parts: AgentActionParts) {
    this.previews = new PreviewMerger(
      PREVIEW_INTERVAL_MS,
      (sessionId, preview) => parts.peers.toVisitors(sessionId, 'agent preview', [preview]),
      parts.now,
    );
  }

  stop(): void {
    this.previews.stop();
  }

  /** Signs an agent's console in; returns a token for HTTP calls (upload, download). */
  online(name: string, peer: AgentPeer): { name: string; token: string } {
    const { directory, peers, agentTokens } = this.parts;
    const agent = directory.agentSigningInAs(name);
    if (!agent) throw new ChatError('unknown_agent', `No agent called ${name}.`);
    peers.attachAgent(peer, agent.name);
    const token = agentTokens.issue(agent.name);
    this.broadcastPresence();
    return { name: agent.name, token };
  }

  /** What the console gets right after signing in. */
  welcome(agentName: string): AgentWelcome {
    return this.parts.view.welcome(agentName);
  }

  /** Full chat for an agent serving its area (also closed chats: the console's history view). */
  chat(agentName: string, sessionId: number): AgentChatSnapshot {
    const { view } = this.parts;
    return view.snapshot(view.chatInAreasOf(agentName, sessionId));
  }

  offline(name: string, peer: AgentPeer, token: string): void {
    this.parts.agentTokens.revoke(token);
    if (this.parts.peers.detachAgent(peer, name)) this.broadcastPresence();
  }

  accept(agentName: string, sessionId: number): void {
    const { store, peers, members, queue, view, logger } = this.parts;
    const { session, area } = view.chatInAreasOf(agentName, sessionId);
    if (session.status !== 'queued')
      throw new ChatError('not_queued', 'This chat is not waiting any more.', 409);
    const now = this.parts.now();
    store.setActive(sessionId, now);
    members.add(sessionId, agentName, now);
    queue.forgetPosition(sessionId);
    const accepted = { ...session, status: 'active' as const };
    peers.toVisitors(sessionId, 'chat message', [
      { agent: agentName, client: session.clientName, chat: [] },
    ]);
    peers.toAgent(agentName, 'chat', [view.snapshot({ session: accepted, area })]);
    queue.scheduleUpdate(session.areaId);
    logger.info({ sessionId, agent: agentName }, 'chat accepted');
  }

  message(agentName: string, sessionId: number, input: AgentMessageInput): MessageSentEvent {
    const { store, messages } = this.parts;
    const chat = this.activeChatOf(agentName, sessionId);
    const now = this.parts.now();
    const { message, isNew } = store.insertMessage({
      sessionId,
      umid: input.umid,
      sender: 'AGENT',
      agentName,
      text: input.text,
      sentAt: now,
    });
    if (isNew) {
      store.touch(sessionId, now);
      messages.announce(chat, [message]);
    }
    return toMessageSent(message, chat.area.timeZone);
  }

  file(agentName: string, sessionId: number, file: IncomingFile): MessageSentEvent {
    const { files, messages } = this.parts;
    const chat = this.activeChatOf(agentName, sessionId);
    files.check(chat.area, file.mime, file.data.length);
    const saved = files.save(sessionId, file);
    const message = messages.post(chat, {
      umid: `file-${saved.id}`,
      sender: 'AGENT',
      agentName,
      text: files.item(saved.id, saved.value, saved.size, saved.mime),
    });
    return toMessageSent(message, chat.area.timeZone);
  }

  preview(agentName: string, sessionId: number, text: string): void {
    const { area } = this.activeChatOf(agentName, sessionId);
    const preview = area.visitorSeesAgentTypingText
      ? { messageLen: text.length, text }
      : { messageLen: text.length };
    this.previews.push(sessionId, preview);
  }

  /** The console has these visitor messages: the visitor gets `message acked`. */
  ack(agentName: string, sessionId: number, ids: number[]): void {
    const { store, peers } = this.parts;
    this.activeChatOf(agentName, sessionId);
    const marked = store.ackMessages(sessionId, ids, this.parts.now());
    if (marked.length > 0) {
      peers.toVisitors(sessionId, 'message acked', [{ ids: marked }]);
      peers.toAgentsOf(sessionId, 'acked', [{ sessionId, ids: marked }]);
    }
  }

  addAgent(agentName: string, sessionId: number, otherName: string): void {
    const { directory, members, messages, peers, view } = this.parts;
    const chat = this.activeChatOf(agentName, sessionId);
    const other = directory.agentNamed(otherName);
    if (!other) throw new ChatError('unknown_agent', `No agent called ${otherName}.`);
    // A colleague must serve the chat's area: the area rules hold for every way into a chat.
    if (!directory.servesArea(other.name, chat.area.id)) {
      throw new ChatError('not_in_area', `${other.name} does not serve ${chat.area.name}.`, 403);
    }
    if (!members.add(sessionId, other.name, this.parts.now())) {
      throw new ChatError('bad_request', `${other.name} is already in this chat.`);
    }
    messages.systemMessage(chat, { event: 'AGENTS_ADDED', names: [other.name] });
    peers.toAgent(other.name, 'chat', [view.snapshot(chat)]);
    this.tellAgentsChanged(sessionId, members.agentsOf(sessionId));
  }

  removeAgent(agentName: string, sessionId: number, otherName: string): void {
    const { members, messages, peers } = this.parts;
    const chat = this.activeChatOf(agentName, sessionId);
    if (otherName === agentName)
      throw new ChatError('bad_request', 'Use "leave" to leave a chat yourself.');
    if (!members.remove(sessionId, otherName)) {
      throw new ChatError('not_in_chat', `${otherName} is not in this chat.`);
    }
    messages.systemMessage(chat, { event: 'AGENTS_REMOVED', names: [otherName] });
    peers.toAgent(otherName, 'chat removed', [{ sessionId }]);
    this.tellAgentsChanged(sessionId, members.agentsOf(sessionId));
  }

  /** The agent leaves without ending the chat; a chat left without agents goes back to the queue. */
  leave(agentName: string, sessionId: number): void {
    const { members, messages, peers, sessions } = this.parts;
    const chat = this.activeChatOf(agentName, sessionId);
    const othersStay = members.agentsOf(sessionId).some((name) => name !== agentName);
    if (!othersStay && sessions.queueIsFull(chat.area)) {
      // Leaving would put the visitor back into a full queue: keep the chat as it is.
      throw new ChatError(
        'queue_full',
        'The queue is full: end the chat or add a colleague instead of leaving.',
        409,
      );
    }
    members.remove(sessionId, agentName);
    messages.systemMessage(chat, { event: 'AGENT_LEFT', name: agentName });
    peers.toAgent(agentName, 'chat removed', [{ sessionId }]);
    const remaining = members.agentsOf(sessionId);
    if (remaining.length > 0) {
      this.tellAgentsChanged(sessionId, remaining);
      return;
    }
    sessions.requeue(chat, chat.session.areaId);
  }

  end(agentName: string, sessionId: number): void {
    const chat = this.activeChatOf(agentName, sessionId);
    this.parts.sessions.close(chat, 'agent', agentName, null);
  }

  /** The open chat, which the agent must be in (`not_in_chat`, 403). */
  private activeChatOf(agentName: string, sessionId: number): ChatContext {
    const chat = this.parts.sessions.openChat(sessionId);
    if (!this.parts.members.agentsOf(sessionId).includes(agentName)) {
      throw new ChatError('not_in_chat', 'You are not in this chat.', 403);
    }
    return chat;
  }

  private tellAgentsChanged(sessionId: number, agents: string[]): void {
    this.parts.peers.toAgentsOf(sessionId, 'agents changed', [{ sessionId, agents }]);
  }

  private broadcastPresence(): void {
    this.parts.peers.toEveryAgent('agents', [{ agents: this.parts.view.presence() }]);
  }
}
