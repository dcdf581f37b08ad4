/**
 * Errors with a stable `code`: socket handlers turn them into `error` events, HTTP routes into
 * `{error: {code, message}}` bodies with the HTTP status given here. The codes are the protocol's
 * (src/protocol/codes.ts), so server and client cannot drift apart.
 */
import type { ErrorBody, ServerErrorCode } from '../../src/protocol/index.js';

export type ErrorCode = ServerErrorCode;

export class ChatError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, status = 400) {
    super(message);
    this.name = 'ChatError';
    this.code = code;
    this.status = status;
  }
}

/** The one error body shape of every HTTP endpoint. */
export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}
