/**
 * The HTTP side of the visitor API (protocol.md §5) that the client calls or links to: every URL
 * under `${baseURL}/socket/external.api/`, and `canchat` with its answer normalised. The upload is
 * in upload.ts, loaded only when a file is sent.
 */
import type { CanChatResult } from '../protocol/index.js';
import { isObject } from './guards.js';
import type { StoredSession } from './session-store.js';

/** `${baseURL}/socket/external.api/<endpoint>`. */
export const apiURL = (baseURL: string, endpoint: string): string =>
  `${baseURL}/socket/external.api/${endpoint}`;

/** The save or print transcript URL, built exactly as chat-api.txt builds it. */
export const transcriptURL = (
  baseURL: string,
  endpoint: 'savehistory' | 'printhistory',
  area: number,
  secret: string | undefined,
): string => `${apiURL(baseURL, endpoint)}?area=${area}&secret=${secret}`;

/** `GET canchat` for an area; with the stored session, so the server can say `resumable`. */
export function requestCanChat(
  baseURL: string,
  area: number,
  stored: StoredSession | undefined,
): Promise<CanChatResult> {
  const query = stored
    ? `&sessionId=${stored.sessionId}&secret=${encodeURIComponent(stored.sessionSecret)}`
    : '';
  return fetch(`${apiURL(baseURL, 'canchat')}?area=${encodeURIComponent(area)}${query}`)
    .then((response) => response.json() as Promise<unknown>)
    .then((body): CanChatResult => {
      const answer = (isObject(body) ? body : {}) as Partial<
        Omit<CanChatResult, 'error'> & { error: unknown }
      >;
      const error = answer.error;
      return {
        ...answer,
        chatOpen: answer.chatOpen === true,
        agentsAvailable: typeof answer.agentsAvailable === 'number' ? answer.agentsAvailable : 0,
        resumable: answer.resumable === true,
        // Protocol errors are `{error: {code, message}}`; the Chat API promises a string.
        error: !error ? undefined : typeof error === 'string' ? error : JSON.stringify(error),
      };
    })
    .catch((): CanChatResult => ({
      chatOpen: false,
      agentsAvailable: 0,
      resumable: false,
      error: 'Could not reach the chat server.',
    }));
}
