/**
 * The chat store lives in `store/` (one file per table, `store/index.ts` the `ChatStore` facade);
 * this file keeps the import path the rest of the server uses.
 */
export * from './store/index.js';
