/**
 * SockJS's own WebSocket transport, spoken directly: `${prefix}/<server>/<session>/websocket`
 * with SockJS framing (`o` open, `h` heartbeat, `a[…]` messages, `c[code,reason]` close; the
 * client sends a JSON array of strings). This is what sockjs-client itself uses whenever
 * WebSockets work, so the server sees the same connection, heartbeats and close codes. Hand-written
 * (about 0.5 KB) because it saves the 6.5 KB gzip of sockjs-client on every chat where WebSockets
 * work; sockjs-client stays the fallback for networks that block them (sockjs.ts).
 */
import type { Transport, TransportHandlers } from './transport.js';

const CONNECTING = 0;
const OPEN = 1;

/** A random SockJS server id (three digits) and session id, as sockjs-client makes them. */
const sessionPath = (): string =>
  `${Math.floor(Math.random() * 1000)}/${Math.random().toString(36).slice(2, 10)}`;

/**
 * Opens the socket; `onFailedToOpen` is called instead of any handler when the WebSocket closes
 * (or errors) before SockJS's `o` frame arrived, so the caller can fall back to sockjs-client.
 */
export function openSockJSWebSocket(
  prefix: string,
  handlers: TransportHandlers,
  onFailedToOpen: () => void,
): Transport {
  const socket = new WebSocket(`${prefix.replace(/^http/, 'ws')}/${sessionPath()}/websocket`);
  const waiting: string[] = [];
  let isOpen = false;
  let isClosed = false;
  const finish = (code: number, reason: string) => {
    if (isClosed) return;
    isClosed = true;
    if (isOpen) handlers.onClose(code, reason);
    else onFailedToOpen();
  };
  const sendNow = (texts: string[]) => socket.send(JSON.stringify(texts));
  socket.onmessage = (event: MessageEvent) => {
    if (isClosed) return;
    const data = String(event.data);
    const kind = data[0];
    if (kind === 'o') {
      isOpen = true;
      if (waiting.length) sendNow(waiting.splice(0));
      handlers.onOpen();
    } else if (kind === 'h') {
      handlers.onHeartbeat();
    } else if (kind === 'a' || kind === 'c') {
      let payload: unknown;
      try {
        payload = JSON.parse(data.slice(1));
      } catch {
        return; // Not SockJS framing: ignored, as sockjs-client does.
      }
      if (kind === 'c' && Array.isArray(payload)) {
        finish(Number(payload[0]) || 1006, String(payload[1] ?? ''));
        socket.close();
        return;
      }
      const texts = Array.isArray(payload) ? payload : [];
      for (const text of texts) if (!isClosed) handlers.onMessage(String(text));
    }
  };
  socket.onclose = (event: CloseEvent) => finish(event.code || 1006, event.reason);
  socket.onerror = () => finish(1006, 'WebSocket error');
  return {
    send(text: string) {
      if (isOpen && socket.readyState === OPEN) sendNow([text]);
      else if (!isClosed) waiting.push(text);
    },
    close() {
      isClosed = true;
      if (socket.readyState === CONNECTING || socket.readyState === OPEN) socket.close(1000);
    },
  };
}
