/**
 * Signed transcript links: how the widget links to a transcript without putting the session secret
 * in a URL. A URL with the secret ends up in browser history, in bookmarks and in whatever a
 * visitor pastes; the secret resumes and writes to the chat, so it must not travel that way.
 *
 * The widget signs `transcript:<sessionId>:<expires>` with HMAC-SHA256, keyed by the session secret
 * it already holds (WebCrypto, no round trip, so a click opens the tab at once), and the server
 * checks it here with the stored secret. A link only reads the transcript, and only until it
 * expires. chat-api.txt's `?area=…&secret=…` form still works for code written for the original.
 */
import { createHmac } from 'node:crypto';
import { secretsMatch } from './secrets.js';

/** The longest a signed link may be valid for, however far ahead the client dated it. */
export const MAX_LINK_LIFETIME_SECONDS = 2 * 60 * 60;

/** A signed link's query: which chat, until when (Unix seconds), and the signature. */
export interface TranscriptLink {
  sessionId: number;
  expires: number;
  signature: string;
}

/**
 * The chat's download token (SessionInfo.downloadToken): opens this chat's files and nothing
 * else, so the widget's download links need not carry the secret. Derived from the secret, so it
 * needs no storage and retires with it.
 */
export const downloadTokenFor = (secret: string, sessionId: number): string =>
  createHmac('sha256', secret).update(`download:${sessionId}`).digest('base64url');

/** What is signed; the client builds the same text (src/client/transcript-links.ts). */
export const transcriptLinkText = (sessionId: number, expires: number): string =>
  `transcript:${sessionId}:${expires}`;

export function transcriptLinkSignature(
  secret: string,
  sessionId: number,
  expires: number,
): string {
  return createHmac('sha256', secret)
    .update(transcriptLinkText(sessionId, expires))
    .digest('base64url');
}

/**
 * Why a signed link is not valid, or undefined when it is: expired, dated too far ahead (a link
 * must not outlive its purpose), or not signed with this session's secret.
 */
export function transcriptLinkProblem(
  secret: string,
  link: TranscriptLink,
  nowSeconds: number,
): 'expired' | 'bad_signature' | undefined {
  if (link.expires < nowSeconds || link.expires > nowSeconds + MAX_LINK_LIFETIME_SECONDS) {
    return 'expired';
  }
  const expected = transcriptLinkSignature(secret, link.sessionId, link.expires);
  return secretsMatch(expected, link.signature) ? undefined : 'bad_signature';
}
