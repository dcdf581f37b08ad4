/**
 * Attachment checks and upload (protocol.md §5), loaded lazily by `attachFile` because most chats
 * never send a file. The upload uses XMLHttpRequest because fetch cannot report upload progress.
 */
import { isObject, isString } from './guards.js';
import type { ChatFeatures, ClientErrorCode, ClientErrorShape } from './types.js';

import type { UploadResult } from '../protocol/index.js';

export type { UploadResult } from '../protocol/index.js';

const serverCodes: ClientErrorCode[] = ['too_large', 'bad_type', 'no_session', 'chat_closed'];

/** "900 KB", "1.5 MB": a file size as people read it. */
export const formatBytes = (bytes: number): string =>
  bytes >= 1048576
    ? `${(bytes / 1048576).toFixed(1).replace(/\.0$/, '')} MB`
    : `${Math.ceil(bytes / 1024)} KB`;

/**
 * The size limit for this file under the area's features: `chat.max-image-size` for images (the
 * attachment limit when the area gives no image limit), `chat.max-attachment-size` otherwise;
 * undefined when there is none.
 */
export function attachmentLimit(
  file: File,
  features: ChatFeatures | undefined,
): number | undefined {
  const fileLimit = features?.['chat.max-attachment-size'];
  const limit = file.type.startsWith('image/')
    ? (features?.['chat.max-image-size'] ?? fileLimit)
    : fileLimit;
  return typeof limit === 'number' && limit > 0 ? limit : undefined;
}

/**
 * Why a file may not be sent under the area's features (from `canChat`), or undefined when it may.
 * Without known features nothing is refused here; the server still checks. The widget's composer
 * runs the same check, so the two never disagree.
 */
export function checkAttachment(
  file: File,
  features: ChatFeatures | undefined,
): ClientErrorShape | undefined {
  if (!features) return undefined;
  if (features['chat.attachment'] === false) {
    return { code: 'attachments_disabled', message: 'This chat does not accept attachments.' };
  }
  const limit = attachmentLimit(file, features);
  return limit !== undefined && file.size > limit
    ? {
        code: 'too_large',
        message: `${file.name} (${formatBytes(file.size)}) is over the ${formatBytes(limit)} limit.`,
      }
    : undefined;
}

function isUploadResult(value: unknown): value is UploadResult {
  return isObject(value) && isString(value.download) && isString(value.value);
}

function errorOf(status: number, body: unknown): ClientErrorShape {
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
): Promise<{ result: UploadResult } | { error: ClientErrorShape }> {
  const form = new FormData();
  form.append('uploadfile', fields.file, fields.file.name);
  form.append('session', String(fields.sessionId));
  form.append('area', String(fields.areaId));
  form.append('sessionSecret', fields.sessionSecret);
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
