/**
 * The server side of the load bench, in its own process so the measured server does not share an
 * event loop with the thousands of simulated clients. Started by server-load.ts with `fork`; it
 * reports its URL once listening, and its memory, CPU time and event-loop delay when asked.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from '../demo/server/app.js';
import { defineArea } from '../demo/server/config.js';
import { TEST_AGENT_PASSWORD_HASH } from '../test/server/support/test-server.js';
import { BENCH_ADMISSION } from './bench-server.js';

const agentCount = Number(process.env.BENCH_AGENTS ?? 20);
const visitors = Number(process.env.BENCH_VISITORS ?? 2000);

const server = await startServer({
  port: 0,
  dataDir: ':memory:',
  logLevel: 'warn',
  // Thousands of visitors and every agent connect from 127.0.0.1.
  admission: BENCH_ADMISSION,
  config: {
    workspace: 'demo',
    areas: [
      defineArea({ id: 1, name: 'Bench', queueCapacity: visitors + 100, idleExpirySeconds: 3600 }),
    ],
    agents: Array.from({ length: agentCount }, (_, index) => ({
      name: `Agent${index}`,
      areas: [1],
      // The bench clients sign in with TEST_AGENT_PASSWORD (bench-socket.ts).
      passwordHash: TEST_AGENT_PASSWORD_HASH,
    })),
  },
});

// Event-loop delay tells server stalls (GC, long handlers) apart from a busy machine.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

process.send?.({ type: 'listening', baseURL: server.baseURL });
process.on('message', (message: { type: string }) => {
  if (message.type === 'memory') {
    const cpu = process.cpuUsage();
    process.send?.({
      type: 'memory',
      rss: process.memoryUsage().rss,
      cpuMicros: cpu.user + cpu.system,
      loopDelayP99: loopDelay.percentile(99) / 1e6,
      loopDelayMax: loopDelay.max / 1e6,
    });
    // Each report covers the time since the previous one.
    loopDelay.reset();
  } else if (message.type === 'stop') {
    void server.close().then(() => process.exit(0));
  }
});
