/**
 * Package entry (`import … from 'cention-chat'`): exports only, no side effects, safe under SSR.
 * Each area owns its own barrel: src/client/index.ts, src/components/index.ts and src/events/ (the
 * DOM events' types; types only here, so nothing of the widget runs on import).
 */
import './types/global.js';
export * from './client/index.js';
export * from './components/index.js';
export type * from './events/chat-events.js';
