/**
 * The chat core: sessions, the queue, agents, messages and who is told what. It owns no sockets
 * and no HTTP; the socket and route modules call it with already-validated input and a `Peer` to
 * answer. Every state change is written to the store first, then announced, so a restart loses
 * nothing that anyone has seen.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AgentChatSnapshot, QueueEntry } from '../../src/protocol/index.js';
import type { AreaConfig, ServerConfig } from './config.js';
import { ChatError } from './errors.js';
import { describeOpeningHours, isAreaOpen } from './hours.js';
import type { Logger } from './logger.js';
import type { ChatService, RobotChat, RobotHook, RobotTemplate } from './robot-hook.js';
import type { ChatStore, MessageRecord, NewMessage, SessionRecord } from './store.js';
import {
  humanSize,
  structuredItem,
  toAgentMessage,
  toMessageSent,
  toWireMessage,
  type MessageSentPayload,
  type Peer,
} from './wire.js';

export interface RegisterInput {
  area: number;
  name: string;
  email: string;
  message: string;
  phone?: string;
  externalData?: string;
  href?: string;
  clientDeviceInfo?: string;
}

export interface UploadResult {
  id: string;
  download: string;
  value: string;
  size: number;
  sizeHuman: string;
  mime: string;
}

export interface EngineOptions {
  config: ServerConfig;
  store: ChatStore;
  logger: Logger;
  /** Clock in unix ms; tests may replace it. */
  now?: () => number;
  /** How often idle chats are looked for. Default 5000 ms. */
  sweepIntervalMs?: number;
}

/** How many recent chats the estimated wait averages over. */
const HANDLING_WINDOW = 20;
/** Queue updates of an area are coalesced over this many ms (many joins/accepts in a burst). */
const QUEUE_UPDATE_DELAY_MS = 20;

export class ChatEngine implements ChatService {
  /** Absolute `…/s/<workspace>` URL, set once the server listens; used in download links. */
  publicBaseURL = '';

  private readonly config: ServerConfig;
  private readonly store: ChatStore;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly areas = new Map<number, AreaConfig>();
  private readonly visitorPeers = new Map<number, Set<Peer>>();
  private readonly agentPeers = new Map<string, Set<Peer>>();
  private readonly agentTokens = new Map<string, string>();
  private readonly robots = new Map<string, RobotHook>();
  /** The user name a robot last wrote under, per chat (the `agent` field while a robot owns it). */
  private readonly robotUsers = new Map<number, string>();
  /** Last queue position told to each waiting visitor, so unchanged positions are not resent. */
  private readonly toldPositions = new Map<number, number>();
  private readonly pendingQueueAreas = new Set<number>();
  private readonly handlingAverages = new Map<number, number>();
  /** Agents per chat, read on every message: cached, and changed only through the two methods below. */
  private readonly agentsCache = new Map<number, string[]>();
  private queueTimer: NodeJS.Timeout | undefined;
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(options: EngineOptions) {
    this.config = options.config;
    this.store = options.store;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    for (const area of options.config.areas) this.areas.set(area.id, area);
    this.sweepTimer = setInterval(() => this.expireIdleChats(), options.sweepIntervalMs ?? 5000);
    this.sweepTimer.unref();
  }

  stop(): void {
    clearInterval(this.sweepTimer);
    if (this.queueTimer) clearTimeout(this.queueTimer);
  }

  registerRobot(name: string, hook: RobotHook): void {
    this.robots.set(name, hook);
  }

  area(areaId: number): AreaConfig {
    const area = this.areas.get(areaId);
    if (!area) throw new ChatError('no_area', `There is no area ${areaId}.`, 404);
    return area;
  }

  // ---------------------------------------------------------------------------------------------
  // Visitors

  /** Answers `register`: creates the session and routes it to a robot, the queue or a refusal. */
  register(peer: Peer, input: RegisterInput, re?: number): SessionRecord {
    const area = this.area(input.area);
    const now = this.now();
    if (!isAreaOpen(area, new Date(now))) {
      throw new ChatError('outside_hours', `${area.name} is closed at this time.`);
    }
    const robotName = area.robot && this.robots.has(area.robot) ? area.robot : null;
    let refusal: 'queue full' | 'agent unavailable' | null = null;
    if (!robotName) {
      if (this.store.queuedCount(area.id) >= area.queueCapacity) refusal = 'queue full';
      else if (!area.queueWithoutAgents && this.onlineAgentsOf(area.id).length === 0) {
        refusal = 'agent unavailable';
      }
    }
    const session = this.store.createSession({
      secret: randomBytes(24).toString('base64url'),
      areaId: area.id,
      clientName: input.name,
      email: input.email,
      phone: input.phone ?? '',
      externalData: input.externalData ?? '',
      href: input.href ?? '',
      deviceInfo: input.clientDeviceInfo ?? '',
      status: robotName ? 'robot' : 'queued',
      robot: robotName,
      now,
    });
    this.attachVisitor(peer, session.id);
    peer.send(
      'register',
      [
        {
          sessionId: session.id,
          sessionSecret: session.secret,
          areaId: area.id,
          clientName: session.clientName,
        },
      ],
      re,
    );
    const first = this.insert({
      sessionId: session.id,
      umid: '',
      sender: 'CLIENT',
      agentName: null,
      text: input.message,
      sentAt: now,
    });
    this.announce(session, [first]);
    this.logger.info(
      { sessionId: session.id, areaId: area.id, robot: robotName },
      'chat registered',
    );

    if (refusal) {
      peer.send(refusal, []);
      this.store.setClosed(session.id, now, 'system', refusal.replace(' ', '_'));
      return session;
    }
    if (robotName) {
      this.callRobot(session.id, (hook, chat) =>
        hook.onNewChat(chat, { id: first.id, text: first.text }),
      );
    } else {
      this.tellQueuePosition(session);
      this.scheduleQueueUpdate(area.id);
    }
    return session;
  }

  /** Answers `resume`: re-attaches, replays what came after `lastSeenId`, then the current state. */
  resume(
    peer: Peer,
    input: { sessionId: number; sessionSecret: string; lastSeenId?: number },
    re?: number,
  ): SessionRecord | undefined {
    const session = this.store.session(input.sessionId);
    if (!session) {
      peer.send('resume', [{ error: 'no session' }], re);
      return undefined;
    }
    if (!secretsMatch(session.secret, input.sessionSecret)) {
      peer.send('resume', [{ error: 'bad secret' }], re);
      return undefined;
    }
    if (session.status === 'closed') {
      peer.send('resume', [{ error: 'chat closed' }], re);
      return undefined;
    }
    this.attachVisitor(peer, session.id);
    this.store.touch(session.id, this.now());
    peer.send(
      'resume',
      [
        {
          sessionId: session.id,
          sessionSecret: session.secret,
          areaId: session.areaId,
          clientName: session.clientName,
        },
      ],
      re,
    );
    const timeZone = this.area(session.areaId).timeZone;
    const missed = this.store
      .messagesAfter(session.id, input.lastSeenId ?? 0)
      .filter((message) => !message.internal);
    peer.send('chat message', [
      {
        agent: this.currentAgentName(session),
        client: session.clientName,
        chat: missed.map((message) => toWireMessage(message, timeZone)),
      },
    ]);
    this.markDeliveredAndTell(session.id, missed);
    const acked = this.store.ackedClientMessageIds(session.id);
    if (acked.length > 0) peer.send('message acked', [{ ids: acked }]);
    if (session.status === 'queued') {
      this.toldPositions.delete(session.id);
      this.tellQueuePosition(session);
    }
    return session;
  }

  attachVisitor(peer: Peer, sessionId: number): void {
    let peers = this.visitorPeers.get(sessionId);
    if (!peers) {
      peers = new Set();
      this.visitorPeers.set(sessionId, peers);
    }
    peers.add(peer);
  }

  detachVisitor(peer: Peer, sessionId: number): void {
    const peers = this.visitorPeers.get(sessionId);
    if (!peers) return;
    peers.delete(peer);
    if (peers.size === 0) this.visitorPeers.delete(sessionId);
  }

  /** Answers `chat message`; a umid already stored is answered as the first time, not stored. */
  visitorMessage(
    peer: Peer,
    sessionId: number,
    input: { umid: string; message: string },
    re?: number,
  ): MessageSentPayload | undefined {
    const session = this.openSessionOrTell(peer, sessionId, re);
    if (!session) return undefined;
    const now = this.now();
    const { message, isNew } = this.store.insertMessage({
      sessionId,
      umid: input.umid,
      sender: 'CLIENT',
      agentName: null,
      text: input.message,
      sentAt: now,
    });
    const sent = toMessageSent(message, this.area(session.areaId).timeZone);
    peer.send('message sent', [sent], re);
    if (!isNew) return sent;
    this.store.touch(sessionId, now);
    this.announce(session, [message]);
    if (session.status === 'robot') {
      this.callRobot(sessionId, (hook, chat) =>
        hook.onMessage(chat, { id: message.id, text: message.text }),
      );
    }
    return sent;
  }

  /** Answers `preview`: agents of the chat see the text (or only its length, per area). */
  visitorPreview(sessionId: number, text: string): void {
    const session = this.store.session(sessionId);
    if (!session || session.status === 'closed') return;
    const area = this.area(session.areaId);
    const payload: { sessionId: number; length: number; text?: string } = {
      sessionId,
      length: text.length,
    };
    if (area.agentsSeeTypingText) payload.text = text;
    this.toAgentsOf(sessionId, 'preview', [payload]);
  }

  /** Answers `add attachment`: the uploaded file becomes a FILE_UPLOAD message of the visitor. */
  visitorAttachment(
    peer: Peer,
    sessionId: number,
    input: { fileId: string; umid?: string },
    re?: number,
  ): void {
    const session = this.openSessionOrTell(peer, sessionId, re);
    if (!session) return;
    const file = this.store.file(input.fileId);
    if (!file || file.sessionId !== sessionId) {
      throw new ChatError('not_found', 'No such uploaded file in this chat.', 404);
    }
    const now = this.now();
    const { message, isNew } = this.store.insertMessage({
      sessionId,
      umid: input.umid ?? `file-${file.id}`,
      sender: 'CLIENT',
      agentName: null,
      text: this.fileItem(file.id, file.name, file.size, file.mime),
      sentAt: now,
    });
    peer.send('message sent', [toMessageSent(message, this.area(session.areaId).timeZone)], re);
    if (!isNew) return;
    this.store.touch(sessionId, now);
    this.announce(session, [message]);
  }

  /** Answers `seen`: marks agent/system messages as read and tells the agents. */
  visitorSeen(sessionId: number, ids: number[]): void {
    const marked = this.store.markSeen(sessionId, ids, this.now());
    if (marked.length > 0) this.toAgentsOf(sessionId, 'seen', [{ sessionId, ids: marked }]);
  }

  /** Answers `postback`: stored, shown to agents, and passed to the robot if it owns the chat. */
  visitorPostback(
    peer: Peer,
    sessionId: number,
    input: { title: string; data: string },
    re?: number,
  ): void {
    const session = this.openSessionOrTell(peer, sessionId, re);
    if (!session) return;
    const now = this.now();
    this.store.insertPostback(sessionId, input.title, input.data, now);
    this.store.touch(sessionId, now);
    this.toAgentsOf(sessionId, 'postback', [{ sessionId, ...input }]);
    if (session.status === 'robot') {
      this.callRobot(sessionId, (hook, chat) => hook.onPostback(chat, input));
    }
  }

  /** Answers `close chat`. Closing an already closed chat only repeats `finish chat session`. */
  visitorClose(peer: Peer, sessionId: number, re?: number): void {
    const session = this.store.session(sessionId);
    if (!session) throw new ChatError('no_session', 'No such chat.');
    if (session.status === 'closed') {
      peer.send('finish chat session', [{ by: session.closedBy ?? 'system' }], re);
      return;
    }
    this.closeSession(session, 'client', null, null);
  }

  /** Stores an uploaded visitor file after checking secret, area and limits. */
  storeVisitorUpload(input: {
    sessionId: number;
    secret: string;
    areaId?: number;
    name: string;
    mime: string;
    data: Buffer;
  }): UploadResult {
    const session = this.store.session(input.sessionId);
    if (!session) throw new ChatError('no_session', 'No such chat.', 404);
    if (!secretsMatch(session.secret, input.secret)) {
      throw new ChatError('bad_secret', 'The session secret does not match.', 403);
    }
    if (session.status === 'closed') throw new ChatError('chat_closed', 'The chat has ended.', 409);
    const area = this.area(session.areaId);
    this.checkAttachment(area, input.mime, input.data.length);
    return this.saveFile(session.id, input.name, input.mime, input.data);
  }

  /** Checks a file against the area's limits; throws the matching 4xx `ChatError`. */
  checkAttachment(area: AreaConfig, mime: string, size: number): void {
    const limits = area.attachments;
    if (!limits.enabled) {
      throw new ChatError('attachments_disabled', 'Attachments are turned off here.', 403);
    }
    if (!mimeAllowed(mime, limits.allowedTypes)) {
      throw new ChatError('bad_type', `Files of type ${mime} are not accepted.`, 415);
    }
    const max = mime.startsWith('image/')
      ? Math.min(limits.maxImageBytes, limits.maxBytes)
      : limits.maxBytes;
    if (size > max) {
      throw new ChatError('too_large', `The file is larger than ${humanSize(max)}.`, 413);
    }
  }

  /** The file if `token` is the chat's session secret or a signed-in agent's token. */
  fileFor(fileId: string, token: string): { name: string; mime: string; data: Buffer } {
    const file = this.store.file(fileId);
    if (!file) throw new ChatError('not_found', 'No such file.', 404);
    const session = this.store.session(file.sessionId);
    const isVisitor = session !== undefined && secretsMatch(session.secret, token);
    const agentName = this.agentTokens.get(token);
    const isAgent =
      agentName !== undefined &&
      session !== undefined &&
      this.servesArea(agentName, session.areaId);
    if (!isVisitor && !isAgent) throw new ChatError('bad_secret', 'Not allowed.', 403);
    return file;
  }

  /** The chat whose secret this is, for the transcript endpoints. */
  sessionForSecret(secret: string, areaId?: number): SessionRecord {
    const session = this.store.sessionBySecret(secret);
    if (!session || (areaId !== undefined && session.areaId !== areaId)) {
      throw new ChatError('bad_secret', 'No chat with that secret.', 403);
    }
    return session;
  }

  /** Messages the visitor may see (no internal comments), for transcripts. */
  visitorTranscript(sessionId: number): MessageRecord[] {
    return this.store.messagesAfter(sessionId, 0).filter((message) => !message.internal);
  }

  /** The `canchat` answer. */
  canChat(areaId: number, sessionId?: number, secret?: string): Record<string, unknown> {
    const area = this.area(areaId);
    let resumable = false;
    if (sessionId !== undefined && secret !== undefined) {
      const session = this.store.session(sessionId);
      resumable = !!session && session.status !== 'closed' && secretsMatch(session.secret, secret);
    }
    return {
      chatOpen: isAreaOpen(area, new Date(this.now())),
      // A registered robot answers new chats, so it counts as an available agent: the widget
      // must not tell visitors that everyone is busy while the robot would answer at once.
      agentsAvailable:
        this.onlineAgentsOf(area.id).length + (area.robot && this.robots.has(area.robot) ? 1 : 0),
      resumable,
      feature: {
        'chat.attachment': area.attachments.enabled,
        'chat.max-attachment-size': area.attachments.maxBytes,
        'chat.max-image-size': Math.min(area.attachments.maxImageBytes, area.attachments.maxBytes),
        'chat.external-source-page': true,
      },
      openingHours: describeOpeningHours(area),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Agents

  /** Signs an agent's console in; returns a token for HTTP calls (upload, download). */
  agentOnline(name: string, peer: Peer): { name: string; token: string } {
    const agent = this.config.agents.find(
      (candidate) => candidate.name.toLowerCase() === name.toLowerCase(),
    );
    if (!agent) throw new ChatError('unknown_agent', `No agent called ${name}.`);
    let peers = this.agentPeers.get(agent.name);
    if (!peers) {
      peers = new Set();
      this.agentPeers.set(agent.name, peers);
    }
    peers.add(peer);
    const token = randomBytes(24).toString('base64url');
    this.agentTokens.set(token, agent.name);
    this.broadcastAgentsOnline();
    return { name: agent.name, token };
  }

  agentOffline(name: string, peer: Peer, token: string): void {
    this.agentTokens.delete(token);
    const peers = this.agentPeers.get(name);
    if (!peers) return;
    peers.delete(peer);
    if (peers.size === 0) this.agentPeers.delete(name);
    this.broadcastAgentsOnline();
  }

  agentNameForToken(token: string): string | undefined {
    return this.agentTokens.get(token);
  }

  /** What a console needs right after signing in. */
  agentWelcome(name: string): {
    areas: { id: number; name: string; open: boolean }[];
    agents: { name: string; online: boolean }[];
    queues: { areaId: number; chats: QueueEntry[] }[];
    chats: AgentChatSnapshot[];
  } {
    const areaIds = this.areasOf(name);
    const now = new Date(this.now());
    const chats = this.store
      .openSessions()
      .filter((session) => session.status === 'active' && this.agentsOf(session.id).includes(name))
      .map((session) => this.snapshot(session));
    return {
      areas: areaIds.map((id) => ({
        id,
        name: this.area(id).name,
        open: isAreaOpen(this.area(id), now),
      })),
      agents: this.config.agents.map((agent) => ({
        name: agent.name,
        online: this.agentPeers.has(agent.name),
      })),
      queues: areaIds.map((areaId) => ({ areaId, chats: this.queueEntries(areaId) })),
      chats,
    };
  }

  /** Full chat for an agent serving its area (also closed chats: the console's history view). */
  agentChat(agentName: string, sessionId: number): AgentChatSnapshot {
    const session = this.store.session(sessionId);
    if (!session || !this.servesArea(agentName, session.areaId)) {
      throw new ChatError('not_found', 'No such chat in your areas.', 404);
    }
    return this.snapshot(session);
  }

  accept(agentName: string, sessionId: number): void {
    const session = this.store.session(sessionId);
    if (!session || !this.servesArea(agentName, session.areaId)) {
      throw new ChatError('not_found', 'No such chat in your areas.', 404);
    }
    if (session.status !== 'queued')
      throw new ChatError('not_queued', 'This chat is not waiting any more.', 409);
    const now = this.now();
    this.store.setActive(sessionId, now);
    this.addAgentRecord(sessionId, agentName, now);
    this.toldPositions.delete(sessionId);
    const accepted = { ...session, status: 'active' as const };
    this.toVisitors(sessionId, 'chat message', [
      { agent: agentName, client: session.clientName, chat: [] },
    ]);
    this.toAgent(agentName, 'chat', [this.snapshot(accepted)]);
    this.scheduleQueueUpdate(session.areaId);
    this.logger.info({ sessionId, agent: agentName }, 'chat accepted');
  }

  agentMessage(
    agentName: string,
    sessionId: number,
    input: { umid: string; text: string },
  ): MessageSentPayload {
    const session = this.activeChatOf(agentName, sessionId);
    const now = this.now();
    const { message, isNew } = this.store.insertMessage({
      sessionId,
      umid: input.umid,
      sender: 'AGENT',
      agentName,
      text: input.text,
      sentAt: now,
    });
    if (isNew) {
      this.store.touch(sessionId, now);
      this.announce(session, [message]);
    }
    return toMessageSent(message, this.area(session.areaId).timeZone);
  }

  agentFile(
    agentName: string,
    sessionId: number,
    file: { name: string; mime: string; data: Buffer },
  ): MessageSentPayload {
    const session = this.activeChatOf(agentName, sessionId);
    this.checkAttachment(this.area(session.areaId), file.mime, file.data.length);
    const saved = this.saveFile(sessionId, file.name, file.mime, file.data);
    const message = this.insert({
      sessionId,
      umid: `file-${saved.id}`,
      sender: 'AGENT',
      agentName,
      text: this.fileItem(saved.id, saved.value, saved.size, saved.mime),
      sentAt: this.now(),
    });
    this.announce(session, [message]);
    return toMessageSent(message, this.area(session.areaId).timeZone);
  }

  agentPreview(agentName: string, sessionId: number, text: string): void {
    const session = this.activeChatOf(agentName, sessionId);
    const payload: { messageLen: number; text?: string } = { messageLen: text.length };
    if (this.area(session.areaId).visitorSeesAgentTypingText) payload.text = text;
    this.toVisitors(sessionId, 'agent preview', [payload]);
  }

  /** The console has these visitor messages: the visitor gets `message acked`. */
  agentAck(agentName: string, sessionId: number, ids: number[]): void {
    this.activeChatOf(agentName, sessionId);
    const marked = this.store.ackMessages(sessionId, ids, this.now());
    if (marked.length > 0) {
      this.toVisitors(sessionId, 'message acked', [{ ids: marked }]);
      this.toAgentsOf(sessionId, 'acked', [{ sessionId, ids: marked }]);
    }
  }

  addAgent(agentName: string, sessionId: number, otherName: string): void {
    const session = this.activeChatOf(agentName, sessionId);
    const other = this.config.agents.find((agent) => agent.name === otherName);
    if (!other) throw new ChatError('unknown_agent', `No agent called ${otherName}.`);
    if (!this.addAgentRecord(sessionId, other.name, this.now())) {
      throw new ChatError('bad_request', `${other.name} is already in this chat.`);
    }
    this.systemMessage(session, { event: 'AGENTS_ADDED', names: [other.name] });
    this.toAgent(other.name, 'chat', [this.snapshot(session)]);
    this.toAgentsOf(sessionId, 'agents changed', [{ sessionId, agents: this.agentsOf(sessionId) }]);
  }

  removeAgent(agentName: string, sessionId: number, otherName: string): void {
    const session = this.activeChatOf(agentName, sessionId);
    if (otherName === agentName)
      throw new ChatError('bad_request', 'Use "leave" to leave a chat yourself.');
    if (!this.removeAgentRecord(sessionId, otherName)) {
      throw new ChatError('not_in_chat', `${otherName} is not in this chat.`);
    }
    this.systemMessage(session, { event: 'AGENTS_REMOVED', names: [otherName] });
    this.toAgent(otherName, 'chat removed', [{ sessionId }]);
    this.toAgentsOf(sessionId, 'agents changed', [{ sessionId, agents: this.agentsOf(sessionId) }]);
  }

  /** The agent leaves without ending the chat; a chat left without agents goes back to the queue. */
  leaveChat(agentName: string, sessionId: number): void {
    const session = this.activeChatOf(agentName, sessionId);
    this.removeAgentRecord(sessionId, agentName);
    this.systemMessage(session, { event: 'AGENT_LEFT', name: agentName });
    this.toAgent(agentName, 'chat removed', [{ sessionId }]);
    const remaining = this.agentsOf(sessionId);
    if (remaining.length > 0) {
      this.toAgentsOf(sessionId, 'agents changed', [{ sessionId, agents: remaining }]);
      return;
    }
    this.requeue(session, session.areaId);
  }

  endChat(agentName: string, sessionId: number): void {
    const session = this.activeChatOf(agentName, sessionId);
    this.closeSession(session, 'agent', agentName, null);
  }

  // ---------------------------------------------------------------------------------------------
  // ChatService (robots and plugins)

  getChat(sessionId: number): (RobotChat & { status: string; agents: string[] }) | undefined {
    const session = this.store.session(sessionId);
    if (!session) return undefined;
    return { ...robotChatOf(session), status: session.status, agents: this.agentsOf(sessionId) };
  }

  postAgentMessage(sessionId: number, userName: string, html: string): { id: number } {
    const session = this.openSession(sessionId);
    this.robotUsers.set(sessionId, userName);
    return this.postAsAgent(session, userName, html);
  }

  /** A template is an agent message whose text is a structured TEMPLATE item. */
  postTemplate(sessionId: number, userName: string, template: RobotTemplate): { id: number } {
    return this.postAgentMessage(
      sessionId,
      userName,
      structuredItem({ event: 'TEMPLATE', template }),
    );
  }

  postFile(
    sessionId: number,
    userName: string,
    file: { name: string; mime: string; data: Buffer },
  ): { id: number } {
    const session = this.openSession(sessionId);
    this.robotUsers.set(sessionId, userName);
    const saved = this.saveFile(sessionId, file.name, file.mime, file.data);
    const item = this.fileItem(saved.id, saved.value, saved.size, saved.mime);
    return this.postAsAgent(session, userName, item);
  }

  /** A comment is not the robot speaking to the visitor, so it leaves the robot user as it was. */
  postComment(sessionId: number, userName: string, html: string): { id: number } {
    return this.postAsAgent(this.openSession(sessionId), userName, html, { internal: true });
  }

  /** What every robot post ends in: stored under `userName` as an agent message, then announced. */
  private postAsAgent(
    session: SessionRecord,
    userName: string,
    text: string,
    options: { internal?: boolean } = {},
  ): { id: number } {
    const message = this.insert({
      sessionId: session.id,
      umid: '',
      sender: 'AGENT',
      agentName: userName,
      text,
      sentAt: this.now(),
      internal: options.internal,
    });
    this.announce(session, [message]);
    return { id: message.id };
  }

  handover(sessionId: number, areaId?: number, userName?: string): void {
    const session = this.openSession(sessionId);
    const target = this.area(areaId ?? session.areaId);
    // (Added for the robot API module.) The handover is a system item in the transcript: the
    // robot "has left the chat", a line both the widget and the console already render.
    const robotName = userName ?? this.robotUsers.get(sessionId);
    if (robotName) this.systemMessage(session, { event: 'AGENT_LEFT', name: robotName });
    this.robotUsers.delete(sessionId);
    this.requeue(session, target.id);
  }

  close(sessionId: number, userName: string): void {
    const session = this.openSession(sessionId);
    this.closeSession(session, 'agent', userName, null);
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  /** Closes chats idle past their area's limit with a CHAT_EXPIRED item. */
  expireIdleChats(): void {
    const now = this.now();
    for (const session of this.store.openSessions()) {
      const area = this.areas.get(session.areaId);
      if (!area) continue;
      if (now - session.lastActivityAt >= area.idleExpirySeconds * 1000) {
        this.closeSession(session, 'system', null, 'expired');
      }
    }
  }

  private closeSession(
    session: SessionRecord,
    by: 'client' | 'agent' | 'system',
    name: string | null,
    reason: string | null,
  ): void {
    const now = this.now();
    if (!this.store.setClosed(session.id, now, by, reason)) return;
    this.handlingAverages.delete(session.areaId);
    const item =
      by === 'client'
        ? { event: 'CLIENT_ENDS_CHAT' }
        : by === 'agent'
          ? { event: 'OWNER_ENDS_CHAT', name: name ?? '' }
          : { event: 'CHAT_EXPIRED' };
    this.systemMessage(session, item);
    const finish: { by: string; reason?: string } = { by };
    if (reason) finish.reason = reason;
    this.toVisitors(session.id, 'finish chat session', [finish]);
    this.toAgentsOf(session.id, 'chat ended', [{ sessionId: session.id, by, name, reason }]);
    this.robotUsers.delete(session.id);
    this.toldPositions.delete(session.id);
    this.agentsCache.delete(session.id);
    if (session.status === 'queued') this.scheduleQueueUpdate(session.areaId);
    this.logger.info({ sessionId: session.id, by, reason }, 'chat closed');
  }

  private requeue(session: SessionRecord, areaId: number): void {
    this.store.setQueued(session.id, areaId, this.now());
    const requeued = this.store.session(session.id);
    if (!requeued) return;
    this.toldPositions.delete(session.id);
    this.toVisitors(session.id, 'chat message', [
      { agent: '', client: session.clientName, chat: [] },
    ]);
    this.tellQueuePosition(requeued);
    this.scheduleQueueUpdate(areaId);
  }

  private systemMessage(
    session: SessionRecord,
    item: { event: string } & Record<string, unknown>,
  ): void {
    const message = this.insert({
      sessionId: session.id,
      umid: '',
      sender: 'SYSTEM',
      agentName: null,
      text: structuredItem(item),
      sentAt: this.now(),
    });
    this.announce(session, [message]);
  }

  private insert(message: NewMessage): MessageRecord {
    return this.store.insertMessage(message).message;
  }

  /** Sends new messages to the visitor (unless internal) and to the chat's agents. */
  private announce(session: SessionRecord, messages: MessageRecord[]): void {
    const timeZone = this.area(session.areaId).timeZone;
    const visible = messages.filter((message) => !message.internal);
    if (visible.length > 0) {
      const delivered = this.toVisitors(session.id, 'chat message', [
        {
          agent: this.currentAgentName(session),
          client: session.clientName,
          chat: visible.map((message) => toWireMessage(message, timeZone)),
        },
      ]);
      if (delivered) this.markDeliveredAndTell(session.id, visible);
    }
    this.toAgentsOf(session.id, 'chat message', [
      {
        sessionId: session.id,
        messages: messages.map((message) => toAgentMessage(message, timeZone)),
      },
    ]);
  }

  private markDeliveredAndTell(sessionId: number, messages: MessageRecord[]): void {
    const ids = messages
      .filter((message) => message.sender !== 'CLIENT')
      .map((message) => message.id);
    if (ids.length === 0) return;
    const marked = this.store.markDelivered(sessionId, ids, this.now());
    if (marked.length > 0) this.toAgentsOf(sessionId, 'delivered', [{ sessionId, ids: marked }]);
  }

  private currentAgentName(session: SessionRecord): string {
    return this.agentsOf(session.id)[0] ?? this.robotUsers.get(session.id) ?? '';
  }

  /** Sends to every visitor connection of the chat; returns whether there was one. */
  private toVisitors(sessionId: number, event: string, args: unknown[]): boolean {
    const peers = this.visitorPeers.get(sessionId);
    if (!peers || peers.size === 0) return false;
    for (const peer of peers) peer.send(event, args);
    return true;
  }

  private toAgent(agentName: string, event: string, args: unknown[]): void {
    for (const peer of this.agentPeers.get(agentName) ?? []) peer.send(event, args);
  }

  private toAgentsOf(sessionId: number, event: string, args: unknown[]): void {
    for (const agentName of this.agentsOf(sessionId)) this.toAgent(agentName, event, args);
  }

  private broadcastAgentsOnline(): void {
    const agents = this.config.agents.map((agent) => ({
      name: agent.name,
      online: this.agentPeers.has(agent.name),
    }));
    for (const peers of this.agentPeers.values())
      for (const peer of peers) peer.send('agents', [{ agents }]);
  }

  private openSessionOrTell(peer: Peer, sessionId: number, re?: number): SessionRecord | undefined {
    const session = this.store.session(sessionId);
    if (!session) throw new ChatError('no_session', 'No such chat.');
    if (session.status === 'closed') {
      peer.send('chat closed', [], re);
      return undefined;
    }
    return session;
  }

  private openSession(sessionId: number): SessionRecord {
    const session = this.store.session(sessionId);
    if (!session) throw new ChatError('no_session', 'No such chat.', 404);
    if (session.status === 'closed') throw new ChatError('chat_closed', 'The chat has ended.', 409);
    return session;
  }

  private activeChatOf(agentName: string, sessionId: number): SessionRecord {
    const session = this.openSession(sessionId);
    if (!this.agentsOf(sessionId).includes(agentName)) {
      throw new ChatError('not_in_chat', 'You are not in this chat.', 403);
    }
    return session;
  }

  private agentsOf(sessionId: number): string[] {
    let agents = this.agentsCache.get(sessionId);
    if (!agents) {
      agents = this.store.agentsOf(sessionId);
      this.agentsCache.set(sessionId, agents);
    }
    return agents;
  }

  private addAgentRecord(sessionId: number, agentName: string, now: number): boolean {
    this.agentsCache.delete(sessionId);
    return this.store.addAgent(sessionId, agentName, now);
  }

  private removeAgentRecord(sessionId: number, agentName: string): boolean {
    this.agentsCache.delete(sessionId);
    return this.store.removeAgent(sessionId, agentName);
  }

  private areasOf(agentName: string): number[] {
    const agent = this.config.agents.find((candidate) => candidate.name === agentName);
    return (agent?.areas ?? []).filter((id) => this.areas.has(id));
  }

  private servesArea(agentName: string, areaId: number): boolean {
    return this.areasOf(agentName).includes(areaId);
  }

  private onlineAgentsOf(areaId: number): string[] {
    return [...this.agentPeers.keys()].filter((name) => this.servesArea(name, areaId));
  }

  private snapshot(session: SessionRecord): AgentChatSnapshot {
    const area = this.area(session.areaId);
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
      },
      agents: this.agentsOf(session.id),
      messages: this.store
        .messagesAfter(session.id, 0)
        .map((message) => toAgentMessage(message, area.timeZone)),
      postbacks: this.store.postbacksOf(session.id),
      createdAt: session.createdAt,
    };
  }

  private queueEntries(areaId: number): QueueEntry[] {
    return this.store.queuedInArea(areaId).map((session) => ({
      sessionId: session.id,
      areaId,
      clientName: session.clientName,
      firstMessage: this.store.firstMessageText(session.id),
      waitingSince: session.queuedAt ?? session.createdAt,
    }));
  }

  /** Estimated wait: position ÷ agents signed in × the area's moving average handling time. */
  estimatedWaitSeconds(areaId: number, position: number): number {
    const average = this.averageHandlingSeconds(areaId);
    const agents = Math.max(1, this.onlineAgentsOf(areaId).length);
    return Math.round(Math.ceil(position / agents) * average);
  }

  /** Moving average over the area's last chats, cached until the next chat of the area closes. */
  private averageHandlingSeconds(areaId: number): number {
    const cached = this.handlingAverages.get(areaId);
    if (cached !== undefined) return cached;
    const recent = this.store.recentHandlingSeconds(areaId, HANDLING_WINDOW);
    const average =
      recent.length > 0
        ? recent.reduce((sum, seconds) => sum + seconds, 0) / recent.length
        : (this.area(areaId).defaultHandlingSeconds ?? 180);
    this.handlingAverages.set(areaId, average);
    return average;
  }

  private tellQueuePosition(session: SessionRecord): void {
    if (session.status !== 'queued') return;
    const position = this.store.queuePosition(session);
    if (position <= 0) return;
    this.sendPosition(session.id, session.areaId, position);
  }

  private sendPosition(sessionId: number, areaId: number, position: number): void {
    if (this.toldPositions.get(sessionId) === position) return;
    if (
      this.toVisitors(sessionId, 'queue', [
        position,
        { estimatedWaitSeconds: this.estimatedWaitSeconds(areaId, position) },
      ])
    ) {
      this.toldPositions.set(sessionId, position);
    }
  }

  /** Coalesces queue changes: agents get the new list, waiting visitors their new positions. */
  private scheduleQueueUpdate(areaId: number): void {
    this.pendingQueueAreas.add(areaId);
    if (this.queueTimer) return;
    this.queueTimer = setTimeout(() => {
      this.queueTimer = undefined;
      const areaIds = [...this.pendingQueueAreas];
      this.pendingQueueAreas.clear();
      for (const id of areaIds) {
        try {
          this.flushQueue(id);
        } catch (error) {
          this.logger.error({ err: error, areaId: id }, 'queue update failed');
        }
      }
    }, QUEUE_UPDATE_DELAY_MS);
  }

  private flushQueue(areaId: number): void {
    const entries = this.queueEntries(areaId);
    entries.forEach((entry, index) => this.sendPosition(entry.sessionId, areaId, index + 1));
    for (const agentName of this.agentPeers.keys()) {
      if (this.servesArea(agentName, areaId))
        this.toAgent(agentName, 'queue', [{ areaId, chats: entries }]);
    }
  }

  private saveFile(sessionId: number, name: string, mime: string, data: Buffer): UploadResult {
    const id = randomBytes(12).toString('base64url');
    const safeName = name.replace(/[\\/\p{Cc}]/gu, '_').slice(0, 200) || 'file';
    this.store.insertFile({
      id,
      sessionId,
      name: safeName,
      mime,
      size: data.length,
      data,
      createdAt: this.now(),
    });
    return {
      id,
      download: this.downloadURL(id),
      value: safeName,
      size: data.length,
      sizeHuman: humanSize(data.length),
      mime,
    };
  }

  private downloadURL(fileId: string): string {
    return `${this.publicBaseURL}/socket/external.api/download/${fileId}`;
  }

  private fileItem(fileId: string, name: string, size: number, mime: string): string {
    return structuredItem({
      event: 'FILE_UPLOAD',
      fileDownload: this.downloadURL(fileId),
      fileName: name,
      sizeHuman: humanSize(size),
      mime,
    });
  }

  /** Runs a robot callback; a robot that throws hands the chat to humans rather than strand it. */
  private callRobot(
    sessionId: number,
    call: (hook: RobotHook, chat: RobotChat) => void | Promise<void>,
  ): void {
    const session = this.store.session(sessionId);
    const hook = session?.robot ? this.robots.get(session.robot) : undefined;
    if (!session || !hook) return;
    Promise.resolve()
      .then(() => call(hook, robotChatOf(session)))
      .catch((error: unknown) => {
        this.logger.error({ err: error, sessionId }, 'robot failed; handing over to agents');
        const current = this.store.session(sessionId);
        if (current?.status === 'robot') this.handover(sessionId);
      });
  }
}

function robotChatOf(session: SessionRecord): RobotChat {
  return {
    sessionId: session.id,
    areaId: session.areaId,
    client: { name: session.clientName, email: session.email },
    externalData: session.externalData,
  };
}

/** Constant-time comparison, so a secret cannot be guessed byte by byte from response times. */
export function secretsMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function mimeAllowed(mime: string, allowed: string[]): boolean {
  const normalised = mime.toLowerCase();
  return allowed.some((pattern) =>
    pattern.endsWith('/*')
      ? normalised.startsWith(pattern.slice(0, -1))
      : normalised === pattern.toLowerCase(),
  );
}
