/**
 * Visitor → agent → visitor round trip on loopback: a visitor socket sends a chat message, the
 * agent's console socket answers it as soon as it arrives, and the time until the visitor has the
 * answer is one sample. One message is in flight at a time (latency, not throughput; the load
 * bench covers throughput), spread over a few visitor/agent pairs so no connection comes near the
 * server's rate limit of 20 frames/s. The server runs in its own process (server-process.ts, the
 * load bench's), as in production; both sockets are sockjs-client over WebSocket, in this process.
 *
 *   tsx bench/round-trip.ts [--messages 500]
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BenchSocket, type AgentBenchSocket, type VisitorBenchSocket } from './bench-socket.js';
import { startServerProcess, stopServerProcess } from './server-child.js';
import { printTable, type BenchModule, type BenchRow } from './bench-types.js';
import { percentile, round } from './stats.js';

export interface RoundTripOptions {
  /** Measured round trips. */
  messages: number;
  /** Round trips before measuring (connections and JIT warm up). */
  warmup: number;
  /** Visitor/agent pairs the messages rotate over. */
  pairs: number;
  /** Least time between two sends, so each connection stays well under its rate limit. */
  gapMs: number;
}

export const DEFAULT_ROUND_TRIP: RoundTripOptions = {
  messages: 500,
  warmup: 20,
  pairs: 10,
  gapMs: 10,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A visitor in a chat accepted by its own agent, whose console answers every "ping N". */
async function openPair(
  baseURL: string,
  index: number,
  onAnswer: (text: string) => void,
): Promise<{ visitor: VisitorBenchSocket; agent: AgentBenchSocket }> {
  const agent = await BenchSocket.agentSignedIn(baseURL, `Agent${index}`);
  const { visitor, sessionId } = await BenchSocket.visitorInChat(baseURL, index);
  await agent.request('accept', { sessionId }, 'ok');
  agent.onFrame = (frame) => {
    if (frame.event !== 'chat message') return;
    for (const message of frame.args[0].messages) {
      if (message.sender === 'CLIENT' && message.text.startsWith('ping ')) {
        agent.send('message', {
          sessionId,
          umid: `pong-${message.text.slice(5)}`,
          text: `pong ${message.text.slice(5)}`,
        });
      }
    }
  };
  visitor.onFrame = (frame) => {
    if (frame.event !== 'chat message') return;
    for (const message of frame.args[0].chat) {
      if (message.sender === 'AGENT') onAnswer(message.text);
    }
  };
  return { visitor, agent };
}

export async function runRoundTrip(options: RoundTripOptions): Promise<BenchRow[]> {
  const { child, baseURL } = await startServerProcess(options.pairs, options.pairs);
  const sockets: (VisitorBenchSocket | AgentBenchSocket)[] = [];
  const waiting = new Map<string, () => void>();
  const onAnswer = (text: string) => {
    waiting.get(text)?.();
    waiting.delete(text);
  };
  try {
    const visitors: VisitorBenchSocket[] = [];
    for (let index = 0; index < options.pairs; index++) {
      const { visitor, agent } = await openPair(baseURL, index, onAnswer);
      visitors.push(visitor);
      sockets.push(visitor, agent);
    }
    const samples: number[] = [];
    let lost = 0;
    const total = options.warmup + options.messages;
    for (let count = 0; count < total; count++) {
      const visitor = visitors[count % visitors.length];
      if (!visitor) break;
      const answered = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 5000);
        waiting.set(`pong ${count}`, () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      const sentAt = performance.now();
      visitor.send('chat message', {
        umid: `ping-${count}`,
        message: `ping ${count}`,
        mcount: count,
      });
      const isAnswered = await answered;
      const elapsed = performance.now() - sentAt;
      if (!isAnswered) lost++;
      else if (count >= options.warmup) samples.push(elapsed);
      await sleep(Math.max(0, options.gapMs - elapsed));
    }
    return [
      {
        name: 'visitor → agent → visitor round trip p50',
        value: round(percentile(samples, 0.5), 2),
        unit: `ms (${samples.length} messages, loopback, one in flight)`,
      },
      {
        name: 'visitor → agent → visitor round trip p99',
        value: round(percentile(samples, 0.99), 2),
        unit: 'ms',
      },
      {
        name: 'visitor → agent → visitor round trip max',
        value: round(percentile(samples, 1), 2),
        unit: `ms (${lost} unanswered within 5 s)`,
      },
    ];
  } finally {
    for (const socket of sockets) socket.close();
    await stopServerProcess(child);
  }
}

export function roundTripBench(options: Partial<RoundTripOptions> = {}): BenchModule {
  const merged = { ...DEFAULT_ROUND_TRIP, ...options };
  return {
    name: `round trip (${merged.messages} messages over ${merged.pairs} chats)`,
    run: () => runRoundTrip(merged),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const flag = process.argv.indexOf('--messages');
  const messages = flag > 0 ? Number(process.argv[flag + 1]) : undefined;
  const bench = roundTripBench(messages ? { messages } : {});
  console.log(`Running ${bench.name} …`);
  printTable([{ bench: bench.name, rows: await bench.run() }]);
}
