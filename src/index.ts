/**
 * Package entry (`import … from 'cention-chat'`): exports only, no side effects, safe under SSR.
 * Each area owns its own barrel: src/client/index.ts and src/components/index.ts.
 */
export * from './client/index.js';
export * from './components/index.js';
