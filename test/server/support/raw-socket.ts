/**
 * The raw WebSocket endpoint of a SockJS socket (`<prefix>/websocket`: one JSON frame per message,
 * no SockJS framing) through `ws`, so abuse tests can pick the client's address (127.0.1.2 …, all
 * loopback) and send the headers a browser would (Origin).
 */
import WebSocket from 'ws';

export interface RawSocket {
  readonly socket: WebSocket;
  /** Every event received, parsed. */
  readonly received: { event: string; args: unknown[]; re?: number }[];
  send(type: string, data?: unknown, id?: number): void;
  /** The next received event that matches (already received ones count). */
  next(
    where: (event: { event: string; args: unknown[]; re?: number }) => boolean,
    timeoutMs?: number,
  ): Promise<{ event: string; args: unknown[]; re?: number }>;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
  close(): void;
}

/** `http://…/s/demo` + `/socket/external` → `ws://…/s/demo/socket/external/websocket`. */
export function rawSocketURL(baseURL: string, socket: 'external' | 'agent'): string {
  return `${baseURL.replace(/^http/, 'ws')}/socket/${socket}/websocket`;
}

export function openRawSocket(
  url: string,
  options: { localAddress?: string; origin?: string } = {},
): Promise<RawSocket> {
  const socket = new WebSocket(url, {
    localAddress: options.localAddress,
    ...(options.origin ? { origin: options.origin } : {}),
  });
  const received: RawSocket['received'] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    received.push(JSON.parse(String(data)) as RawSocket['received'][number]);
    for (const wake of waiters) wake();
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  const raw: RawSocket = {
    socket,
    received,
    closed,
    send: (type, data, id) => socket.send(JSON.stringify({ type, data, id })),
    next: (where, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        let taken = 0;
        const check = () => {
          for (; taken < received.length; taken++) {
            const event = received[taken];
            if (event && where(event)) {
              clearTimeout(timer);
              waiters.delete(check);
              resolve(event);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; received ${received.map((e) => e.event).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(raw));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`refused with HTTP ${response.statusCode}`)),
    );
  });
}
