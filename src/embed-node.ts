/**
 * `cention-chat/embed` under Node (server-side rendering; the `node` export condition): there is
 * no DOM to register `<cention-chat>` in, so importing it does nothing, where the browser entry
 * would throw `HTMLElement is not defined`. The client factory works the same; the element's
 * class exists only in the browser (its type is still exported, for annotations).
 */
import './types/global.js';

export { createCentionChat } from './client/centionchat.js';
export type { CentionChatElement } from './components/chat/chat.js';
