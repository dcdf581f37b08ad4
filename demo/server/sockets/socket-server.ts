/**
 * What the visitor and the agent socket share: the sockjs server, writing events, the rate limit,
 * frame parsing, dispatch by frame type, and turning any failure into an `error` event so that no
 * frame can crash the server or close the connection. Each socket file only says what its frames do.
 */
import sockjs, { type Connection } from 'sockjs';
import type { ServerErrorCode } from '../../../src/protocol/index.js';
import { ChatError } from '../errors.js';
import type { Logger } from '../logger.js';
import { KeyedCount } from '../keyed-limit.js';
import { TokenBucket, type RateLimitOptions } from '../rate-limit.js';
import type { Peer } from '../wire.js';
import { FrameError, MAX_FRAME_BYTES, parseEnvelope } from './frames.js';

export interface SocketOptions {
  logger: Logger;
  rateLimit: RateLimitOptions;
  sockjsURL: string;
  /** Open connections one address may hold on this socket. */
  connectionsPerAddress: number;
  /**
   * Refused frames (over the rate, too large, malformed) a connection may send before it is
   * closed: a burst, refilled per second, so a client with one bug is answered, a flood is cut.
   */
  refusedFrames: RateLimitOptions;
}

/** The connection's peer address, as the server's TCP socket saw it. */
export interface ClientInfo {
  address: string;
}

/**
 * A frame's `data` (an object, its fields not yet read) and the frame's `id`, if it had one. A
 * handler that must wait (a password check) returns a promise; its rejection is answered like a
 * thrown error.
 */
export type FrameHandler = (
  data: Record<string, unknown>,
  re: number | undefined,
) => void | Promise<void>;

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
  onConnection: (peer: Peer<Events>, client: ClientInfo) => ConnectionHandlers<Frames>,
): sockjs.Server {
  const perAddress = new KeyedCount(options.connectionsPerAddress);
  const serverOptions: sockjs.ServerOptions & { faye_server_options: { maxLength: number } } = {
    sockjs_url: options.sockjsURL,
    // The transport refuses WebSocket messages past this itself, before they are buffered whole
    // (faye-websocket's default is 64 MiB). sockjs wraps a frame in a JSON array of strings, which
    // can double its size (quotes escaped), so the cap leaves room for that.
    faye_server_options: { maxLength: 2 * MAX_FRAME_BYTES + 1024 },
    log: (severity, message) => {
      if (severity === 'error') options.logger.error({ socket: kind }, message);
    },
  };
  const server = sockjs.createServer(serverOptions);
  server.on('connection', (connection: Connection | null) => {
    // sockjs emits null for a connection that closed during its handshake.
    if (!connection) return;
    const address = connection.remoteAddress || 'unknown';
    if (!perAddress.add(address)) {
      options.logger.warn({ socket: kind, address }, 'too many connections from one address');
      connection.write(
        JSON.stringify({
          event: 'error',
          args: [{ code: 'rate_limited', message: 'Too many connections from your network.' }],
        }),
      );
      closeWith(connection, 4429, 'Too many connections from this address');
      return;
    }
    connection.on('close', () => perAddress.remove(address));
    serveConnection(connection, kind, options, { address }, onConnection);
  });
  return server;
}

function serveConnection<Frames, Events>(
  connection: Connection,
  kind: 'visitor' | 'agent',
  options: SocketOptions,
  client: ClientInfo,
  onConnection: (peer: Peer<Events>, client: ClientInfo) => ConnectionHandlers<Frames>,
): void {
  const log = options.logger.child({ socket: kind, connection: connection.id });
  const bucket = new TokenBucket(options.rateLimit);
  const refusals = new TokenBucket(options.refusedFrames);
  const write = (event: string, args: unknown, re?: number) => {
    // A connection that closed in the middle of a broadcast just misses the event.
    if (connection.readyState !== 1) return;
    connection.write(JSON.stringify(re === undefined ? { event, args } : { event, args, re }));
  };
  // `error` is an event of both protocols (CommonServerEvents), written the same way.
  const sendError = (code: ServerErrorCode, message: string, re?: number) =>
    write('error', [{ code, message }], re);
  const peer: Peer<Events> = { send: write };
  const handlers = onConnection(peer, client);
  const frames: Partial<Record<string, FrameHandler>> = handlers.frames;
  /** A refused frame costs the connection one of its refusals; when none are left it is closed. */
  const refused = () => {
    if (refusals.take()) return;
    log.warn({ address: client.address }, 'closing a connection that keeps sending refused frames');
    closeWith(connection, 4400, 'Too many refused frames');
  };
  const answerFailure = (error: unknown, re: number | undefined) => {
    if (error instanceof FrameError) {
      sendError(error.code, error.message, error.re ?? re);
      refused();
    } else if (error instanceof ChatError) {
      sendError(error.code, error.message, re);
      if (error.code === 'bad_frame' || error.code === 'rate_limited') refused();
    } else {
      log.error({ err: error }, 'frame handler failed');
      sendError('server_error', 'Something went wrong on the server.', re);
    }
  };

  connection.on('data', (raw: string) => {
    let re: number | undefined;
    try {
      if (!bucket.take()) {
        sendError('rate_limited', 'Too many frames on this connection; slow down and retry.');
        refused();
        return;
      }
      const frame = parseEnvelope(raw);
      re = frame.id;
      log.debug({ type: frame.type, id: frame.id }, 'frame');
      const handle = Object.hasOwn(frames, frame.type) ? frames[frame.type] : undefined;
      if (!handle) {
        throw new ChatError('bad_frame', `Unknown frame type "${frame.type.slice(0, 64)}".`);
      }
      const pending = handle(frame.data, re);
      const frameId = re;
      if (pending) pending.catch((error: unknown) => answerFailure(error, frameId));
    } catch (error) {
      answerFailure(error, re);
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

/** sockjs sends the close code as given; its types say string, the client expects a number. */
function closeWith(connection: Connection, code: number, reason: string): void {
  const close = connection.close as unknown as (code: number, reason: string) => boolean;
  close.call(connection, code, reason);
}
