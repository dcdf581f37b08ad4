/**
 * The chat-robot API as a server plugin: `startServer({plugins: [robotApiPlugin()]})`.
 *
 * It adds the `/api/bot/*` routes, the token/binding tables, and one robot hook that talks to
 * webhooks. An area "has a robot" while the robot bound to it (by a token from
 * `npm run robot-token`) is registered; then new chats of that area go to the robot first.
 */
import type { AreaConfig } from '../config.js';
import type { ServerPlugin } from '../robot-hook.js';
import { registerRobotRoutes } from './api-routes.js';
import { RobotStore } from './robot-store.js';
import { RobotTokens, type TokenRequest } from './token-service.js';
import { WebhookRobot } from './webhook-robot.js';

/** The name the plugin's hook is registered under (`area.robot`, `sessions.robot`). */
export const ROBOT_API_NAME = 'robot-api';

export interface RobotApiOptions {
  /** Per webhook attempt (default 4000 ms). */
  webhookTimeoutMs?: number;
  /** Extra attempts after a failed one (default 1). */
  webhookRetries?: number;
  /** Pause before retry n: n × this (default 250 ms). */
  retryDelayMs?: number;
  /**
   * One webhook exchange, every attempt and a body still arriving included (default: the attempts'
   * timeouts and pauses plus 500 ms); past it the chat goes to the human queue.
   */
  webhookDeadlineMs?: number;
  /** Longest robot `content`, announced to webhooks as `maxLength` (default 10,000). */
  maxContentLength?: number;
}

export interface RobotApiPlugin extends ServerPlugin {
  /** Issues a token on the running server's store (what the CLI does on the data file). */
  issueToken(request: TokenRequest): Promise<string>;
}

export function robotApiPlugin(options: RobotApiOptions = {}): RobotApiPlugin {
  let tokens: RobotTokens | undefined;
  let robot: WebhookRobot | undefined;
  const restoreAreas: (() => void)[] = [];

  return {
    name: 'robot-api',

    async register(context) {
      const { app, basePath, config, store, chat, logger, admission } = context;
      const maxContentLength = options.maxContentLength ?? 10_000;
      const robotStore = new RobotStore(store);
      tokens = new RobotTokens(robotStore, config.workspace);
      robot = new WebhookRobot({
        chat,
        config,
        robotStore,
        logger,
        maxContentLength,
        timeoutMs: options.webhookTimeoutMs ?? 4000,
        retries: options.webhookRetries ?? 1,
        retryDelayMs: options.retryDelayMs ?? 250,
        deadlineMs: options.webhookDeadlineMs,
      });
      context.registerRobot(ROBOT_API_NAME, robot);
      for (const area of config.areas) {
        if (area.robot !== undefined && area.robot !== ROBOT_API_NAME) {
          logger.info({ areaId: area.id, robot: area.robot }, 'area keeps its configured robot');
          continue;
        }
        restoreAreas.push(
          routeToRegisteredRobot(area, (areaId) => robotStore.isRegistered(areaId)),
        );
      }
      const deps = {
        chat,
        config,
        robotStore,
        tokens,
        logger,
        maxContentLength,
        rateLimit: admission.robotApi,
      };
      await app.register(async (scope) => registerRobotRoutes(scope, deps), {
        prefix: `${basePath}/api/bot`,
      });
    },

    async close() {
      await robot?.close();
      for (const restore of restoreAreas.splice(0)) restore();
    },

    async issueToken(request) {
      if (!tokens) throw new Error('robotApiPlugin: the server has not started yet');
      return tokens.issue(request);
    },
  };
}

/**
 * Makes `area.robot` follow the store: the chat core reads it for every new chat, and reading the
 * binding table then means a token issued or a robot (de)registered by another process (the CLI)
 * counts at once, with no cache to go stale. Returns how to undo it (server close).
 */
function routeToRegisteredRobot(area: AreaConfig, isRegistered: (areaId: number) => boolean) {
  const original = Object.getOwnPropertyDescriptor(area, 'robot');
  Object.defineProperty(area, 'robot', {
    configurable: true,
    enumerable: true,
    get: () => (isRegistered(area.id) ? ROBOT_API_NAME : undefined),
  });
  return () => {
    delete area.robot;
    if (original) Object.defineProperty(area, 'robot', original);
  };
}
