/**
 * Everything a browser loads that is not the chat API: the demo company site (`/`, `/pricing.html`,
 * `/site/*`), the widget build (`/widget/*` from `dist/`), the agent console (`/agent`) and the
 * SockJS client for the socket's iframe fallback (`/vendor/sockjs.min.js`).
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../shared/chat-text.js';

export interface SiteOptions {
  /** Folder with index.html, pricing.html and site/ (default `<repo>/demo`). */
  demoDir: string;
  /** The widget build (default `<repo>/dist`). */
  widgetDir: string;
  /** The built agent console, or undefined when it was not built. */
  agentConsoleDir: string | undefined;
  /** `node_modules` folder, for the SockJS client. */
  nodeModulesDir: string;
  workspace: string;
}

/** Demo pages hold this origin; it is replaced by the one the browser actually used. */
const PLACEHOLDER_ORIGIN = 'http://127.0.0.1:8080';

function originOf(request: FastifyRequest): string {
  // `request.host` is the Host header; only allow a plain host[:port] to end up in the page.
  const host = /^[\w.-]+(:\d+)?$/.test(request.host) ? request.host : '127.0.0.1';
  return `${request.protocol}://${host}`;
}

/** One year: the longest a `max-age` is taken for. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Five minutes for everything whose name stays the same from build to build (the entries a page
 * names, source maps, types): a new release reaches visitors soon, and the ETag keeps revalidation
 * cheap. Chunks carry a content hash in their name, so a changed chunk is a new address.
 */
const SHORT = 'public, max-age=300';

export function widgetCaching(path: string): string {
  return /[\\/]chunks[\\/][^\\/]+-[\w-]{8}\.js(\.br|\.gz)?$/.test(path) ? IMMUTABLE : SHORT;
}

export async function registerSiteRoutes(
  app: FastifyInstance,
  options: SiteOptions,
): Promise<void> {
  const sendPage =
    (file: string) => async (request: FastifyRequest, reply: import('fastify').FastifyReply) => {
      const path = join(options.demoDir, file);
      if (!existsSync(path)) return reply.code(404).type('text/plain').send('Not found');
      const html = readFileSync(path, 'utf8').replaceAll(PLACEHOLDER_ORIGIN, originOf(request));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    };
  app.get('/', sendPage('index.html'));
  app.get('/index.html', sendPage('index.html'));
  app.get('/pricing.html', sendPage('pricing.html'));
  // Browsers ask for it on every page; answering "no icon" keeps consoles and logs quiet.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());

  const siteAssets = join(options.demoDir, 'site');
  if (existsSync(siteAssets)) {
    await app.register(fastifyStatic, { root: siteAssets, prefix: '/site/', decorateReply: false });
  }
  await app.register(fastifyStatic, {
    root: options.widgetDir,
    prefix: '/widget/',
    decorateReply: false,
    // As a CDN would: the build writes `.br` and `.gz` beside each script (scripts/build.mjs),
    // sent to browsers that accept them (with `Vary: Accept-Encoding`).
    preCompressed: true,
    cacheControl: false,
    setHeaders: (response, path) => {
      response.header('cache-control', widgetCaching(path));
      // The module entry and its chunks load in CORS mode, and the classic loader imports them,
      // so a page on another origin needs both headers to run the widget from here.
      response.header('access-control-allow-origin', '*');
      response.header('cross-origin-resource-policy', 'cross-origin');
    },
  });

  const sockjsClient = join(options.nodeModulesDir, 'sockjs-client', 'dist', 'sockjs.min.js');
  app.get('/vendor/sockjs.min.js', async (_request, reply) =>
    reply.type('application/javascript').send(readFileSync(sockjsClient)),
  );

  const agentDir = options.agentConsoleDir;
  if (agentDir && existsSync(join(agentDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: agentDir, prefix: '/agent/', decorateReply: false });
    app.get('/agent', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(readFileSync(join(agentDir, 'index.html'))),
    );
  } else {
    app.get('/agent', async (_request, reply) =>
      reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><title>Agent console not built</title><p>The agent console of workspace ${escapeHtml(
            options.workspace,
          )} is not built. Run <code>npm start</code>, which builds it.</p>`,
        ),
    );
  }
}
