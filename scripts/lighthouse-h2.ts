/**
 * An HTTP/2 front for `npm run lighthouse` (`--h2`): TLS with a throwaway self-signed certificate,
 * forwarding every request to the reference server as a CDN or reverse proxy would.
 *
 * Why: Lighthouse's simulated throttling (Lantern) models an HTTP/1.1 origin as separate TCP
 * connections, so any second request in flight next to the page's stylesheet pays a connection
 * set-up (one 150 ms round trip on the mobile profile), whatever its size; over HTTP/2 every
 * request of an origin shares one connection and costs only its bytes. The reference server speaks
 * HTTP/1.1 on plain http (it is a demo); sites and CDNs serve scripts over HTTP/2, so both are
 * measured.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

/** Headers HTTP/2 forbids (connection-specific), and the pseudo-headers it adds. */
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'host',
  'http2-settings',
]);

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !name.startsWith(':') && !NOT_FORWARDED.has(name)),
  );
}

/** A self-signed certificate for 127.0.0.1, made once with the system's openssl. */
function certificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = resolve(dir, 'key.pem');
  const cert = resolve(dir, 'cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ]);
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export interface H2Front {
  origin: string;
  close(): Promise<void>;
}

/** Serves https://127.0.0.1:<port> over HTTP/2, forwarding to the HTTP/1.1 server at `upstream`. */
export async function startH2Front(upstream: string, certDir: string): Promise<H2Front> {
  const target = new URL(upstream);
  const server = createSecureServer(
    certificate(certDir),
    (incoming: Http2ServerRequest, outgoing: Http2ServerResponse) => {
      const proxied = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...forwardable(incoming.headers), host: target.host },
        },
        (response) => {
          outgoing.writeHead(response.statusCode ?? 502, forwardable(response.headers));
          response.pipe(outgoing);
        },
      );
      proxied.on('error', () => {
        if (!outgoing.headersSent) outgoing.writeHead(502);
        outgoing.end();
      });
      incoming.pipe(proxied);
    },
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
