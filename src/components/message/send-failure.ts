/**
 * Why a visitor message was not sent, in the visitor's language, from the error code the client
 * kept for it (the server's answer to its frame, src/protocol/codes.ts). Shown after "Not sent."
 * on the failed row and announced with it, so the visitor knows whether Retry can help.
 */
import type { ChatItem } from '../../controllers/chat-item.js';
import { formatString } from '../../i18n/index.js';
import type { WidgetStrings } from '../../i18n/en.js';

/** The server's limit on a message's text (docs/protocol-notes.md "Field limits"). */
export const MAX_MESSAGE_LENGTH = 10_000;

export function sendFailureText(
  failure: NonNullable<ChatItem['failure']>,
  strings: WidgetStrings,
): string {
  switch (failure) {
    case 'too_large':
      return strings.failedTooLarge;
    // A frame the server could not take: for a message that passed the composer, its length.
    case 'bad_frame':
      return formatString(strings.failedRefused, { LIMIT: MAX_MESSAGE_LENGTH.toLocaleString() });
    case 'rate_limited':
      return strings.failedRateLimited;
    case 'chat_closed':
    case 'no_session':
      return strings.failedEnded;
    case 'no_answer':
    case 'network':
    case 'not_connected':
      return strings.failedNoAnswer;
    default:
      return strings.failedServer;
  }
}
