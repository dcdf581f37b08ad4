/**
 * A WebSocket-shaped stand-in for the console's SockJS socket: the test opens it, plays the
 * server's frames into it, reads what the console sent, and drops it like a dying server would.
 */
import type { WebSocketLike } from '../../src/client/transport/socket-adapter.js';
import type { AgentChatMessage, AgentChatSnapshot, LoginResult } from '../../src/protocol/index.js';
import type { AgentServerEnvelope } from '../../demo/agent/agent-types.js';

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 3;

/** A frame the console sent, parsed. */
export interface SentFrame {
  type: string;
  data: Record<string, unknown>;
  id: number;
}

export class FakeAgentSocket implements WebSocketLike {
  readyState = CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  readonly sent: SentFrame[] = [];
  isClosedByClient = false;

  constructor(readonly url: string) {}

  send(text: string): void {
    // Like SockJS: sending before the socket is open is an error.
    if (this.readyState !== OPEN) throw new Error('InvalidStateError: the socket is not open');
    this.sent.push(JSON.parse(text) as SentFrame);
  }

  close(): void {
    this.isClosedByClient = true;
    this.readyState = CLOSED;
    queueMicrotask(() => this.onclose?.(new CloseEvent('close', { code: 1000 })));
  }

  open(): void {
    this.readyState = OPEN;
    this.onopen?.(new Event('open'));
  }

  /** One frame from the server, as text (so a test can send broken ones too). */
  receiveText(text: string): void {
    this.onmessage?.(new MessageEvent('message', { data: text }));
  }

  receive(frame: AgentServerEnvelope): void {
    this.receiveText(JSON.stringify(frame));
  }

  /** The server went away: the socket closes without the client asking. */
  drop(): void {
    this.readyState = CLOSED;
    this.onclose?.(new CloseEvent('close', { code: 1006 }));
  }

  /** The last frame of `type` the console sent. */
  lastSent(type: string): SentFrame {
    const frame = this.sent.filter((sent) => sent.type === type).at(-1);
    if (!frame) throw new Error(`the console sent no "${type}" frame`);
    return frame;
  }
}

/** Records every socket the code under test opens. */
export function socketRecorder(): {
  sockets: FakeAgentSocket[];
  create(url: string): FakeAgentSocket;
} {
  const sockets: FakeAgentSocket[] = [];
  return {
    sockets,
    create(url: string) {
      const socket = new FakeAgentSocket(url);
      sockets.push(socket);
      return socket;
    },
  };
}

export function loginResult(name = 'Alice'): LoginResult {
  return {
    name,
    token: `token-of-${name}`,
    areas: [{ id: 1, name: 'Sales', open: true }],
    agents: [{ name, online: true }],
  };
}

/** A chat of area 1 with a visitor "Vera", worked by `agents`. */
export function chatSnapshot(
  sessionId: number,
  overrides: Partial<AgentChatSnapshot> = {},
): AgentChatSnapshot {
  return {
    sessionId,
    areaId: 1,
    areaName: 'Sales',
    status: 'open',
    client: {
      name: 'Vera',
      email: 'vera@example.com',
      phone: '',
      href: '',
      externalData: '',
      deviceInfo: '',
    },
    agents: ['Alice'],
    messages: [],
    postbacks: [],
    createdAt: 0,
    ...overrides,
  };
}

/** A message of a chat; the visitor's by default. */
export function chatMessage(
  id: number,
  overrides: Partial<AgentChatMessage> = {},
): AgentChatMessage {
  return {
    id,
    umid: `u-${id}`,
    sender: 'CLIENT',
    text: `message ${id}`,
    sent: 0,
    sentHuman: '10:00',
    internal: false,
    acked: false,
    delivered: false,
    seen: false,
    ...overrides,
  };
}
