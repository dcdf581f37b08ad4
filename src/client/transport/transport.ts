/**
 * The one seam between the client and the network: a text-frame socket. The client never knows
 * whether SockJS, a raw WebSocket or a test double carries its frames.
 */

/** What a transport reports back. Called only until `close()` is called on it. */
export interface TransportHandlers {
  /** The socket is open; frames can be sent. */
  onOpen(): void;
  /** One text frame arrived. */
  onMessage(text: string): void;
  /** A sign of life without a frame (e.g. a SockJS heartbeat), for the idle timeout. */
  onHeartbeat(): void;
  /** The socket closed or could not open; it will not be used again. */
  onClose(code: number, reason: string): void;
}

export interface Transport {
  /**
   * False when the transport cannot report signs of life (`onHeartbeat`): the client then does not
   * apply its idle timeout, which would otherwise cut every quiet connection. Default true.
   */
  readonly hasHeartbeat?: boolean;
  /** Sends one text frame; frames sent before the socket opened are buffered and sent on open. */
  send(text: string): void;
  /** Closes the socket; no handler is called after this. */
  close(): void;
}

/**
 * Opens a socket to `url` (the SockJS prefix `${baseURL}/socket/external`). Call `onOpen` after
 * returning (from a socket event), never synchronously inside the factory.
 */
export type TransportFactory = (
  url: string,
  handlers: TransportHandlers,
) => Transport | Promise<Transport>;
