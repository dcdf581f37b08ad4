/**
 * Shapes the engine's parts pass each other. A `ChatContext` is a session together with its area,
 * looked up once per action instead of by every step that needs the time zone or the limits.
 */
import type {
  AgentClientFrames,
  RegisterFrame,
  VisitorClientFrames,
} from '../../../src/protocol/index.js';
import type { AreaConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { ChatStore, SessionRecord } from '../store.js';
import type { AgentView } from './agent-view.js';
import type { ChatEvents } from './chat-events.js';
import type { Directory } from './directory.js';
import type { Files } from './files.js';
import type { ChatMembers } from './members.js';
import type { Messages } from './messages.js';
import type { Peers } from './peers.js';
import type { Queue } from './queue.js';
import type { Robots } from './robots.js';
import type { AgentTokens } from './secrets.js';
import type { Sessions } from './sessions.js';

/** Every part of the engine; each part takes the few it uses (`Pick<EngineParts, …>`). */
export interface EngineParts {
  store: ChatStore;
  directory: Directory;
  members: ChatMembers;
  peers: Peers;
  robots: Robots;
  agentTokens: AgentTokens;
  queue: Queue;
  files: Files;
  messages: Messages;
  sessions: Sessions;
  view: AgentView;
  logger: Logger;
  /** Clock in unix ms. */
  now: () => number;
  /** Listeners to chats starting, messages and ends (webhooks). */
  events: ChatEvents;
}

export interface ChatContext {
  session: SessionRecord;
  area: AreaConfig;
}

/** Free-form fields of `register` arrive as objects or text; the engine gets them as stored text. */
type FreeFormField = 'externalData' | 'clientDeviceInfo';

/** `register` as the visitor socket hands it on: the frame, free-form fields as JSON text. */
export type RegisterInput = Omit<RegisterFrame, FreeFormField> & {
  [Field in FreeFormField]?: string;
};

/** `chat message` without the client's counter. */
export type VisitorMessageInput = Pick<VisitorClientFrames['chat message'], 'umid' | 'message'>;

/** `add attachment`: only the id of the uploaded file is trusted, the rest is looked up. */
export type VisitorAttachmentInput = { fileId: string } & Pick<
  VisitorClientFrames['add attachment'],
  'umid'
>;

/** The agent's `message` without its session id (passed on its own). */
export type AgentMessageInput = Pick<AgentClientFrames['message'], 'umid' | 'text'>;

/** A file as the HTTP routes and the robot API hand it in. */
export interface IncomingFile {
  name: string;
  mime: string;
  data: Buffer;
}
