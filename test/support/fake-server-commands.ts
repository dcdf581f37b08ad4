/** The payloads of the `fake-chat-server` WTR command (see wtr-plugins.ts). No imports of Node. */
import type {
  FakeCanChatAnswer,
  FakeHttpAnswer,
  FakeServerOptions,
  PushMessageOptions,
} from './fake-server-types.js';

export type FakeServerCommand =
  | { op: 'start'; options?: FakeServerOptions }
  | { op: 'stop'; id: number }
  | { op: 'received'; id: number }
  | { op: 'httpRequests'; id: number }
  | { op: 'clearLogs'; id: number }
  | { op: 'send'; id: number; frame: unknown; connection?: number }
  | { op: 'pushMessage'; id: number; text: string; options?: PushMessageOptions }
  | { op: 'finishSession'; id: number; by?: 'agent' | 'system'; sessionId?: number }
  | { op: 'drop'; id: number; connection?: number }
  | { op: 'refuseConnections'; id: number; ms: number }
  | { op: 'setAutoReply'; id: number; value: boolean }
  | { op: 'setAckMessages'; id: number; value: boolean }
  | { op: 'setCanChat'; id: number; answer: FakeCanChatAnswer }
  | { op: 'setUploadAnswer'; id: number; answer: FakeHttpAnswer | null }
  | { op: 'openConnections'; id: number }
  | { op: 'sessions'; id: number };
