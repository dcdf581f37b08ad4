/**
 * Turns a WebSocket-shaped socket (a browser WebSocket or a SockJS instance) into a `Transport`:
 * frames sent while it is still connecting wait and go out on open (both throw on send() then),
 * and no handler runs after our own close().
 */
import type { Transport, TransportHandlers } from './transport.js';

const CONNECTING = 0;
const OPEN = 1;

/** The part of the WebSocket API both sockets share. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  send(text: string): void;
  close(code?: number): void;
}

export function adaptSocket(
  socket: WebSocketLike,
  handlers: TransportHandlers,
): Transport & { readonly isClosedByUs: boolean } {
  const waiting: string[] = [];
  let isClosedByUs = false;

  socket.onopen = () => {
    if (isClosedByUs) return;
    for (const text of waiting.splice(0)) socket.send(text);
    handlers.onOpen();
  };
  socket.onmessage = (event: MessageEvent) => {
    if (!isClosedByUs) handlers.onMessage(String(event.data));
  };
  socket.onclose = (event: CloseEvent) => {
    if (!isClosedByUs) handlers.onClose(event.code, event.reason);
  };

  return {
    get isClosedByUs() {
      return isClosedByUs;
    },
    send(text: string) {
      if (socket.readyState === CONNECTING) waiting.push(text);
      else if (socket.readyState === OPEN) socket.send(text);
    },
    close() {
      isClosedByUs = true;
      // 1000 is the code both accept (SockJS only takes 1000 or 3000–4999).
      if (socket.readyState === CONNECTING || socket.readyState === OPEN) socket.close(1000);
    },
  };
}
