export type * from './events.js';
export type * from './types.js';
