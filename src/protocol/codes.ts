/**
 * Every error code that travels on the wire or that the client reports, in one list (in the style
 * of centrifuge-js `src/codes.ts`). Codes are stable: UIs translate them and integrations branch on
 * them, so a code is never renamed, only added. Type-only: importing it costs a bundle nothing.
 */

/** Codes of `error` events on the sockets and of `{error: {code}}` HTTP bodies (server → client). */
export type ServerErrorCode =
  /** Not JSON, not an object, no `type`, unknown `type`, or a field of the wrong type or length. */
  | 'bad_frame'
  /** A frame over 64 KiB, or an upload over the area's size limit. */
  | 'too_large'
  /** Too many frames on one connection. */
  | 'rate_limited'
  /** An HTTP request with a missing or malformed field. */
  | 'bad_request'
  /** An upload of a type the area does not allow. */
  | 'bad_type'
  /** No such chat, or a chat frame before `register`/`resume`. */
  | 'no_session'
  /** The session secret (or agent token) does not match. */
  | 'bad_secret'
  /** A signed transcript link past its expiry (open it again from the chat). */
  | 'link_expired'
  /** The chat has already ended. */
  | 'chat_closed'
  /** No such area. */
  | 'no_area'
  /** The area is closed now. */
  | 'outside_hours'
  /** The area's queue is full. */
  | 'queue_full'
  /** The area does not take attachments. */
  | 'attachments_disabled'
  /** An agent frame before `login`. */
  | 'not_signed_in'
  /** No configured agent of that name. */
  | 'unknown_agent'
  /** Agent sign-in with a wrong name, password or sign-in token. */
  | 'sign_in_refused'
  /** That agent does not serve the chat's area (adding a colleague from another area). */
  | 'not_in_area'
  /** The agent is not in that chat. */
  | 'not_in_chat'
  /** The chat is no longer waiting (another agent was faster). */
  | 'not_queued'
  /** No such resource. */
  | 'not_found'
  /** A rating of a chat that has not ended yet. */
  | 'chat_open'
  /** The chat has been rated already (a chat is rated once). */
  | 'already_rated'
  /** A REST API request without a valid, unrevoked API key. */
  | 'unauthorized'
  /** A bug on the server; never caused by bad input. */
  | 'server_error'
  /**
   * `register` with a `visitorToken` past its `exp` (docs/security.md "Visitor identity"): no chat
   * was made; the visitor can start again as a guest, or the site signs a fresh token.
   */
  | 'visitor_token_expired'
  /**
   * `register` with a `visitorToken` the server does not accept: forged (wrong secret), not HS256
   * (`alg: none` too), no `exp`, no `sub`, too long, lives too long, or the area takes no tokens.
   * No chat was made; the visitor can start again as a guest.
   */
  | 'visitor_token_invalid';

/** Codes only the client makes (it never got an answer it could read). */
export type ClientOnlyErrorCode =
  /** A call that needs a connection was made while there was none. */
  | 'not_connected'
  /** An upload failed without a readable answer. */
  | 'upload_failed'
  /** The network failed (the request never got an answer). */
  | 'network';

/** Every code `CentionChatError` can carry. */
export type ErrorCode = ServerErrorCode | ClientOnlyErrorCode;

/** The reasons `resume` can be refused with (protocol.md §4), as the Chat API spells them. */
export type ResumeRefusal = 'no session' | 'chat closed' | 'bad secret';

/** The code of each resume refusal: what `connect_error` reports. */
export const resumeRefusalCodes = {
  'no session': 'no_session',
  'chat closed': 'chat_closed',
  'bad secret': 'bad_secret',
} as const satisfies Record<ResumeRefusal, ServerErrorCode>;

/** Ways a register can be refused once the session exists (protocol-notes "Register outcomes"). */
export type RegisterRefusal = 'queue full' | 'agent unavailable';

/** How a session closed by a register refusal is recorded. */
export const registerRefusalReasons = {
  'queue full': 'queue_full',
  'agent unavailable': 'agent_unavailable',
} as const satisfies Record<RegisterRefusal, string>;

/** The one error body shape of every HTTP endpoint and the payload of `error` events. */
export interface ErrorPayload {
  code: ServerErrorCode;
  message: string;
}

export interface ErrorBody {
  error: ErrorPayload;
}
