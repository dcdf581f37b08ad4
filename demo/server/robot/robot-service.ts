/**
 * The robots' `ChatService` (robot-hook.ts): what a robot or another plugin may do to a chat,
 * built on the chat engine's parts. A robot writes as an agent under its own user name; that name
 * is what the visitor sees as `agent` while the robot owns the chat.
 */
import type { ChatContext, IncomingFile } from '../engine/chat-context.js';
import type { ChatEngine } from '../engine/chat-engine.js';
import { robotChatOf } from '../engine/robots.js';
import type { ChatService, RobotChat, RobotTemplate } from '../robot-hook.js';
import { plainText, structuredItem } from '../wire.js';

export class RobotService implements ChatService {
  constructor(private readonly engine: ChatEngine) {}

  getChat(sessionId: number): (RobotChat & { status: string; agents: string[] }) | undefined {
    const session = this.engine.store.session(sessionId);
    if (!session) return undefined;
    const agents = this.engine.members.agentsOf(sessionId);
    return { ...robotChatOf(session), status: session.status, agents };
  }

  /** Robot text is text: a leading structured-item marker is dropped (only the server makes items). */
  postAgentMessage(sessionId: number, userName: string, html: string): { id: number } {
    return this.postAsRobot(sessionId, userName, plainText(html));
  }

  /** A template is an agent message whose text is a structured TEMPLATE item. */
  postTemplate(sessionId: number, userName: string, template: RobotTemplate): { id: number } {
    return this.postAsRobot(sessionId, userName, structuredItem({ event: 'TEMPLATE', template }));
  }

  /** A robot's file follows the area's allowed types and sizes, like a visitor's or an agent's. */
  postFile(sessionId: number, userName: string, file: IncomingFile): { id: number } {
    const { sessions, robots, files } = this.engine;
    const chat = sessions.openChat(sessionId);
    files.check(chat.area, file.mime, file.data.length);
    robots.setUser(sessionId, userName);
    const saved = files.save(sessionId, file);
    const item = files.item(saved.id, saved.value, saved.size, saved.mime);
    return this.postAsAgent(chat, userName, item);
  }

  /** A comment is not the robot speaking to the visitor, so it leaves the robot user as it was. */
  postComment(sessionId: number, userName: string, html: string): { id: number } {
    const chat = this.engine.sessions.openChat(sessionId);
    return this.postAsAgent(chat, userName, plainText(html), { internal: true });
  }

  handover(sessionId: number, areaId?: number, userName?: string): void {
    this.engine.sessions.handover(sessionId, areaId, userName);
  }

  close(sessionId: number, userName: string): void {
    const { sessions } = this.engine;
    sessions.close(sessions.openChat(sessionId), 'agent', userName, null);
  }

  private postAsRobot(sessionId: number, userName: string, text: string): { id: number } {
    const chat = this.engine.sessions.openChat(sessionId);
    this.engine.robots.setUser(sessionId, userName);
    return this.postAsAgent(chat, userName, text);
  }

  /** What every robot post ends in: stored under `userName` as an agent message, then announced. */
  private postAsAgent(
    chat: ChatContext,
    userName: string,
    text: string,
    options: { internal?: boolean } = {},
  ): { id: number } {
    const message = this.engine.messages.post(chat, {
      umid: '',
      sender: 'AGENT',
      agentName: userName,
      text,
      internal: options.internal,
    });
    return { id: message.id };
  }
}
