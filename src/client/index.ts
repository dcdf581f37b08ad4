/** What an integrator needs of the client: the class, its factory, the types and the item parser. */
export type * from './events.js';
export type * from './types.js';
export { CentionChat, createCentionChat } from './centionchat.js';
export { CentionChatError } from './errors.js';
export { readStoredSession, type StoredSession } from './session-store.js';
export {
  parseSystemItem,
  systemItemText,
  systemTexts,
  systemItemMarker,
  type SystemItem,
  type SystemItemEvent,
  type ButtonTemplate,
  type TemplateButton,
} from './system-items.js';
export { backoffDelay } from './backoff.js';
// Opt-in (imports no SockJS): createCentionChat({ transport: createWebSocketTransport }).
export { createWebSocketTransport } from './transport/websocket.js';
