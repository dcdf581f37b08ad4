/**
 * What a visitor does on the socket: start a chat (to a robot, the queue or a refusal), come back,
 * write, type, attach, click a button, read, and leave. Input is already validated by the socket;
 * answers go to the visitor's `peer`, everything else through the fan-out.
 */
import { downloadTokenFor } from './transcript-links.js';
import {
  registerRefusalReasons,
  type AgentServerEvents,
  type RegisterRefusal,
  type ResumeFrame,
  type SessionInfo,
  type VisitorClientFrames,
} from '../../../src/protocol/index.js';
import { ChatError } from '../errors.js';
import { isAreaOpen } from '../hours.js';
import type { RobotChat, RobotHook } from '../robot-hook.js';
import type { SessionRecord } from '../store.js';
import { toMessageSent, toWireMessage, type VisitorPeer } from '../wire.js';
import type {
  RegisterInput,
  VisitorAttachmentInput,
  VisitorMessageInput,
  EngineParts,
} from './chat-context.js';
import { recordStartPage } from './page-visits.js';
import { PREVIEW_INTERVAL_MS, PreviewMerger } from './preview-merger.js';
import { robotChatOf } from './robots.js';
import { newSecret, secretsMatch } from './secrets.js';
import { endedBy } from './sessions.js';
import { resumeBackfill } from './visitor-history.js';

export type VisitorActionParts = Pick<
  EngineParts,
  | 'store'
  | 'directory'
  | 'peers'
  | 'messages'
  | 'sessions'
  | 'queue'
  | 'files'
  | 'robots'
  | 'logger'
  | 'now'
  | 'events'
>;

export class VisitorActions {
  private readonly previews: PreviewMerger<AgentServerEvents['preview'][0]>;

  constructor(private readonly parts: VisitorActionParts) {
    this.previews = new PreviewMerger(
      PREVIEW_INTERVAL_MS,
      (sessionId, preview) => parts.peers.toAgentsOf(sessionId, 'preview', [preview]),
      parts.now,
    );
  }

  stop(): void {
    this.previews.stop();
  }

  /** Answers `register`: creates the session and routes it to a robot, the queue or a refusal. */
  register(peer: VisitorPeer, input: RegisterInput, re?: number): SessionRecord {
    const { store, directory, peers, messages, queue, robots, logger } = this.parts;
    const area = directory.area(input.area);
    const now = this.parts.now();
    if (!isAreaOpen(area, new Date(now))) {
      throw new ChatError('outside_hours', `${area.name} is closed at this time.`);
    }
    const robotName = robots.robotOf(area);
    let refusal: RegisterRefusal | null = null;
    if (!robotName) {
      if (store.queuedCount(area.id) >= area.queueCapacity) refusal = 'queue full';
      else if (!area.queueWithoutAgents && peers.onlineAgentsOf(area.id).length === 0) {
        refusal = 'agent unavailable';
      }
    }
    const session = store.createSession({
      secret: newSecret(),
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
    if (input.verifiedUserId) store.setVerifiedVisitor(session.id, input.verifiedUserId, now);
    recordStartPage(store, session.id, input, now);
    const chat = { session, area };
    // A refused register is no chat to an integration (the visitor may leave a message instead).
    if (!refusal) this.parts.events.started(session);
    peers.attachVisitor(peer, session.id);
    peer.send('register', [sessionInfoOf(session)], re);
    const first = messages.insert({
      sessionId: session.id,
      umid: '',
      sender: 'CLIENT',
      agentName: null,
      text: input.message,
      sentAt: now,
    });
    messages.announce(chat, [first]);
    logger.info({ sessionId: session.id, areaId: area.id, robot: robotName }, 'chat registered');

    if (refusal) {
      peer.send(refusal, []);
      store.setClosed(session.id, now, 'system', registerRefusalReasons[refusal]);
      return session;
    }
    if (robotName) {
      this.callRobot(session.id, (hook, robotChat) =>
        hook.onNewChat(robotChat, { id: first.id, text: first.text }),
      );
    } else {
      queue.tellPosition(session);
      queue.scheduleUpdate(area.id);
    }
    return session;
  }

  /** The connection no longer follows the chat (it closed, or registered or resumed another). */
  detach(peer: VisitorPeer, sessionId: number): void {
    this.parts.peers.detachVisitor(peer, sessionId);
  }

  /** Answers `resume`: re-attaches, replays what came after `lastSeenId`, then the current state. */
  resume(peer: VisitorPeer, input: ResumeFrame, re?: number): SessionRecord | undefined {
    const { store, peers, messages, sessions, queue } = this.parts;
    const session = store.session(input.sessionId);
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
    peers.attachVisitor(peer, session.id);
    store.touch(session.id, this.parts.now());
    const backfill = resumeBackfill(store, session.id, input.lastSeenId, input.historyLimit);
    const hasOlder = backfill.hasOlder === undefined ? {} : { hasOlder: backfill.hasOlder };
    peer.send('resume', [{ ...sessionInfoOf(session), ...hasOlder }], re);
    const { area } = sessions.contextOf(session);
    const missed = backfill.messages;
    peer.send('chat message', [
      {
        agent: messages.currentAgentName(session.id),
        client: session.clientName,
        chat: missed.map((message) => toWireMessage(message, area.timeZone)),
      },
    ]);
    messages.markDeliveredAndTell(session.id, missed);
    const acked = store.ackedClientMessageIds(session.id);
    if (acked.length > 0) peer.send('message acked', [{ ids: acked }]);
    if (session.status === 'queued') {
      queue.forgetPosition(session.id);
      queue.tellPosition(session);
    }
    return session;
  }

  /** Answers `chat message`; a umid already stored is answered as the first time, not stored. */
  message(peer: VisitorPeer, sessionId: number, input: VisitorMessageInput, re?: number): void {
    const { store, sessions, messages } = this.parts;
    const chat = sessions.openChatOrTell(peer, sessionId, re);
    if (!chat) return;
    const now = this.parts.now();
    const { message, isNew } = store.insertMessage({
      sessionId,
      umid: input.umid,
      sender: 'CLIENT',
      agentName: null,
      text: input.message,
      sentAt: now,
    });
    peer.send('message sent', [toMessageSent(message, chat.area.timeZone)], re);
    if (!isNew) return;
    store.touch(sessionId, now);
    messages.announce(chat, [message]);
    if (chat.session.status === 'robot') {
      this.callRobot(sessionId, (hook, robotChat) =>
        hook.onMessage(robotChat, { id: message.id, text: message.text }),
      );
    }
  }

  /** Answers `preview`: agents of the chat see the text (or only its length, per area). */
  preview(sessionId: number, text: string): void {
    const { store, sessions } = this.parts;
    const session = store.session(sessionId);
    if (!session || session.status === 'closed') return;
    const { area } = sessions.contextOf(session);
    const preview = area.agentsSeeTypingText
      ? { sessionId, length: text.length, text }
      : { sessionId, length: text.length };
    this.previews.push(sessionId, preview);
  }

  /** Answers `add attachment`: the uploaded file becomes a FILE_UPLOAD message of the visitor. */
  attachment(
    peer: VisitorPeer,
    sessionId: number,
    input: VisitorAttachmentInput,
    re?: number,
  ): void {
    const { store, sessions, messages, files } = this.parts;
    const chat = sessions.openChatOrTell(peer, sessionId, re);
    if (!chat) return;
    const file = store.file(input.fileId);
    if (!file || file.sessionId !== sessionId) {
      throw new ChatError('not_found', 'No such uploaded file in this chat.', 404);
    }
    const now = this.parts.now();
    const { message, isNew } = store.insertMessage({
      sessionId,
      umid: input.umid ?? `file-${file.id}`,
      sender: 'CLIENT',
      agentName: null,
      text: files.item(file.id, file.name, file.size, file.mime),
      sentAt: now,
    });
    peer.send('message sent', [toMessageSent(message, chat.area.timeZone)], re);
    if (!isNew) return;
    store.touch(sessionId, now);
    messages.announce(chat, [message]);
  }

  /** Answers `seen`: marks agent/system messages as read and tells the agents. */
  seen(sessionId: number, ids: number[]): void {
    const marked = this.parts.store.markSeen(sessionId, ids, this.parts.now());
    if (marked.length > 0)
      this.parts.peers.toAgentsOf(sessionId, 'seen', [{ sessionId, ids: marked }]);
  }

  /** Answers `postback`: stored, shown to agents, and passed to the robot if it owns the chat. */
  postback(
    peer: VisitorPeer,
    sessionId: number,
    input: VisitorClientFrames['postback'],
    re?: number,
  ): void {
    const { store, sessions, peers } = this.parts;
    const chat = sessions.openChatOrTell(peer, sessionId, re);
    if (!chat) return;
    const now = this.parts.now();
    store.insertPostback(sessionId, input.title, input.data, now);
    store.touch(sessionId, now);
    peers.toAgentsOf(sessionId, 'postback', [{ sessionId, ...input }]);
    if (chat.session.status === 'robot') {
      this.callRobot(sessionId, (hook, robotChat) => hook.onPostback(robotChat, input));
    }
  }

  /** Answers `close chat`. Closing an already closed chat only repeats `finish chat session`. */
  close(peer: VisitorPeer, sessionId: number, re?: number): void {
    const { store, sessions } = this.parts;
    const session = store.session(sessionId);
    if (!session) throw new ChatError('no_session', 'No such chat.');
    if (session.status === 'closed') {
      peer.send('finish chat session', [{ by: endedBy(session) }], re);
      return;
    }
    sessions.close(sessions.contextOf(session), 'client', null, null);
  }

  /** Runs a robot callback; a robot that throws hands the chat to humans rather than strand it. */
  private callRobot(
    sessionId: number,
    call: (hook: RobotHook, chat: RobotChat) => void | Promise<void>,
  ): void {
    const { store, robots, sessions, logger } = this.parts;
    const session = store.session(sessionId);
    const hook = session ? robots.hookOf(session) : undefined;
    if (!session || !hook) return;
    Promise.resolve()
      .then(() => call(hook, robotChatOf(session)))
      .catch((error: unknown) => {
        logger.error({ err: error, sessionId }, 'robot failed; handing over to agents');
        const current = store.session(sessionId);
        if (current?.status === 'robot') sessions.handover(sessionId);
      });
  }
}

function sessionInfoOf(session: SessionRecord): SessionInfo {
  return {
    sessionId: session.id,
    sessionSecret: session.secret,
    areaId: session.areaId,
    clientName: session.clientName,
    downloadToken: downloadTokenFor(session.secret, session.id),
  };
}
