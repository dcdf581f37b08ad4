/**
 * The widget's DOM events (below components and controllers, which both import from here):
 * the public event types for the package entry, and `emit`.
 */
export type * from './chat-events.js';
export { emit } from './emit.js';
