/**
 * The knowledge base: `new Library(content)` with `search(query, {areaId, limit})`, and the demo
 * workspace's content. The REST API (`/v1/library/*`) and the visitor search route read it.
 */
export { Library, wordsOf } from './library.js';
export type * from './library-types.js';
export { demoLibrary } from './demo-library.js';
