/**
 * What stands behind a chat in a contact center, wired onto the app in one call: the library
 * (knowledge base), its visitor search, errands left by visitors, the console's errand routes, the
 * REST API under `/v1` and the webhooks. app.ts calls `registerContactCenter` once; the parts live
 * in library/, rest/ and webhooks/.
 */
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerConfig } from '../config.js';
import type { ChatEngine } from '../engine/chat-engine.js';
import { formatClock } from '../hours.js';
import { demoLibrary, Library, type LibraryContent } from '../library/index.js';
import { registerVisitorLibraryRoutes } from '../library/library-routes.js';
import type { Logger } from '../logger.js';
import type { ChatRatings } from '../ratings/chat-ratings.js';
import { EndedChatWebhook } from '../ratings/ended-webhook.js';
import type { RateLimitOptions } from '../rate-limit.js';
import type { SessionRecord } from '../store.js';
import { Webhooks, type WebhookOptions, type WebhookSubscriber } from '../webhooks/index.js';
import { registerAgentErrandRoutes } from './agent-errand-routes.js';
import { ErrandService } from './errand-service.js';
import { registerV1Routes } from './v1-routes.js';
import { registerVisitorErrandRoutes } from './visitor-errand-routes.js';

const OPENAPI_FILE = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..'),
  'docs',
  'openapi.json',
);

/** What a server's starter may change (tests shorten limits; a deployment brings its library). */
export interface ContactCenterOptions {
  /** The knowledge base; the demo company's when left out. */
  library?: LibraryContent;
  /** Visitor library searches per address. */
  visitorSearchLimit?: RateLimitOptions;
  /** Messages left through the widget per address. */
  visitorErrandLimit?: RateLimitOptions;
  /** The console's errand requests per address and route. */
  agentErrandLimit?: RateLimitOptions;
  /** REST API requests per key (default 1000 a minute). */
  apiRateLimit?: RateLimitOptions;
  /** Queue, retry and timeout settings of webhook deliveries. */
  webhooks?: Partial<Omit<WebhookOptions, 'logger'>>;
  /** How long `chat.ended` waits for the visitor's rating (ratings/ended-webhook.ts); 0: not at all. */
  ratingWindowMs?: number;
}

export interface ContactCenterParts {
  app: FastifyInstance;
  engine: ChatEngine;
  config: ServerConfig;
  /** `/s/<workspace>`: where the visitor-facing routes go (with the chat API's CORS). */
  basePath: string;
  logger: Logger;
  now?: () => number;
  /** Folder of the database (or `':memory:'`). */
  dataDir: string;
  /** Visitors' ratings, for `chat.ended`. */
  ratings: ChatRatings;
}

export interface ContactCenter {
  library: Library;
  errands: ErrandService;
  /** `webhooks.emit(event, data)` queues an event for the config's subscribers. */
  webhooks: Webhooks;
  /** Every `/v1` route as registered (method, fastify URL), to check the OpenAPI file against. */
  apiRoutes: { method: string; url: string }[];
  close(): Promise<void>;
}

const sessionData = (session: SessionRecord) => ({
  sessionId: session.id,
  areaId: session.areaId,
  name: session.clientName,
  email: session.email,
  createdAt: new Date(session.createdAt).toISOString(),
});

/** Sends the chat's life to the webhooks: started, each visible message, ended. */
function forwardChatEvents(
  engine: ChatEngine,
  webhooks: Webhooks,
  endedWebhook: EndedChatWebhook,
): () => void {
  return engine.events.listen({
    started: (session) => webhooks.emit('chat.started', sessionData(session)),
    message: (session, message) =>
      webhooks.emit('chat.message', {
        sessionId: session.id,
        areaId: session.areaId,
        messageId: message.id,
        sender: message.sender,
        agentName: message.agentName,
        text: message.text,
        sentAt: new Date(message.sentAt).toISOString(),
        sentHuman: formatClock(
          Math.floor(message.sentAt / 1000),
          engine.area(session.areaId).timeZone,
        ),
      }),
    // Sent with the visitor's rating, once given or after the rating window.
    ended: (session, by, reason) =>
      endedWebhook.ended({ ...sessionData(session), endedBy: by, reason }),
  });
}

export async function registerContactCenter(
  parts: ContactCenterParts,
  options: ContactCenterOptions = {},
): Promise<ContactCenter> {
  const { app, engine, basePath, config } = parts;
  const now = parts.now ?? Date.now;
  const library = new Library(options.library ?? demoLibrary);
  const subscribers: WebhookSubscriber[] = (config.webhooks ?? []).map((subscriber) => ({
    url: subscriber.url,
    secret: subscriber.secret,
    ...(subscriber.events ? { events: subscriber.events } : {}),
  }));
  const webhooks = new Webhooks(subscribers, {
    logger: parts.logger.child({ part: 'webhooks' }),
    now,
    ...options.webhooks,
  });
  const endedWebhook = new EndedChatWebhook(
    parts.ratings,
    (data) => webhooks.emit('chat.ended', data),
    options.ratingWindowMs,
  );
  const stopForwarding = forwardChatEvents(engine, webhooks, endedWebhook);
  const errands = new ErrandService(engine.store, engine, webhooks, now);
  const openApi: unknown = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));

  await app.register(
    async (scoped) => {
      registerVisitorLibraryRoutes(scoped, {
        library,
        checkArea: (areaId) => void engine.area(areaId),
        rateLimit: options.visitorSearchLimit,
      });
      registerVisitorErrandRoutes(scoped, errands, { rateLimit: options.visitorErrandLimit });
      registerAgentErrandRoutes(scoped, engine, errands, options.agentErrandLimit);
    },
    { prefix: basePath },
  );
  const apiRoutes: { method: string; url: string }[] = [];
  await app.register(
    async (scoped) => {
      scoped.addHook('onRoute', (route) => {
        // fastify adds a HEAD twin to every GET; the document lists the GET.
        for (const method of [route.method].flat()) {
          if (method !== 'HEAD') apiRoutes.push({ method, url: route.url });
        }
      });
      registerV1Routes(scoped, {
        store: engine.store,
        errands,
        library,
        rateLimit: options.apiRateLimit,
        openApi,
      });
    },
    { prefix: '/v1' },
  );
  return {
    library,
    errands,
    webhooks,
    apiRoutes,
    async close() {
      stopForwarding();
      endedWebhook.close();
      webhooks.close();
    },
  };
}
