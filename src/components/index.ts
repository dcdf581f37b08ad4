/**
 * Public types of the widget's elements, for the package entry (the DOM events' types come from
 * src/events/). Types only: the package entry must stay free of side effects (and safe under SSR),
 * and importing an element module registers its tag. Register the widget with the script-tag
 * entry (`cention-chat/embed`).
 */
export type { CentionChatElement } from './chat/chat.js';
export type { CentionChatPanel } from './chat-panel/chat-panel.js';
export type { CentionChatFinished } from './chat-finished/chat-finished.js';
export type { CentionComposer } from './composer/composer.js';
export type { CentionEndConfirm } from './end-confirm/end-confirm.js';
export type { CentionMessageList } from './message-list/message-list.js';
export type { CentionQueueStatus } from './queue-status/queue-status.js';
export type { CentionStartForm } from './start-form/start-form.js';
export type { CentionTypingPreview } from './typing-preview/typing-preview.js';
export type { WidgetStrings } from '../i18n/index.js';
