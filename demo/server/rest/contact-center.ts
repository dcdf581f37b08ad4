/**
 * What stands behind a chat in a contact center, wired onto the app in one call: the library
 * (knowledge base), its visitor search, errands left by visitors, the REST API under `/v1` and the
 * webhooks. app.ts calls `registerContactCenter` once; the parts live in library/, rest/, webhooks/.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.js';
import type { ChatEngine } from '../engine/chat-engine.js';
import { demoLibrary, Library, type LibraryContent } from '../library/index.js';
import { registerVisitorLibraryRoutes } from '../library/library-routes.js';
import type { Logger } from '../logger.js';
import type { RateLimitOptions } from '../rate-limit.js';

/** What a server's starter may change (tests shorten limits; a deployment brings its library). */
export interface ContactCenterOptions {
  /** The knowledge base; the demo company's when left out. */
  library?: LibraryContent;
  /** Visitor library searches per address. */
  visitorSearchLimit?: RateLimitOptions;
}

export interface ContactCenterParts {
  app: FastifyInstance;
  engine: ChatEngine;
  config: ServerConfig;
  /** `/s/<workspace>`: where the visitor-facing routes go (with the chat API's CORS). */
  basePath: string;
  logger: Logger;
  now?: () => number;
  /** Folder of the database (or `':memory:'`), where the API keys file lives beside it. */
  dataDir: string;
}

export interface ContactCenter {
  library: Library;
  close(): Promise<void>;
}

export async function registerContactCenter(
  parts: ContactCenterParts,
  options: ContactCenterOptions = {},
): Promise<ContactCenter> {
  const { app, engine, basePath } = parts;
  const library = new Library(options.library ?? demoLibrary);
  await app.register(
    async (scoped) => {
      registerVisitorLibraryRoutes(scoped, {
        library,
        checkArea: (areaId) => void engine.area(areaId),
        rateLimit: options.visitorSearchLimit,
        now: parts.now,
      });
    },
    { prefix: basePath },
  );
  return {
    library,
    async close() {},
  };
}
