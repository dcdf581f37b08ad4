/**
 * Errors with a stable `code`: socket handlers turn them into `error` events, HTTP routes into
 * `{error: {code, message}}` bodies with the HTTP status given here.
 */
export type ErrorCode =
  | 'bad_frame'
  | 'too_large'
  | 'rate_limited'
  | 'bad_request'
  | 'bad_type'
  | 'no_session'
  | 'bad_secret'
  | 'chat_closed'
  | 'no_area'
  | 'outside_hours'
  | 'queue_full'
  | 'attachments_disabled'
  | 'not_signed_in'
  | 'unknown_agent'
  | 'not_in_chat'
  | 'not_queued'
  | 'not_found'
  | 'server_error';

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
export function errorBody(
  code: string,
  message: string,
): { error: { code: string; message: string } } {
  return { error: { code, message } };
}
