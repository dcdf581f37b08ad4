/**
 * sockjs-client, for networks where a WebSocket cannot open (sockjs.ts): its own module so it is
 * its own chunk (`sockjs-fallback-*.js`), fetched only by a page that needs the fallback.
 */
import SockJS from 'sockjs-client/dist/sockjs.min.js';
import { adaptSocket } from './socket-adapter.js';
import type { Transport, TransportHandlers } from './transport.js';

export function openSockJSClient(url: string, handlers: TransportHandlers): Transport {
  const socket = new SockJS(url);
  const transport = adaptSocket(socket, handlers);
  // sockjs-client dispatches this (not part of the WebSocket API) on each server heartbeat frame.
  socket.addEventListener('heartbeat', () => {
    if (!transport.isClosedByUs) handlers.onHeartbeat();
  });
  return transport;
}
