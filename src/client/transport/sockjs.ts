/**
 * The SockJS transport, the client's default: the only module that imports `sockjs-client`, and
 * only with a dynamic import at connect time, so the launcher page never pays for SockJS. (The
 * import sits here rather than around this small module so that the one-file build, where SockJS
 * is already in the file, needs no lazy-module wrapper for it.)
 */
import type { Transport, TransportFactory, TransportHandlers } from './transport.js';

const CONNECTING = 0;
const OPEN = 1;

export const createSockJSTransport: TransportFactory = async (
  url: string,
  handlers: TransportHandlers,
): Promise<Transport> => {
  const { default: SockJS } = await import('sockjs-client/dist/sockjs.min.js');
  const socket = new SockJS(url);
  // SockJS's send() throws while CONNECTING, so frames wait here until the socket opens.
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
  // sockjs-client dispatches this (not part of the WebSocket API) on each server heartbeat frame.
  socket.addEventListener('heartbeat', () => {
    if (!isClosedByUs) handlers.onHeartbeat();
  });
  socket.onclose = (event: CloseEvent) => {
    if (!isClosedByUs) handlers.onClose(event.code, event.reason);
  };

  return {
    send(text: string) {
      if (socket.readyState === CONNECTING) waiting.push(text);
      else if (socket.readyState === OPEN) socket.send(text);
    },
    close() {
      isClosedByUs = true;
      // SockJS only accepts 1000 or 3000–4999 here.
      if (socket.readyState === CONNECTING || socket.readyState === OPEN) socket.close(1000);
    },
  };
};
