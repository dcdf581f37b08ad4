/**
 * The SockJS transport, the client's default. It first speaks SockJS over a plain WebSocket
 * (sockjs-websocket.ts: no download), as sockjs-client would; when the WebSocket cannot open (a
 * proxy or network that blocks WebSockets), it loads `sockjs-client` with a dynamic import and lets it find a transport that works (XHR streaming,
 * polling; sockjs-fallback.ts). Once a page has fallen back, its later connections go straight to sockjs-client.
 */
import { openSockJSWebSocket } from './sockjs-websocket.js';
import type { Transport, TransportFactory, TransportHandlers } from './transport.js';

/** How long a WebSocket may take to open before sockjs-client gets its chance. */
const WEBSOCKET_OPEN_TIMEOUT_MS = 8000;

let isWebSocketBlocked = typeof WebSocket === 'undefined';

/** sockjs-client, fetched the first time a page needs the fallback. */
const openSockJSClient = (url: string, handlers: TransportHandlers): Promise<Transport> =>
  import('./sockjs-fallback.js').then((module) => module.openSockJSClient(url, handlers));

export const createSockJSTransport: TransportFactory = (
  url: string,
  handlers: TransportHandlers,
): Transport | Promise<Transport> => {
  if (isWebSocketBlocked) return openSockJSClient(url, handlers);
  // The transport the caller holds: the WebSocket, replaced by sockjs-client if that fails.
  let current: Transport | undefined;
  let isClosedByCaller = false;
  const pending: string[] = [];
  const fallBack = () => {
    clearTimeout(timer);
    isWebSocketBlocked = true;
    void openSockJSClient(url, handlers).then(
      (fallback) => {
        current = fallback;
        if (isClosedByCaller) fallback.close();
        else for (const text of pending.splice(0)) fallback.send(text);
      },
      () => {
        if (!isClosedByCaller) handlers.onClose(1006, 'SockJS could not be loaded');
      },
    );
  };
  let isOpen = false;
  const socket = openSockJSWebSocket(
    url,
    {
      ...handlers,
      onOpen() {
        isOpen = true;
        pending.length = 0; // sent by the WebSocket itself, now that it is open
        clearTimeout(timer);
        handlers.onOpen();
      },
    },
    () => {
      if (!isClosedByCaller) fallBack();
    },
  );
  current = socket;
  const timer = setTimeout(() => {
    if (isOpen || isClosedByCaller) return;
    socket.close();
    fallBack();
  }, WEBSOCKET_OPEN_TIMEOUT_MS);
  return {
    send(text: string) {
      if (current === socket && !isOpen) pending.push(text);
      current?.send(text);
    },
    close() {
      isClosedByCaller = true;
      clearTimeout(timer);
      current?.close();
    },
  };
};
