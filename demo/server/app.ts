/**
 * `startServer()`: the reference chat server in one call, for `npm start`, tests, benchmarks and
 * the end-to-end suite. It wires the store, the chat core, both SockJS sockets, the HTTP routes,
 * the demo site and any plugins (the robot API) onto one fastify app.
 */
import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors';
import fastifyMultipart from '@fastify/multipart';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyReply,
  type FastifyInstance,
} from 'fastify';
import { mkdirSync } from 'node:fs';
import type { Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LevelWithSilent, DestinationStream } from 'pino';
import { DEFAULT_ADMISSION, type AdmissionLimits } from './admission.js';
import { AgentSignIn } from './agent-auth/agent-sign-in.js';
import { SignInTokens } from './agent-auth/sign-in-tokens.js';
import { ChatEngine } from './engine/chat-engine.js';
import type { ServerConfig } from './config.js';
import { demoConfig } from './demo-config.js';
import { lockDataDir } from './data-dir-lock.js';
import { ChatError, errorBody } from './errors.js';
import { registerChatRoutes } from './http-routes.js';
import { registerHttpRateLimit } from './http-rate-limit.js';
import { ChatRatings } from './ratings/chat-ratings.js';
import { registerRatingRoutes } from './ratings/rating-routes.js';
import { createLogger, scrubUrl, type Logger } from './logger.js';
import { KeyedLimit } from './keyed-limit.js';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.js';
import type { ServerPlugin } from './robot-hook.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerSiteRoutes } from './site-routes.js';
import { openStore, type ChatStore } from './store.js';
import { RobotService } from './robot/robot-service.js';
import { createAgentSocket } from './sockets/agent-socket.js';
import { MAX_FRAME_BYTES } from './sockets/frames.js';
import { guardSocket, ownOrigins } from './sockets/socket-guard.js';
import { createVisitorSocket } from './sockets/visitor-socket.js';
import {
  registerContactCenter,
  type ContactCenter,
  type ContactCenterOptions,
} from './rest/contact-center.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where chat.sqlite lives when `dataDir` is not given. */
export const DEFAULT_DATA_DIR = join(REPO_ROOT, '.data');

export interface StartServerOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Folder for the SQLite file (default `<repo>/.data`), or `':memory:'`. */
  dataDir?: string;
  config?: ServerConfig;
  /** Default `info`; tests use `silent`. */
  logLevel?: LevelWithSilent;
  /** Where log lines go (default stdout). */
  logStream?: DestinationStream;
  /** Extensions such as the robot API; registered before listening. */
  plugins?: ServerPlugin[];
  /** Frames per connection (default 20/s, bursts of 60). */
  rateLimit?: RateLimitOptions;
  /** Limits per address (admission.ts); fields left out keep their defaults. */
  admission?: Partial<AdmissionLimits>;
  /**
   * Origins (besides the server's own and `publicURL`'s) whose pages may open the agent socket,
   * e.g. a console served from another host.
   */
  agentOrigins?: string[];
  /** How often idle chats are expired (default 5000 ms). */
  sweepIntervalMs?: number;
  /** Clock in unix ms, for tests of opening hours. */
  now?: () => number;
  /** Built agent console (default `<repo>/.data/agent-build` when it exists). */
  agentConsoleDir?: string;
  /** Widget build served at /widget/ (default `<repo>/dist`). */
  widgetDir?: string;
  /** Public origin for links in messages, when the server sits behind a proxy. */
  publicURL?: string;
  /** Library, errands, REST API and webhooks (rest/contact-center.ts); defaults for the demo. */
  contactCenter?: ContactCenterOptions;
}

export interface RunningServer {
  /** `http://host:port/` */
  url: string;
  /** `http://host:port/s/<workspace>`, what the widget's `base-url` takes. */
  baseURL: string;
  /** The agent console page. */
  agentURL: string;
  port: number;
  app: FastifyInstance;
  engine: ChatEngine;
  /** Visitors' ratings of ended chats (the `chat.ended` webhook reads them). */
  ratings: ChatRatings;
  store: ChatStore;
  logger: Logger;
  /** The library, errands, REST API keys and webhooks. */
  contactCenter: ContactCenter;
  close(): Promise<void>;
}

/** Answers preflights even without `Origin` (as before), so plain tools can probe the API too. */
const CHAT_API_CORS: FastifyCorsOptions = {
  origin: '*',
  methods: ['GET', 'POST', 'OPTIONS'],
  allowedHeaders: ['content-type', 'authorization'],
  maxAge: 600,
  strictPreflight: false,
};

/** The largest attachment any area allows: the multipart plugin's hard cap. */
function largestAttachment(config: ServerConfig): number {
  return Math.max(...config.areas.map((area) => area.attachments.maxBytes), 1);
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config = options.config ?? demoConfig;
  const logger = createLogger({ level: options.logLevel ?? 'info', stream: options.logStream });
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  if (dataDir !== ':memory:') mkdirSync(dataDir, { recursive: true });
  const unlockDataDir = lockDataDir(dataDir);
  let store: ChatStore;
  try {
    store = openStore(dataDir);
  } catch (error) {
    unlockDataDir();
    throw error;
  }
  const admission = { ...DEFAULT_ADMISSION, ...options.admission };
  const engine = new ChatEngine({
    config,
    store,
    logger,
    now: options.now,
    sweepIntervalMs: options.sweepIntervalMs,
  });
  const basePath = `/s/${config.workspace}`;
  const ratings = new ChatRatings(engine, logger, options.now);

  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Requests are logged by the hook below, with secrets scrubbed from the URL.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // Errors fastify raises before routing (a URL that is not valid percent-encoding, a bad
    // content type) get the same error body as everything else.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply).code(400).send(errorBody('bad_request', error.message));
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    // API calls at info; page and asset loads at debug, so `npm start`'s console stays readable.
    const level =
      reply.statusCode >= 500 ? 'error' : request.url.startsWith(`${basePath}/`) ? 'info' : 'debug';
    logger[level](
      {
        method: request.method,
        url: scrubUrl(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  // The widget runs on customers' pages: the chat API (everything under /s/<workspace>/) must
  // answer any origin. No cookies are involved (the session secret travels in the request), so a
  // wildcard is safe. The demo site, widget files and console are same-origin and get no headers.
  await app.register(fastifyCors, {
    delegator: (request, callback) =>
      callback(null, request.url.startsWith(`${basePath}/`) ? CHAT_API_CORS : { origin: false }),
  });

  // Before any route: the limits are per route (`config.rateLimit`), hooked in as routes are added.
  await registerHttpRateLimit(app, options.now);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ChatError) {
      // A refused request's connection closes, so the rest of its body is not read and discarded.
      if (error.status === 429) void reply.header('connection', 'close');
      return reply.code(error.status).send(errorBody(error.code, error.message));
    }
    if (error.validation) {
      return reply.code(400).send(errorBody('bad_request', `Invalid request: ${error.message}`));
    }
    switch (error.code) {
      case 'FST_REQ_FILE_TOO_LARGE':
        return reply.code(413).send(errorBody('too_large', 'The file is too large.'));
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return reply
          .code(415)
          .send(errorBody('bad_request', 'Expected a multipart/form-data body.'));
      case 'FST_FILES_LIMIT':
      case 'FST_PARTS_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return reply.code(400).send(errorBody('bad_request', 'Too many parts in the upload.'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send(errorBody('too_large', 'The request body is too large.'));
    }
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500
        ? error.statusCode
        : 500;
    if (status === 500) logger.error({ err: error, url: scrubUrl(request.url) }, 'request failed');
    return reply
      .code(status)
      .send(
        errorBody(
          status === 500 ? 'server_error' : 'bad_request',
          status === 500 ? 'Server error.' : error.message,
        ),
      );
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send(errorBody('not_found', 'Nothing here.')),
  );

  await registerSecurityHeaders(app, {
    basePath,
    agentConsoleDir: options.agentConsoleDir ?? join(REPO_ROOT, '.data', 'agent-build'),
  });

  await app.register(fastifyMultipart, {
    limits: {
      fileSize: largestAttachment(config),
      files: 1,
      fields: 10,
      fieldSize: 4096,
      parts: 12,
    },
  });
  await app.register(
    async (scoped) => {
      registerChatRoutes(scoped, engine, admission);
      registerRatingRoutes(scoped, ratings, admission.ratings);
    },
    { prefix: basePath },
  );
  await registerSiteRoutes(app, {
    demoDir: join(REPO_ROOT, 'demo'),
    widgetDir: options.widgetDir ?? join(REPO_ROOT, 'dist'),
    agentConsoleDir: options.agentConsoleDir ?? join(REPO_ROOT, '.data', 'agent-build'),
    nodeModulesDir: join(REPO_ROOT, 'node_modules'),
    workspace: config.workspace,
  });

  const contactCenter = await registerContactCenter(
    { app, engine, config, basePath, logger, now: options.now, dataDir, ratings },
    options.contactCenter,
  );

  for (const plugin of options.plugins ?? []) {
    await plugin.register({
      app,
      basePath,
      config,
      store,
      chat: new RobotService(engine),
      logger: logger.child({ plugin: plugin.name }),
      admission,
      registerRobot: (name, hook) => engine.registerRobot(name, hook),
    });
  }

  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const socketOptions = {
    logger,
    rateLimit,
    sockjsURL: '/vendor/sockjs.min.js',
    connectionsPerAddress: admission.connectionsPerAddress,
    refusedFrames: admission.refusedFrames,
  };
  const newChats = new KeyedLimit(admission.newChatsPerAddress, options.now);
  createVisitorSocket(engine, newChats, socketOptions).installHandlers(app.server, {
    prefix: `${basePath}/socket/external`,
  });
  const signIn = new AgentSignIn(
    engine.directory,
    new SignInTokens(dataDir, options.now),
    admission.failedSignIns,
  );
  createAgentSocket(engine, signIn, socketOptions).installHandlers(app.server, {
    prefix: `${basePath}/socket/agent`,
  });
  // A polling transport's send body holds one frame (sockjs may batch a few): cap it near that.
  const maxSendBytes = 4 * MAX_FRAME_BYTES;
  guardSocket(app.server, { prefix: `${basePath}/socket/external`, maxSendBytes });
  const publicOrigin = options.publicURL ? new URL(options.publicURL).origin : undefined;
  guardSocket(app.server, {
    prefix: `${basePath}/socket/agent`,
    maxSendBytes,
    allowedOrigins: (request) => [
      ...ownOrigins(request),
      ...(publicOrigin ? [publicOrigin] : []),
      ...(options.agentOrigins ?? []),
    ],
  });

  // Upgraded WebSockets are not closed by server.close(); track sockets to end them on close().
  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  try {
    await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    // A taken port must not leave a half-started server (open database, timers) behind.
    engine.stop();
    await contactCenter.close();
    await app.close();
    store.close();
    unlockDataDir();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
  const host =
    options.host && options.host !== '0.0.0.0' && options.host !== '::'
      ? options.host
      : '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  const baseURL = `${url.slice(0, -1)}${basePath}`;
  engine.publicBaseURL = options.publicURL
    ? `${options.publicURL.replace(/\/$/, '')}${basePath}`
    : baseURL;
  logger.info({ url, baseURL }, 'chat server listening');

  let closed = false;
  return {
    url,
    baseURL,
    agentURL: `${url}agent`,
    port,
    app,
    engine,
    ratings,
    store,
    logger,
    contactCenter,
    async close() {
      if (closed) return;
      closed = true;
      engine.stop();
      await contactCenter.close();
      for (const plugin of options.plugins ?? []) await plugin.close?.();
      for (const socket of sockets) socket.destroy();
      await app.close();
      store.close();
      unlockDataDir();
    },
  };
}
