/**
 * A bare protocol client for benches: sockjs-client (WebSocket transport) in Node, JSON frames
 * with ids, replies matched by `re`, and a hook for every other frame.
 */
import SockJS from 'sockjs-client';

export interface Frame {
  event: string;
  args: unknown[];
  re?: number;
}

export class BenchSocket {
  private nextId = 1;
  private readonly pending = new Map<number, (frame: Frame) => void>();
  /** Called with every frame from the server (replies too). */
  onFrame: (frame: Frame) => void = () => {};

  private constructor(private readonly socket: WebSocket) {
    socket.onmessage = (message: MessageEvent) => {
      const frame = JSON.parse(String(message.data)) as Frame;
      if (frame.re !== undefined) {
        const resolve = this.pending.get(frame.re);
        this.pending.delete(frame.re);
        resolve?.(frame);
      }
      this.onFrame(frame);
    };
  }

  static open(url: string): Promise<BenchSocket> {
    return new Promise((resolve, reject) => {
      const socket = new SockJS(url, undefined, {
        transports: ['websocket'],
        timeout: 15_000,
      }) as unknown as WebSocket;
      socket.onopen = () => resolve(new BenchSocket(socket));
      socket.onclose = (event: CloseEvent) =>
        reject(new Error(`closed while connecting: ${event.code}`));
    });
  }

  /** Stops handling incoming frames (load benches that only send spare the CPU of parsing). */
  ignoreIncoming(): void {
    this.socket.onmessage = null;
  }

  get isOpen(): boolean {
    return this.socket.readyState === 1;
  }

  send(type: string, data: Record<string, unknown>): number {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ type, data, id }));
    return id;
  }

  /** Sends a frame and resolves with the server's reply to it; rejects on an `error` reply. */
  async request(type: string, data: Record<string, unknown>): Promise<Frame> {
    const id = this.send(type, data);
    const reply = await new Promise<Frame>((resolve) => this.pending.set(id, resolve));
    if (reply.event === 'error') throw new Error(`${type}: ${JSON.stringify(reply.args[0])}`);
    return reply;
  }

  close(): void {
    this.socket.close();
  }
}
