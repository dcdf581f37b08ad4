/**
 * Load bench of the reference server: N visitor connections on loopback (real sockjs-client over
 * WebSocket), each chat accepted by one of A agent consoles, then visitor messages at a fixed total
 * rate for S seconds. Delivery latency is visitor send → agent console receive, measured with one
 * clock (both ends live in this process; the server runs in a child process).
 *
 *   tsx bench/server-load.ts [--visitors 500] [--rate 500] [--seconds 10] [--agents 20]
 *
 * Target on the 2-core reference machine: 2,000 visitors, p99 < 50 ms at 1,000 messages/s.
 */
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BenchSocket, type AgentBenchSocket, type VisitorBenchSocket } from './bench-socket.js';
import { printTable, type BenchModule, type BenchRow } from './bench-types.js';
import { startServerProcess, stopServerProcess } from './server-child.js';

export interface ServerLoadOptions {
  visitors: number;
  /** Visitor messages per second, all visitors together. */
  rate: number;
  seconds: number;
  agents: number;
}

export const DEFAULT_LOAD: ServerLoadOptions = {
  visitors: 500,
  rate: 500,
  seconds: 10,
  agents: 20,
};

/** The server process's RSS and CPU time so far, and its event-loop delay since the last ask. */
interface ServerUsage {
  rss: number;
  cpuMicros: number;
  loopDelayP99: number;
  loopDelayMax: number;
}

function serverUsage(child: ChildProcess): Promise<ServerUsage> {
  return new Promise((resolve) => {
    const listener = (message: { type: string } & Partial<ServerUsage>) => {
      if (message.type === 'memory') {
        child.off('message', listener);
        resolve({
          rss: message.rss ?? 0,
          cpuMicros: message.cpuMicros ?? 0,
          loopDelayP99: message.loopDelayP99 ?? NaN,
          loopDelayMax: message.loopDelayMax ?? NaN,
        });
      }
    };
    child.on('message', listener);
    child.send({ type: 'memory' });
  });
}

const percentile = (sorted: number[], fraction: number): number =>
  sorted.length === 0
    ? NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runServerLoad(options: ServerLoadOptions): Promise<BenchRow[]> {
  const { child, baseURL } = await startServerProcess(options.visitors, options.agents);
  const visitors: VisitorBenchSocket[] = [];
  const agents: AgentBenchSocket[] = [];
  const latencies: number[] = [];
  let measuring = false;
  try {
    for (let index = 0; index < options.agents; index++) {
      const agent = await BenchSocket.agentSignedIn(baseURL, `Agent${index}`);
      agent.onFrame = (frame) => {
        if (!measuring || frame.event !== 'chat message') return;
        for (const message of frame.args[0].messages) {
          if (message.sender === 'CLIENT' && message.text.startsWith('bench:')) {
            latencies.push(performance.now() - Number(message.text.slice(6)));
          }
        }
      };
      agents.push(agent);
    }

    const setupStarted = performance.now();
    const BATCH = 50;
    for (let start = 0; start < options.visitors; start += BATCH) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(BATCH, options.visitors - start) }, async (_, offset) => {
          const index = start + offset;
          const { visitor, sessionId } = await BenchSocket.visitorInChat(baseURL, index);
          const agent = agents[index % agents.length];
          if (!agent) throw new Error('no agent to accept the chat');
          await agent.request('accept', { sessionId }, 'ok');
          return visitor;
        }),
      );
      visitors.push(...batch);
    }
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    // From here on visitors only send: skip parsing what they receive, to spare the bench's CPU.
    for (const visitor of visitors) visitor.ignoreIncoming();
    const before = await serverUsage(child);
    // Send at a fixed total rate, round-robin over the visitors, checking every 5 ms.
    measuring = true;
    let sent = 0;
    const started = performance.now();
    const durationMs = options.seconds * 1000;
    while (performance.now() - started < durationMs) {
      const due = Math.floor(((performance.now() - started) / 1000) * options.rate);
      while (sent < due) {
        const visitor = visitors[sent % visitors.length];
        visitor?.send('chat message', {
          umid: `b-${sent}`,
          message: `bench:${performance.now()}`,
          mcount: sent,
        });
        sent++;
      }
      await sleep(5);
    }
    const sendSeconds = (performance.now() - started) / 1000;
    // Give the last messages time to arrive; anything later counts as lost.
    for (let waited = 0; latencies.length < sent && waited < 3000; waited += 50) await sleep(50);
    measuring = false;

    const held = visitors.filter((visitor) => visitor.isOpen).length;
    const usage = await serverUsage(child);
    const serverCpuSeconds = (usage.cpuMicros - before.cpuMicros) / 1e6;
    const rss = usage.rss;
    const sorted = [...latencies].sort((a, b) => a - b);
    const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
    return [
      { name: 'visitor connections held', value: held, unit: `of ${options.visitors}` },
      { name: 'agent connections', value: agents.length, unit: 'sockets' },
      {
        name: 'setup (connect + register + accept)',
        value: Math.round(setupSeconds * 10) / 10,
        unit: 's',
      },
      { name: 'messages sent', value: sent, unit: 'msgs' },
      { name: 'messages delivered to agents', value: latencies.length, unit: 'msgs' },
      {
        name: 'throughput (delivered)',
        value: Math.round(latencies.length / sendSeconds),
        unit: 'msgs/s',
      },
      {
        name: 'delivery latency p50',
        value: Math.round(percentile(sorted, 0.5) * 10) / 10,
        unit: 'ms',
      },
      {
        name: 'delivery latency p99',
        value: Math.round(percentile(sorted, 0.99) * 10) / 10,
        unit: 'ms',
      },
      {
        name: 'delivery latency max',
        value: Math.round((sorted.at(-1) ?? NaN) * 10) / 10,
        unit: 'ms',
      },
      { name: 'server RSS', value: mb(rss), unit: 'MB' },
      {
        name: 'server CPU while sending',
        value: Math.round((serverCpuSeconds / sendSeconds) * 100),
        unit: '% of one core',
      },
      {
        name: 'server event-loop delay p99 (max)',
        value: Math.round(usage.loopDelayP99 * 10) / 10,
        unit: `ms (max ${Math.round(usage.loopDelayMax)} ms)`,
      },
      {
        name: 'server CPU per message',
        value: Math.round((serverCpuSeconds * 1e6) / Math.max(1, sent)),
        unit: 'µs',
      },
      { name: 'bench client RSS', value: mb(process.memoryUsage().rss), unit: 'MB' },
    ];
  } finally {
    for (const socket of [...visitors, ...agents]) socket.close();
    await stopServerProcess(child);
  }
}

export function serverLoadBench(options: Partial<ServerLoadOptions> = {}): BenchModule {
  const merged = { ...DEFAULT_LOAD, ...options };
  return {
    name: `server load (${merged.visitors} visitors, ${merged.rate} msgs/s, ${merged.seconds} s)`,
    run: () => runServerLoad(merged),
  };
}

function parseArgs(argv: string[]): ServerLoadOptions {
  const options = { ...DEFAULT_LOAD };
  for (let index = 0; index < argv.length; index += 2) {
    const key = argv[index]?.replace(/^--/, '');
    const value = Number(argv[index + 1]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`bad value for ${argv[index]}`);
    if (key === 'visitors' || key === 'rate' || key === 'seconds' || key === 'agents')
      options[key] = value;
    else throw new Error(`unknown option ${argv[index]}; use --visitors --rate --seconds --agents`);
  }
  return options;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const options = parseArgs(process.argv.slice(2));
  const bench = serverLoadBench(options);
  console.log(`Running ${bench.name} …`);
  printTable([{ bench: bench.name, rows: await bench.run() }]);
}
