/**
 * A reference server with the demo FAQ robot registered through the robot API (its own HTTP
 * server on loopback), for specs where the robot answers the visitor.
 */
import { startDemoRobot } from '../../../demo/robot/robot-server.js';
import { startServer, type RunningServer } from '../../../demo/server/app.js';
import { robotApiPlugin } from '../../../demo/server/robot/robot-api-plugin.js';
import { e2eServerOptions } from './fixtures.js';

export interface ServerWithRobot {
  server: RunningServer;
  close(): Promise<void>;
}

export async function startServerWithRobot(agentConsoleDir: string): Promise<ServerWithRobot> {
  const plugin = robotApiPlugin({ webhookTimeoutMs: 4000 });
  const server = await startServer({ ...e2eServerOptions(agentConsoleDir), plugins: [plugin] });
  const robot = await startDemoRobot({
    serverBaseURL: server.baseURL,
    port: 0,
    issueToken: (request) => plugin.issueToken(request),
  });
  return {
    server,
    async close() {
      await robot.close();
      await server.close();
    },
  };
}
