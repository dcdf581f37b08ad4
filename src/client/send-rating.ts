/**
 * Sends the visitor's rating of a chat that has ended (`POST rating`, docs/protocol-notes.md
 * "Ratings"). Over HTTP, not the socket: the socket closes when the chat ends, and a rating should
 * not open it again. Loaded only when the visitor sends a rating.
 */
import type { RatingRequest } from '../protocol/index.js';
import { CentionChatError } from './errors.js';
import { apiURL } from './http.js';
import { isObject, isString } from './guards.js';

/** Resolves once the server has stored the rating; rejects with the server's error code. */
export async function sendRating(baseURL: string, rating: RatingRequest): Promise<void> {
  let response: Response;
  try {
    response = await fetch(apiURL(baseURL, 'rating'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(rating),
    });
  } catch {
    throw new CentionChatError('network', 'The rating could not be sent (network).');
  }
  if (response.ok) return;
  const body: unknown = await response.json().catch(() => undefined);
  const error = isObject(body) && isObject(body.error) ? body.error : {};
  throw new CentionChatError(
    isString(error.code) ? (error.code as CentionChatError['code']) : 'server_error',
    isString(error.message) ? error.message : `The rating was refused (${response.status}).`,
  );
}
