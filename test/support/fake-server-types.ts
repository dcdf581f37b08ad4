/**
 * Types shared by the scriptable fake chat server (Node side, `fake-chat-server.ts`) and its
 * browser-side remote control (`fake-server-client.ts`). Type-only imports, so both sides can use
 * it; the wire shapes come from src/protocol.
 */
import type { CanChatResult, ChatMessage, SessionInfo } from '../../src/protocol/index.js';

/**
 * A client→server frame as it arrived, when it was a JSON object with a string `type`. Not
 * validated (a test may send anything), so `data` is untyped here; `FakeServer.framesOfType` gives
 * the frames of one type typed from `VisitorClientFrames`.
 */
export interface ClientFrame {
  type: string;
  data?: Record<string, unknown>;
  id: number;
}

/** One entry of the server's `received` log: every text a visitor connection sent, in order. */
export interface ReceivedFrame {
  /** Number of the SockJS connection (1, 2, … in the order they opened). */
  connection: number;
  /** The text exactly as received. */
  raw: string;
  /** The parsed frame, when `raw` was a JSON object with a string `type`. */
  frame?: ClientFrame;
}

/** One HTTP request the server answered (canchat, upload, download, savehistory, printhistory). */
export interface HttpRequestRecord {
  method: string;
  /** Path after the workspace, e.g. `/socket/external.api/canchat`. */
  path: string;
  query: Record<string, string>;
}

/**
 * The scripted `canchat` answer (protocol.md §5): missing fields fall back to an open chat with
 * one agent; `resumable`, when unset, is computed from the query's `sessionId` + `secret`.
 */
export type FakeCanChatAnswer = Partial<CanChatResult>;

/** A scripted answer for the next uploads (instead of the happy `200 {id, download, …}`). */
export interface FakeHttpAnswer {
  status: number;
  body: unknown;
}

/** Options of a fake server instance. */
export interface FakeServerOptions {
  /**
   * Answer like a real server (default true): register, chat message (deduped by umid), resume
   * with backfill, add attachment, close chat. With false, the server only logs what it receives
   * and tests script every reply with `send`/`emit`.
   */
  autoReply?: boolean;
  /**
   * Answer visitor `chat message` frames (default true). With false the server stores them (and
   * their umids) but sends neither `message sent` nor the echo: a lost reply, for resend tests.
   */
  ackMessages?: boolean;
  /** After `register`, send `queue` with this position (default 1); null sends nothing. */
  queuePosition?: number | null;
  /** The canchat answer; see `FakeCanChatAnswer`. */
  canChat?: FakeCanChatAnswer;
  /** SockJS server heartbeat interval in ms (default 25000). */
  heartbeatMs?: number;
}

/** Who `pushMessage` writes as, and into which session (default: the newest open one). */
export interface PushMessageOptions {
  sender?: 'AGENT' | 'SYSTEM';
  agent?: string;
  sessionId?: number;
}

/** A session as the fake server keeps it, for assertions. */
export interface FakeSession extends SessionInfo {
  agent: string;
  closed: boolean;
  messages: ChatMessage[];
  /** Connection numbers currently attached to this session. */
  connections: number[];
}
