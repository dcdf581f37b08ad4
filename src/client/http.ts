/**
 * The HTTP side of the visitor API (protocol.md §5) that the client calls or links to: every URL
 * under `${baseURL}/socket/external.api/`, `canchat` with its answer normalised, and sending a
 * file (the area's limits, the upload, then `add attachment`). The upload itself is in upload.ts,
 * loaded only when a file is sent.
 */
import type {
  CanChatResult,
  ErrorCode,
  SessionInfo,
  VisitorClientFrames,
} from '../protocol/index.js';
import { checkAttachment } from './attachment-rules.js';
import { callSafely } from './emitter.js';
import { CentionChatError } from './errors.js';
import { isObject } from './guards.js';
import type { StoredSession } from './session-store.js';
import type { AttachFileHandlers, ChatFeatures, UnsentMessage } from './types.js';

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

/** What sending a file needs of the client; read once the upload code has loaded. */
export interface FileChat {
  /** The upload endpoint. */
  url: string;
  /** The limits of the last `canChat` answer. */
  features(): ChatFeatures | undefined;
  /** The session, while the chat is connected. */
  liveSession(): SessionInfo | undefined;
  /** Sends `add attachment`; its frame id, or undefined without a connection. */
  send(frame: VisitorClientFrames['add attachment']): number | undefined;
  newUmid(): string;
}

/**
 * `attachFile` of the Chat API: checks the file against the area's limits, uploads it and sends
 * `add attachment`; `cbOnDone` and the result get `{id, message: fileName}`. Every refusal goes to
 * `handlers.onError` as a `CentionChatError`, and nothing is sent.
 */
export async function sendFile(
  chat: FileChat,
  file: File,
  cbOnDone: (unsent: UnsentMessage) => void,
  handlers: AttachFileHandlers,
): Promise<UnsentMessage | undefined> {
  const fail = (code: ErrorCode, message: string) => {
    callSafely(handlers.onError, new CentionChatError(code, message));
    return undefined;
  };
  const notConnected = () => fail('not_connected', 'Not connected: the file was not sent.');
  const { uploadFile } = await import('./upload.js');
  const refusal = checkAttachment(file, chat.features());
  if (refusal) return fail(refusal.code, refusal.message);
  const session = chat.liveSession();
  if (!session) return notConnected();
  const outcome = await uploadFile(
    chat.url,
    {
      file,
      sessionId: session.sessionId,
      sessionSecret: session.sessionSecret,
      areaId: session.areaId,
    },
    (fraction) => callSafely(handlers.onProgress, fraction),
  );
  if ('error' in outcome) return fail(outcome.error.code, outcome.error.message);
  const unsent: UnsentMessage = { id: chat.newUmid(), message: outcome.result.value };
  if (chat.send({ file: outcome.result, umid: unsent.id }) === undefined) return notConnected();
  callSafely(cbOnDone, unsent);
  return unsent;
}
