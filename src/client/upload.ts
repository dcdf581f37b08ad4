/**
 * The attachment upload (protocol.md §5), loaded lazily by `attachFile` because most chats never
 * send a file; the checks that run before it are in `attachment-rules.ts`. The upload uses
 * XMLHttpRequest because fetch cannot report upload progress.
 */
import type { ErrorCode, UploadResult } from '../protocol/index.js';
import { isObject, isString } from './guards.js';

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
