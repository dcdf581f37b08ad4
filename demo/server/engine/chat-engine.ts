/**
 * The chat core: builds the engine's parts and wires them together. It owns no sockets and no
 * HTTP; the socket and route modules call it with already-validated input and a `Peer` to answer.
 * Every state change is written to the store first, then announced, so a restart loses nothing
 * that anyone has seen.
 *
 * Where things are: `visitors` and `agents` are the actions of each side; `sessions` a chat's
 * life (close, requeue, handover, idle expiry); `messages` storing and announcing; `peers` the
 * connections and the typed fan-out; `queue` positions and wait estimates; `files` attachments;
 * `view` what a console shows; `directory` the configured areas and agents. Robots plug in through
 * `registerRobot`; `robot/robot-service.ts` wraps this engine as the robots' `ChatService`.
 */
import type { CanChatResult, MessageSentEvent } from '../../../src/protocol/index.js';
import type { AreaConfig, ServerConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { RobotHook } from '../robot-hook.js';
import type { ChatStore, MessageRecord, SessionRecord } from '../store.js';
import { AgentActions } from './agent-actions.js';
import { AgentView } from './agent-view.js';
import type { IncomingFile } from './chat-context.js';
import { ChatEvents } from './chat-events.js';
import { Directory } from './directory.js';
import { Files, type StoredUpload } from './files.js';
import { ChatMembers } from './members.js';
import { Messages } from './messages.js';
import { Peers } from './peers.js';
import { Queue } from './queue.js';
import { Robots } from './robots.js';
import { AgentTokens } from './secrets.js';
import { Sessions } from './sessions.js';
import { VisitorActions } from './visitor-actions.js';
import { VisitorHttp, type VisitorUpload } from './visitor-http.js';

export interface EngineOptions {
  config: ServerConfig;
  store: ChatStore;
  logger: Logger;
  /** Clock in unix ms; tests may replace it. */
  now?: () => number;
  /** How often idle chats are looked for. Default 5000 ms. */
  sweepIntervalMs?: number;
}

export class ChatEngine {
  readonly store: ChatStore;
  readonly directory: Directory;
  readonly members: ChatMembers;
  readonly peers: Peers;
  readonly robots = new Robots();
  readonly agentTokens = new AgentTokens();
  /** Chat started / message / ended, for webhooks: `engine.events.listen({...})`. */
  readonly events: ChatEvents;
  readonly queue: Queue;
  readonly files: Files;
  readonly messages: Messages;
  readonly sessions: Sessions;
  readonly view: AgentView;
  readonly visitors: VisitorActions;
  readonly agents: AgentActions;
  private readonly visitorHttp: VisitorHttp;
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(options: EngineOptions) {
    const { store, logger } = options;
    const now = options.now ?? Date.now;
    const { robots, agentTokens } = this;
    const events = (this.events = new ChatEvents(logger));
    const directory = new Directory(options.config);
    const members = new ChatMembers(store);
    const peers = new Peers(directory, members);
    const queue = new Queue({ store, directory, peers, logger });
    const files = new Files({ store, directory, agentTokens, now });
    const messages = new Messages({ store, peers, members, robots, now, events });
    // What most parts need; each takes only the fields its own `…Parts` names.
    const shared = { store, directory, peers, messages, queue, logger, now, events };
    const sessions = new Sessions({ ...shared, members, robots });
    const view = new AgentView({ store, directory, peers, members, queue, now });
    const parts = { ...shared, sessions, files };
    this.visitors = new VisitorActions({ ...parts, robots });
    this.agents = new AgentActions({ ...parts, members, view, agentTokens });
    this.visitorHttp = new VisitorHttp({ store, directory, peers, files, robots, now });
    this.store = store;
    this.directory = directory;
    this.members = members;
    this.peers = peers;
    this.queue = queue;
    this.files = files;
    this.messages = messages;
    this.sessions = sessions;
    this.view = view;
    this.sweepTimer = setInterval(
      () => sessions.expireIdleChats(),
      options.sweepIntervalMs ?? 5000,
    );
    this.sweepTimer.unref();
  }

  /** Absolute `…/s/<workspace>` URL, set once the server listens; used in download links. */
  get publicBaseURL(): string {
    return this.files.publicBaseURL;
  }

  set publicBaseURL(url: string) {
    this.files.publicBaseURL = url;
  }

  stop(): void {
    clearInterval(this.sweepTimer);
    this.queue.stop();
    this.visitors.stop();
    this.agents.stop();
  }

  /** Makes `hook` the robot of areas whose config says `robot: name`. */
  registerRobot(name: string, hook: RobotHook): void {
    this.robots.register(name, hook);
  }

  area(areaId: number): AreaConfig {
    return this.directory.area(areaId);
  }

  // --- what the HTTP routes call -----------------------------------------------------------------

  canChat(areaId: number, sessionId?: number, secret?: string): CanChatResult {
    return this.visitorHttp.canChat(areaId, sessionId, secret);
  }

  storeVisitorUpload(input: VisitorUpload): StoredUpload {
    return this.visitorHttp.upload(input);
  }

  /** Throws unless `secret` opens this chat for an upload (before the upload's body is read). */
  checkVisitorUpload(sessionId: number, secret: string): void {
    this.visitorHttp.uploadSession(sessionId, secret);
  }

  sessionForSecret(secret: string, areaId?: number): SessionRecord {
    return this.visitorHttp.sessionForSecret(secret, areaId);
  }

  visitorTranscript(sessionId: number): MessageRecord[] {
    return this.visitorHttp.transcript(sessionId);
  }

  fileFor(fileId: string, token: string): IncomingFile {
    return this.files.fileFor(fileId, token);
  }

  agentNameForToken(token: string): string | undefined {
    return this.agentTokens.agentFor(token);
  }

  agentFile(agentName: string, sessionId: number, file: IncomingFile): MessageSentEvent {
    return this.agents.file(agentName, sessionId, file);
  }
}
