/**
 * The seam between the chat core and a chat robot (the `/api/bot/*` module lives in
 * `demo/server/robot/**` and plugs in through `ServerPlugin`, so it never edits core files).
 *
 * Flow: an area whose config names a robot offers each new chat to that robot's `RobotHook`
 * (`onNewChat`); while the robot owns the chat, visitor messages and postbacks go to it
 * (`onMessage`, `onPostback`) instead of the human queue. The robot answers through `ChatService`:
 * post a message as its robot user, leave a comment only agents see, hand over to a human queue,
 * or close the chat. `ChatService` is implemented by `robot/robot-service.ts`, which wraps the
 * chat engine (demo/server/engine/).
 */
import type { FastifyInstance } from 'fastify';
import type { ButtonTemplate } from '../../src/protocol/index.js';
import type { AdmissionLimits } from './admission.js';
import type { ServerConfig } from './config.js';
import type { Logger } from './logger.js';
import type { ChatStore } from './store.js';

/** What a robot learns about a chat (the base fields of the robot API's webhook request). */
export interface RobotChat {
  sessionId: number;
  areaId: number;
  client: { name: string; email: string };
  /** `externalData` as the visitor's page passed it (a string; objects arrive JSON-encoded). */
  externalData: string;
}

export interface RobotMessage {
  /** Server message id. */
  id: number;
  text: string;
}

export interface RobotPostback {
  title: string;
  data: string;
}

/** Button template of the robot API (`TEMPLATE` item): the protocol's own shape. */
export type RobotTemplate = ButtonTemplate;

/** A robot. Every method may be async; a throw is logged and the chat is handed to humans. */
export interface RobotHook {
  onNewChat(chat: RobotChat, firstMessage: RobotMessage): void | Promise<void>;
  onMessage(chat: RobotChat, message: RobotMessage): void | Promise<void>;
  onPostback(chat: RobotChat, postback: RobotPostback): void | Promise<void>;
}

/** What a robot (or any plugin) may do to a chat. Errors throw `ChatError` with a code. */
export interface ChatService {
  /** The chat, or undefined when there is no such session. */
  getChat(sessionId: number): (RobotChat & { status: string; agents: string[] }) | undefined;
  /** Posts an agent-like message (HTML allowed) shown to the visitor under `userName`. */
  postAgentMessage(sessionId: number, userName: string, html: string): { id: number };
  /** Posts a button template the visitor sees as text + buttons. */
  postTemplate(sessionId: number, userName: string, template: RobotTemplate): { id: number };
  /** Posts a file the visitor can download. */
  postFile(
    sessionId: number,
    userName: string,
    file: { name: string; mime: string; data: Buffer },
  ): { id: number };
  /** A comment only human agents see. */
  postComment(sessionId: number, userName: string, html: string): { id: number };
  /**
   * Ends the robot's ownership: the chat joins the human queue of `areaId` (default: its own).
   * `userName` (the robot's user) adds an AGENT_LEFT system item, so visitor and agents see where
   * the robot part of the chat ended. (Optional parameter added for the robot API module.)
   */
  handover(sessionId: number, areaId?: number, userName?: string): void;
  /** Closes the chat as `userName` (OWNER_ENDS_CHAT). */
  close(sessionId: number, userName: string): void;
}

/** What a plugin receives when the server starts. */
export interface PluginContext {
  /** The fastify app; register routes under `basePath` (`/s/<workspace>`). */
  app: FastifyInstance;
  basePath: string;
  config: ServerConfig;
  store: ChatStore;
  chat: ChatService;
  logger: Logger;
  /** The server's limits per address (admission.ts), for a plugin's own routes. */
  admission: AdmissionLimits;
  /** Makes `hook` the robot for areas whose config says `robot: name`. */
  registerRobot(name: string, hook: RobotHook): void;
}

/** A server extension; `register` runs before the server listens. */
export interface ServerPlugin {
  name: string;
  register(context: PluginContext): void | Promise<void>;
  /** Called on server close, e.g. to stop timers. */
  close?(): void | Promise<void>;
}
