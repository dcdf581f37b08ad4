/**
 * Starts the real server on a random port with an in-memory store and quiet logs, and a config
 * whose areas tests can tune. Always pair with `await server.close()`.
 */
import {
  startServer,
  type RunningServer,
  type StartServerOptions,
} from '../../../demo/server/app.js';
import { defineArea, type AreaConfig, type ServerConfig } from '../../../demo/server/config.js';

export function testConfig(areaOverrides: Partial<AreaConfig>[] = []): ServerConfig {
  const areas = [
    defineArea({ id: 1, name: 'Support', timeZone: 'Europe/Stockholm', ...areaOverrides[0] }),
    defineArea({
      id: 2,
      name: 'Sales',
      queueWithoutAgents: false,
      attachments: {
        enabled: true,
        maxBytes: 1000,
        maxImageBytes: 500,
        allowedTypes: ['image/png', 'application/pdf'],
      },
      ...areaOverrides[1],
    }),
  ];
  return {
    workspace: 'demo',
    areas,
    agents: [
      { name: 'Alice', areas: [1, 2] },
      { name: 'Bob', areas: [1] },
      { name: 'Carol', areas: [2] },
    ],
  };
}

export function startTestServer(options: StartServerOptions = {}): Promise<RunningServer> {
  return startServer({
    port: 0,
    dataDir: ':memory:',
    logLevel: 'silent',
    config: testConfig(),
    sweepIntervalMs: 100,
    ...options,
  });
}
