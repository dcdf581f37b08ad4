/**
 * The shapes the store hands out and takes in. Column names are snake_case in SQL and camelCase
 * here; the queries alias every column (`area_id AS areaId`), so a row already is its record.
 */
import type { ChatSender as Sender } from '../../../src/protocol/index.js';

export type SessionStatus = 'queued' | 'active' | 'robot' | 'closed';

export interface SessionRecord {
  id: number;
  secret: string;
  areaId: number;
  clientName: string;
  email: string;
  phone: string;
  externalData: string;
  href: string;
  deviceInfo: string;
  status: SessionStatus;
  robot: string | null;
  /** Unix milliseconds, like every time column. */
  createdAt: number;
  queuedAt: number | null;
  acceptedAt: number | null;
  closedAt: number | null;
  closedBy: string | null;
  closeReason: string | null;
  lastActivityAt: number;
}

export interface MessageRecord {
  id: number;
  sessionId: number;
  umid: string;
  sender: Sender;
  agentName: string | null;
  text: string;
  sentAt: number;
  /** A comment only agents see (robot comments). */
  internal: boolean;
  ackedAt: number | null;
  deliveredAt: number | null;
  seenAt: number | null;
}

export interface FileRecord {
  id: string;
  sessionId: number;
  name: string;
  mime: string;
  size: number;
  data: Buffer;
  createdAt: number;
}

/** What a caller chooses for a new session; the store adds the id and sets its times from `now`. */
export type NewSession = Pick<
  SessionRecord,
  | 'secret'
  | 'areaId'
  | 'clientName'
  | 'email'
  | 'phone'
  | 'externalData'
  | 'href'
  | 'deviceInfo'
  | 'status'
  | 'robot'
> & { now: number };

/** What a caller chooses for a new message; the store fills in the id and the delivery state. */
export type NewMessage = Pick<
  MessageRecord,
  'sessionId' | 'umid' | 'sender' | 'agentName' | 'text' | 'sentAt'
> & { internal?: boolean };

/** A button a visitor clicked in a robot's template (kept for the robot's context). */
export interface PostbackRecord {
  title: string;
  data: string;
}

/** One robot per area, as `npm run robot-token` bound it. */
export interface RobotBinding {
  areaId: number;
  /** The Cention user the robot acts as: robot messages show this name. */
  userName: string;
  webhook: string;
  /** `jti` of the latest token for this area; every other token is rejected. */
  tokenId: string;
  /** The robot has called `register` (and not `deregister`): new chats of the area go to it. */
  registered: boolean;
  createdAt: number;
}
