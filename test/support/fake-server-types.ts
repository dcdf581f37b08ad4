/**
 * Types shared by the scriptable fake chat server (Node side, `fake-chat-server.ts`) and its
 * browser-side remote control (`fake-server-client.ts`). No imports, so both sides can use it.
 */

/** A client→server frame as protocol.md §2 defines it. */
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

/** Answer of `canchat` (protocol.md §5). Missing fields fall back to an open chat with one agent. */
export interface FakeCanChatAnswer {
  chatOpen?: boolean;
  agentsAvailable?: number;
  /** When unset, computed from the query's `sessionId` + `secret` against live sessions. */
  resumable?: boolean;
  feature?: Record<string, boolean | number | string>;
  openingHours?: unknown;
  error?: string;
}

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

/** A chat message as the fake server stores it (protocol.md §4 `ChatMessage`). */
export interface FakeChatMessage {
  id: number;
  umid: string;
  sender: 'CLIENT' | 'AGENT' | 'SYSTEM';
  sent: number;
  sentHuman: string;
  text: string;
  agent?: string;
}

/** A session as the fake server keeps it, for assertions. */
export interface FakeSession {
  sessionId: number;
  sessionSecret: string;
  areaId: number;
  clientName: string;
  agent: string;
  closed: boolean;
  messages: FakeChatMessage[];
  /** Connection numbers currently attached to this session. */
  connections: number[];
}
