/**
 * A raw WebSocket transport (`${baseURL}/socket/external/websocket`, protocol.md §1), for pages that
 * want to skip the SockJS download (about 17 KB gzip). No fallbacks for networks that block
 * WebSockets, and no heartbeats: the raw endpoint has no framing to carry them, so the client's
 * idle timeout is not applied to it (`hasHeartbeat: false`).
 *
 *   createCentionChat({ transport: createWebSocketTransport })
 */
import { adaptSocket } from './socket-adapter.js';
import type { Transport, TransportFactory, TransportHandlers } from './transport.js';

export const createWebSocketTransport: TransportFactory = (
  url: string,
  handlers: TransportHandlers,
): Transport => {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/websocket`);
  return { ...adaptSocket(socket, handlers), hasHeartbeat: false };
};
