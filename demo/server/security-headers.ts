/**
 * Response headers by kind of address, through `@fastify/helmet` (registered with `global: false`
 * and applied per request, keyed on the URL, so the files that serve pages need not know):
 *
 * - the agent console (`/agent…`) and the transcript pages (`printhistory`, `savehistory`): a strict
 *   Content-Security-Policy without 'unsafe-inline' (inline styles and scripts allowed by hash),
 *   `frame-ancestors 'none'`, and helmet's other defaults;
 * - the demo site (`/`, `/pricing.html`): no framing by other sites, `nosniff`, no Referer — but no
 *   script policy, since it hosts the widget like a customer's page would;
 * - the widget (`/widget/*`) and the visitor API and socket (`/s/<workspace>/socket/external…`):
 *   untouched. They are loaded and called from other origins, which helmet's Cross-Origin-*
 *   policies would break;
 * - everything else (the agent socket's HTTP transports, the robot API): `nosniff`, no Referer.
 */
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { TRANSCRIPT_CSP } from './transcript.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Hashes of the inline `<style>` blocks of the built console page (Vite keeps `body{margin:0}`). */
function inlineStyleHashes(agentConsoleDir: string | undefined): string[] {
  if (!agentConsoleDir) return [];
  try {
    const page = readFileSync(join(agentConsoleDir, 'index.html'), 'utf8');
    return [...page.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) =>
      sha256(match[1] ?? ''),
    );
  } catch {
    return [];
  }
}

const strictOptions = (csp: Record<string, string[]>): FastifyHelmetOptions => ({
  contentSecurityPolicy: { useDefaults: false, directives: csp },
  referrerPolicy: { policy: 'no-referrer' },
  // The console opens chat files in a new tab; nothing else of helmet's defaults gets in its way.
  crossOriginEmbedderPolicy: false,
});

export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { basePath: string; agentConsoleDir: string | undefined },
): Promise<void> {
  await app.register(fastifyHelmet, { global: false });
  const consolePolicy = strictOptions({
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", ...inlineStyleHashes(options.agentConsoleDir)],
    // The SockJS socket (same origin; 'self' covers ws: and wss: of it) and file downloads.
    connectSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  });
  const transcriptPolicy: FastifyHelmetOptions = {
    contentSecurityPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  };
  const sitePolicy: FastifyHelmetOptions = {
    contentSecurityPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
  };
  /** Helmet insists on a default-src; the demo site wants only these (it hosts the widget). */
  const SITE_CSP = "frame-ancestors 'self'; base-uri 'self'; object-src 'none'";
  const plainPolicy: FastifyHelmetOptions = {
    contentSecurityPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    // Framing and HSTS are for pages; these are API answers.
    frameguard: false,
    strictTransportSecurity: false,
  };
  const visitorAPI = `${options.basePath}/socket/external`;
  const transcripts = [`${visitorAPI}.api/printhistory`, `${visitorAPI}.api/savehistory`];

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/widget/')) return;
    if (transcripts.includes(path)) {
      await reply.helmet(transcriptPolicy);
      void reply.header('content-security-policy', TRANSCRIPT_CSP);
      return;
    }
    if (
      path === visitorAPI ||
      path.startsWith(`${visitorAPI}/`) ||
      path.startsWith(`${visitorAPI}.`)
    )
      return;
    if (path === '/agent' || path.startsWith('/agent/'))
      return void (await reply.helmet(consolePolicy));
    if (path === '/' || path === '/pricing.html') {
      await reply.helmet(sitePolicy);
      void reply.header('content-security-policy', SITE_CSP);
      return;
    }
    await reply.helmet(plainPolicy);
  });
}
