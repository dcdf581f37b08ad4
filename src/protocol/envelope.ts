/**
 * The envelope of every socket frame (protocol.md §2), generic over a map of frame types (client →
 * server) or of events (server → client), so one definition serves the visitor and agent sockets.
 */
import type { ErrorPayload } from './codes.js';

/** client → server: `{type, data, id}`. `id` counts up from 1 on each connection. */
export type ClientEnvelope<Frames extends object, T extends keyof Frames = keyof Frames> = {
  [K in T]: { type: K; data: Frames[K]; id: number };
}[T];

/** server → client: `{event, args, re?}`; `re` is the id of the frame it answers. */
export type ServerEnvelope<Events extends object, E extends keyof Events = keyof Events> = {
  [K in E]: { event: K; args: Events[K]; re?: number };
}[E];

/** Events both sockets can send. */
export interface CommonServerEvents {
  error: [error: ErrorPayload];
}
