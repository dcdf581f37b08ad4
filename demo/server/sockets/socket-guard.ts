/**
 * Checks made on the HTTP request of a SockJS socket before sockjs sees it: where the page that
 * opens the agent socket comes from (Origin allow-list) and how large a polling transport's POST
 * body may be. sockjs reads `xhr_send` / `jsonp_send` bodies whole before our 64 KiB frame check, so
 * the cap has to sit in front of it; WebSocket frames are capped by faye's `maxLength`.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export interface SocketGuardOptions {
  /** URL prefix of the socket, e.g. `/s/demo/socket/agent`. */
  prefix: string;
  /** Origins allowed to open this socket; undefined = any (the visitor socket, on customers' sites). */
  allowedOrigins?: (request: IncomingMessage) => readonly string[];
  /** Largest body of a polling transport's send request, in bytes. */
  maxSendBytes: number;
}

type Listener = (...args: unknown[]) => void;

/** The request's own origin as the browser sees it (`http://<Host>`), for same-origin checks. */
export function ownOrigins(request: IncomingMessage): string[] {
  const host = request.headers.host;
  return host ? [`http://${host}`, `https://${host}`] : [];
}

/** Why the request must not reach sockjs, or undefined when it may. */
function refusal(request: IncomingMessage, options: SocketGuardOptions): string | undefined {
  const origin = request.headers.origin;
  // No Origin: not a browser page (a CLI, a test client, a native app); it still needs a password.
  if (origin !== undefined && options.allowedOrigins) {
    if (!options.allowedOrigins(request).includes(origin)) return 'origin not allowed';
  }
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > options.maxSendBytes) return 'body too large';
  return undefined;
}

/**
 * Puts the checks in front of the listeners sockjs installed on `server` (call after
 * `installHandlers`). Refused HTTP requests get 403/413; refused upgrades are closed.
 */
export function guardSocket(server: Server, options: SocketGuardOptions): void {
  const inScope = (request: IncomingMessage) =>
    (request.url ?? '').startsWith(`${options.prefix}/`) || request.url === options.prefix;
  wrap(server, 'request', (request, response: ServerResponse) => {
    if (!inScope(request)) return true;
    const reason = refusal(request, options);
    if (reason) {
      response.writeHead(reason === 'body too large' ? 413 : 403, {
        'content-type': 'text/plain',
        connection: 'close',
      });
      response.end(`${reason}\n`);
      return false;
    }
    capBody(request, options.maxSendBytes);
    return true;
  });
  wrap(server, 'upgrade', (request, socket: Duplex) => {
    if (!inScope(request)) return true;
    if (refusal(request, options)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return false;
    }
    return true;
  });
}

/** A chunked body without Content-Length is counted as it arrives and cut off past the cap. */
function capBody(request: IncomingMessage, maxBytes: number): void {
  if (request.method !== 'POST') return;
  let received = 0;
  request.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBytes) request.socket.destroy();
  });
}

function wrap<Extra>(
  server: Server,
  event: 'request' | 'upgrade',
  pass: (request: IncomingMessage, extra: Extra) => boolean,
): void {
  const listeners = server.listeners(event) as Listener[];
  server.removeAllListeners(event);
  server.on(event, function (this: unknown, request: IncomingMessage, extra: Extra, ...rest) {
    if (!pass(request, extra)) return;
    for (const listener of listeners) listener.call(this, request, extra, ...rest);
  });
}
