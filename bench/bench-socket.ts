/**
 * A bare protocol client for benches: sockjs-client (WebSocket transport) in Node, JSON frames
 * with ids, replies matched by `re`, and a hook for every other frame. Typed by the protocol's
 * maps (src/protocol/): `VisitorBenchSocket` sends visitor frames and reads visitor events,
 * `AgentBenchSocket` the agent console's.
 */
import SockJS from 'sockjs-client';
import type {
  AgentClientFrames,
  AgentServerEvents,
  ServerEnvelope,
  VisitorClientFrames,
  VisitorServerEvents,
} from '../src/protocol/index.js';
import { TEST_AGENT_PASSWORD } from '../test/server/support/test-server.js';

export type VisitorBenchSocket = BenchSocket<VisitorClientFrames, VisitorServerEvents>;
export type AgentBenchSocket = BenchSocket<AgentClientFrames, AgentServerEvents>;

export class BenchSocket<Frames extends object, Events extends object> {
  private nextId = 1;
  private readonly pending = new Map<number, (frame: ServerEnvelope<Events>) => void>();
  /** Called with every frame from the server (replies too). */
  onFrame: (frame: ServerEnvelope<Events>) => void = () => {};

  private constructor(private readonly socket: WebSocket) {
    socket.onmessage = (message: MessageEvent) => {
      const frame = JSON.parse(String(message.data)) as ServerEnvelope<Events>;
      if (frame.re !== undefined) {
        const resolve = this.pending.get(frame.re);
        this.pending.delete(frame.re);
        resolve?.(frame);
      }
      this.onFrame(frame);
    };
  }

  /** A visitor socket at `<baseURL>/socket/external`. */
  static visitor(baseURL: string): Promise<VisitorBenchSocket> {
    return BenchSocket.open(`${baseURL}/socket/external`);
  }

  /** A visitor socket with a chat started in area 1 as "Visitor <index>". */
  static async visitorInChat(
    baseURL: string,
    index: number,
  ): Promise<{ visitor: VisitorBenchSocket; sessionId: number }> {
    const visitor = await BenchSocket.visitor(baseURL);
    const registered = await visitor.request(
      'register',
      { area: 1, name: `Visitor ${index}`, email: `v${index}@example.com`, message: 'hello' },
      'register',
    );
    return { visitor, sessionId: registered.args[0].sessionId };
  }

  /** An agent console socket at `<baseURL>/socket/agent`. */
  static agent(baseURL: string): Promise<AgentBenchSocket> {
    return BenchSocket.open(`${baseURL}/socket/agent`);
  }

  /**
   * An agent console socket signed in as `name` with the password of the bench servers' agents
   * (the test suite's `TEST_AGENT_PASSWORD`, whose hash they are configured with).
   */
  static async agentSignedIn(baseURL: string, name: string): Promise<AgentBenchSocket> {
    const agent = await BenchSocket.agent(baseURL);
    await agent.request('login', { name, password: TEST_AGENT_PASSWORD }, 'login');
    return agent;
  }

  private static open<Frames extends object, Events extends object>(
    url: string,
  ): Promise<BenchSocket<Frames, Events>> {
    return new Promise((resolve, reject) => {
      const socket = new SockJS(url, undefined, {
        transports: ['websocket'],
        timeout: 15_000,
      }) as unknown as WebSocket;
      socket.onopen = () => resolve(new BenchSocket<Frames, Events>(socket));
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

  send<T extends keyof Frames & string>(type: T, data: Frames[T]): number {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ type, data, id }));
    return id;
  }

  /** Sends a frame and resolves with the server's reply, which must be `expected`; rejects otherwise. */
  async request<T extends keyof Frames & string, E extends keyof Events & string>(
    type: T,
    data: Frames[T],
    expected: E,
  ): Promise<ServerEnvelope<Events, E>> {
    const id = this.send(type, data);
    const reply = await new Promise<ServerEnvelope<Events>>((resolve) =>
      this.pending.set(id, resolve),
    );
    if (reply.event !== expected) throw new Error(`${type}: ${JSON.stringify(reply)}`);
    return reply as ServerEnvelope<Events, E>;
  }

  close(): void {
    this.socket.close();
  }
}
