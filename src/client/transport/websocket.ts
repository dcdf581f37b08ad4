/**
 * A raw WebSocket transport (`${baseURL}/socket/external/websocket`, protocol.md §1), for pages that
 * want to skip the SockJS download (about 17 KB gzip). No fallbacks for networks that block
 * WebSockets, and no heartbeats: the raw endpoint has no framing to carry them, so the client's
 * idle timeout is not applied to it (`hasHeartbeat: false`).
 *
 *   createCentionChat({ transport: createWebSocketTransport })
 */
import type { Transport, TransportFactory, TransportHandlers } from './transport.js';

export const createWebSocketTransport: TransportFactory = (
  url: string,
  handlers: TransportHandlers,
): Transport => {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/websocket`);
  // WebSocket.send() throws while CONNECTING, as SockJS does, so frames wait here.
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
    hasHeartbeat: false,
    send(text: string) {
      if (socket.readyState === WebSocket.CONNECTING) waiting.push(text);
      else if (socket.readyState === WebSocket.OPEN) socket.send(text);
    },
    close() {
      isClosedByUs = true;
      if (socket.readyState <= WebSocket.OPEN) socket.close(1000);
    },
  };
};
