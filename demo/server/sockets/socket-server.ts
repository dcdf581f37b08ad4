/**
 * What the visitor and the agent socket share: the sockjs server, writing events, the rate limit,
 * frame parsing, dispatch by frame type, and turning any failure into an `error` event so that no
 * frame can crash the server or close the connection. Each socket file only says what its frames do.
 */
import sockjs, { type Connection } from 'sockjs';
import type { ServerErrorCode } from '../../../src/protocol/index.js';
import { ChatError } from '../errors.js';
import type { Logger } from '../logger.js';
import { TokenBucket, type RateLimitOptions } from '../rate-limit.js';
import type { Peer } from '../wire.js';
import { FrameError, parseEnvelope } from './frames.js';

export interface SocketOptions {
  logger: Logger;
  rateLimit: RateLimitOptions;
  sockjsURL: string;
}

/** A frame's `data` (an object, its fields not yet read) and the frame's `id`, if it had one. */
export type FrameHandler = (data: Record<string, unknown>, re: number | undefined) => void;

/** One handler per frame type of the protocol's map: a missing or misspelt type fails to compile. */
export type FrameHandlers<Frames> = { [Type in keyof Frames & string]: FrameHandler };

/** What a socket does with one connection: its frames, and what happens when it closes. */
export interface ConnectionHandlers<Frames> {
  frames: FrameHandlers<Frames>;
  onClose(): void;
}

/**
 * A sockjs server for one protocol. For each live connection, `onConnection` gets the typed peer
 * that answers it and returns the handlers of that connection's frames.
 */
export function createSocketServer<Frames, Events>(
  kind: 'visitor' | 'agent',
  options: SocketOptions,
  onConnection: (peer: Peer<Events>) => ConnectionHandlers<Frames>,
): sockjs.Server {
  const server = sockjs.createServer({
    sockjs_url: options.sockjsURL,
    log: (severity, message) => {
      if (severity === 'error') options.logger.error({ socket: kind }, message);
    },
  });
  server.on('connection', (connection: Connection | null) => {
    // sockjs emits null for a connection that closed during its handshake.
    if (connection) serveConnection(connection, kind, options, onConnection);
  });
  return server;
}

function serveConnection<Frames, Events>(
  connection: Connection,
  kind: 'visitor' | 'agent',
  options: SocketOptions,
  onConnection: (peer: Peer<Events>) => ConnectionHandlers<Frames>,
): void {
  const log = options.logger.child({ socket: kind, connection: connection.id });
  const bucket = new TokenBucket(options.rateLimit);
  const write = (event: string, args: unknown, re?: number) => {
    // A connection that closed in the middle of a broadcast just misses the event.
    if (connection.readyState !== 1) return;
    connection.write(JSON.stringify(re === undefined ? { event, args } : { event, args, re }));
  };
  // `error` is an event of both protocols (CommonServerEvents), written the same way.
  const sendError = (code: ServerErrorCode, message: string, re?: number) =>
    write('error', [{ code, message }], re);
  const peer: Peer<Events> = { send: write };
  const handlers = onConnection(peer);
  const frames: Partial<Record<string, FrameHandler>> = handlers.frames;

  connection.on('data', (raw: string) => {
    let re: number | undefined;
    try {
      if (!bucket.take()) {
        sendError('rate_limited', 'Too many frames on this connection; slow down and retry.');
        return;
      }
      const frame = parseEnvelope(raw);
      re = frame.id;
      log.debug({ type: frame.type, id: frame.id }, 'frame');
      const handle = Object.hasOwn(frames, frame.type) ? frames[frame.type] : undefined;
      if (!handle) {
        throw new ChatError('bad_frame', `Unknown frame type "${frame.type.slice(0, 64)}".`);
      }
      handle(frame.data, re);
    } catch (error) {
      if (error instanceof FrameError) {
        sendError(error.code, error.message, error.re ?? re);
      } else if (error instanceof ChatError) {
        sendError(error.code, error.message, re);
      } else {
        log.error({ err: error }, 'frame handler failed');
        sendError('server_error', 'Something went wrong on the server.', re);
      }
    }
  });
  connection.on('close', () => {
    try {
      handlers.onClose();
    } catch (error) {
      log.error({ err: error }, 'close handler failed');
    }
  });
}
