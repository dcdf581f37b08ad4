/**
 * The one error type of the client: an `Error` with a stable `code` from the protocol's list
 * (src/protocol/codes.ts), so a UI translates by code and an integration branches on it while
 * `message` stays a readable English sentence for logs.
 */
import type { ErrorCode } from '../protocol/index.js';

export class CentionChatError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CentionChatError';
  }
}
