/**
 * The one source of the wire protocol (shared protocol.md, docs/protocol-notes.md): visitor frames
 * and events, structured items, HTTP answers, the agent console protocol and the error codes.
 * Client, server, console, bench and tests import these; everything here is a type except the two
 * small code tables in `codes.ts`.
 */
export type * from './visitor.js';
export type * from './agent.js';
export type * from './items.js';
export type * from './http.js';
export type * from './library.js';
export type * from './envelope.js';
export type * from './codes.js';
export { resumeRefusalCodes, registerRefusalReasons } from './codes.js';
