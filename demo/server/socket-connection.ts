/**
 * What every socket connection (visitor or agent) shares: the sockjs server around it, writing
 * events, the rate limit, frame parsing, and turning any failure into an `error` event so that no
 * frame can crash the server or close the connection.
 */
import sockjs, { type Connection } from 'sockjs';
import { ChatError } from './errors.js';
import { FrameError, parseEnvelope, type Envelope } from './frames.js';
import type { Logger } from './logger.js';
import { TokenBucket, type RateLimitOptions } from './rate-limit.js';
import type { Peer } from './wire.js';

export type FrameHandler = (frame: Envelope, peer: Peer) => void;

export interface SocketOptions {
  logger: Logger;
  rateLimit: RateLimitOptions;
  sockjsURL: string;
}

/** A sockjs server that logs its own errors under `kind` and hands each live connection on. */
export function createSocketServer(
  kind: 'visitor' | 'agent',
  options: SocketOptions,
  onConnection: (connection: Connection) => void,
): sockjs.Server {
  const server = sockjs.createServer({
    sockjs_url: options.sockjsURL,
    log: (severity, message) => {
      if (severity === 'error') options.logger.error({ socket: kind }, message);
    },
  });
  server.on('connection', (connection: Connection | null) => {
    // sockjs emits null for a connection that closed during its handshake.
    if (connection) onConnection(connection);
  });
  return server;
}

export function serveConnection(
  connection: Connection,
  options: { logger: Logger; rateLimit: RateLimitOptions; kind: 'visitor' | 'agent' },
  handle: FrameHandler,
  onClose: () => void,
): Peer {
  const log = options.logger.child({ socket: options.kind, connection: connection.id });
  const bucket = new TokenBucket(options.rateLimit);
  const peer: Peer = {
    send(event, args, re) {
      // A connection that closed in the middle of a broadcast just misses the event.
      if (connection.readyState !== 1) return;
      connection.write(JSON.stringify(re === undefined ? { event, args } : { event, args, re }));
    },
  };
  const sendError = (code: string, message: string, re?: number) =>
    peer.send('error', [{ code, message }], re);

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
      handle(frame, peer);
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
      onClose();
    } catch (error) {
      log.error({ err: error }, 'close handler failed');
    }
  });
  return peer;
}
