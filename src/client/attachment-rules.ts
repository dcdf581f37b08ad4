/**
 * The checks a file passes before it is uploaded (protocol.md §5 features from `canChat`). Pure and
 * small, so the composer can run them without pulling in the lazily loaded upload code.
 */
import { formatFileSize } from '../i18n/file-size.js';
import { CentionChatError } from './errors.js';
import type { ChatFeatures } from './types.js';

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
): CentionChatError | undefined {
  if (!features) return undefined;
  if (features['chat.attachment'] === false) {
    return new CentionChatError('attachments_disabled', 'This chat does not accept attachments.');
  }
  const limit = attachmentLimit(file, features);
  return limit !== undefined && file.size > limit
    ? new CentionChatError(
        'too_large',
        `${file.name} (${formatFileSize('en', file.size)}) is over the ${formatFileSize('en', limit)} limit.`,
      )
    : undefined;
}
