/**
 * The attachment upload (protocol.md §5), loaded lazily by `attachFile` because most chats never
 * send a file: the checks (`attachment-rules.ts`), the upload, and the `add attachment` frame that
 * puts the file into the chat (`sendFile`). The upload uses XMLHttpRequest because fetch cannot
 * report upload progress.
 */
import type { ErrorCode, UploadResult, VisitorClientFrames } from '../protocol/index.js';
import { checkAttachment } from './attachment-rules.js';
import { callSafely } from './emitter.js';
import { CentionChatError } from './errors.js';
import { isObject, isString } from './guards.js';
import type { AttachFileHandlers, ChatFeatures, UnsentMessage } from './types.js';

export type { UploadResult } from '../protocol/index.js';

/**
 * Why an upload failed: a plain `{code, message}` that `attachFile` turns into a
 * `CentionChatError` (importing the class into this lazy module would cost a chunk of its own).
 */
export interface UploadError {
  code: ErrorCode;
  message: string;
}

const serverCodes: ErrorCode[] = ['too_large', 'bad_type', 'no_session', 'chat_closed'];

function isUploadResult(value: unknown): value is UploadResult {
  return isObject(value) && isString(value.download) && isString(value.value);
}

function errorOf(status: number, body: unknown): UploadError {
  const error = isObject(body) ? body.error : undefined;
  if (isObject(error) && 'code' in error) {
    const code = serverCodes.find((known) => known === error.code) ?? 'upload_failed';
    const message = isString(error.message) ? error.message : '';
    return { code, message: message || `The upload failed (${status}).` };
  }
  return status === 0
    ? { code: 'network', message: 'The upload failed: no connection to the server.' }
    : { code: 'upload_failed', message: `The upload failed (${status}).` };
}

/** Posts the file as multipart; resolves with the server's answer or a coded error. */
export function uploadFile(
  url: string,
  fields: { file: File; sessionId: number; sessionSecret: string; areaId: number },
  onProgress?: (fraction: number) => void,
): Promise<{ result: UploadResult } | { error: UploadError }> {
  const form = new FormData();
  // The fields go before the file, so the server can refuse a wrong secret before reading the file.
  form.append('session', String(fields.sessionId));
  form.append('area', String(fields.areaId));
  form.append('sessionSecret', fields.sessionSecret);
  form.append('uploadfile', fields.file, fields.file.name);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300 && isUploadResult(body)) {
        onProgress?.(1);
        resolve({ result: body });
      } else {
        resolve({ error: errorOf(request.status, body) });
      }
    };
    request.onerror = () => resolve({ error: errorOf(0, undefined) });
    request.send(form);
  });
}

/** What `sendFile` needs of the client (centionchat.ts), each read when it is needed. */
export interface FileChat {
  features(): ChatFeatures | undefined;
  session(): { sessionId: number; sessionSecret: string; areaId: number } | undefined;
  isLive(): boolean;
  uploadURL(): string;
  newUmid(): string;
  /** Sends the `add attachment` frame; undefined when there is no socket to send it on. */
  sendAttachment(frame: VisitorClientFrames['add attachment']): number | undefined;
}

/** `attachFile()`: checks, uploads and sends the file into the chat (see CentionChatApi). */
export async function sendFile(
  chat: FileChat,
  file: File,
  cbOnDone: (unsent: UnsentMessage) => void,
  handlers: AttachFileHandlers,
): Promise<UnsentMessage | undefined> {
  const fail = (error: CentionChatError) => {
    callSafely(handlers.onError, error);
    return undefined;
  };
  const notConnected = () =>
    fail(new CentionChatError('not_connected', 'Not connected: the file was not sent.'));
  const refusal = checkAttachment(file, chat.features());
  const session = chat.session();
  if (refusal) return fail(refusal);
  if (!session || !chat.isLive()) return notConnected();
  const outcome = await uploadFile(chat.uploadURL(), { file, ...session }, (part) =>
    callSafely(handlers.onProgress, part),
  );
  if ('error' in outcome)
    return fail(new CentionChatError(outcome.error.code, outcome.error.message));
  const unsent = { id: chat.newUmid(), message: outcome.result.value };
  const frame = { file: outcome.result, umid: unsent.id };
  if (chat.sendAttachment(frame) === undefined) return notConnected();
  callSafely(cbOnDone, unsent);
  return unsent;
}
