/**
 * Shapes the console's own modules share (the wire shapes themselves come from src/protocol).
 */
import type { AgentServerEvents, ServerEnvelope } from '../../src/protocol/index.js';

/** One frame from `/socket/agent`, narrowed by its `event` name to that event's `args`. */
export type AgentServerEnvelope = ServerEnvelope<AgentServerEvents>;

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** What `<agent-chat-panel>` can ask for; the console's controller carries each one out. */
export interface ChatActions {
  send(text: string): Promise<void>;
  typing(text: string): void;
  sendFile(file: File): Promise<void>;
  /** The same-origin path of a file item's download address, or undefined for any other URL. */
  downloadPath(fileDownload: string): string | undefined;
  addAgent(name: string): Promise<void>;
  removeAgent(name: string): Promise<void>;
  leave(): Promise<void>;
  end(): Promise<void>;
  dismiss(): void;
}
