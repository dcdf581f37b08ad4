/**
 * The SockJS transport, the client's default: the only module that imports `sockjs-client`, and
 * only with a dynamic import at connect time, so the launcher page never pays for SockJS. (The
 * import sits here rather than around this small module so that the one-file build, where SockJS
 * is already in the file, needs no lazy-module wrapper for it.)
 */
import { adaptSocket } from './socket-adapter.js';
import type { Transport, TransportFactory, TransportHandlers } from './transport.js';

export const createSockJSTransport: TransportFactory = async (
  url: string,
  handlers: TransportHandlers,
): Promise<Transport> => {
  const { default: SockJS } = await import('sockjs-client/dist/sockjs.min.js');
  const socket = new SockJS(url);
  const transport = adaptSocket(socket, handlers);
  // sockjs-client dispatches this (not part of the WebSocket API) on each server heartbeat frame.
  socket.addEventListener('heartbeat', () => {
    if (!transport.isClosedByUs) handlers.onHeartbeat();
  });
  return transport;
};
