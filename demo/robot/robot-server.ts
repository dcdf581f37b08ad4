/**
 * The demo FAQ robot as its own HTTP server: it gets a token for its webhook, registers with the
 * reference server's robot API, answers webhook requests with `faqResponse`, and leaves a comment
 * for the agents before handing a visitor over. `startDemoRobot()` is what `demo/start.ts` calls.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueRobotToken } from '../server/robot/issue-token.js';
import { faqTurn, NEW_CHAT, type FaqMemory, type FaqRequest, type FaqResponse } from './faq.js';

export interface DemoRobotOptions {
  /** The chat server's `…/s/<workspace>` URL. */
  serverBaseURL: string;
  /** Port for the robot's webhook server (0 = any free port). */
  port: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** The area whose chats the robot takes (default 1). */
  areaId?: number;
  /** The user the robot acts as (default "FAQ Robot"). */
  userName?: string;
  /**
   * How to get a token for the webhook URL once it is known. Default: issue one into the server's
   * data folder (`DATA_DIR`, as `npm run robot-token` does); tests pass the plugin's `issueToken`.
   */
  issueToken?: (request: { userName: string; webhook: string; areaId: number }) => Promise<string>;
  /** Where progress lines go (default: nowhere). */
  log?: (line: string) => void;
}

export interface DemoRobot {
  /** The robot's webhook URL. */
  webhookURL: string;
  token: string;
  /** Deregisters (best effort) and stops the HTTP server. */
  close(): Promise<void>;
}

const MAX_REQUEST_BYTES = 1024 * 1024;

export async function startDemoRobot(options: DemoRobotOptions): Promise<DemoRobot> {
  const apiURL = `${options.serverBaseURL.replace(/\/$/, '')}/api/bot`;
  const siteURL = new URL('/', options.serverBaseURL).href;
  const areaId = options.areaId ?? 1;
  const userName = options.userName ?? 'FAQ Robot';
  const log = options.log ?? (() => {});
  /** Per chat: what the robot remembers (greeted? misses in a row?). */
  const memory = new Map<number, FaqMemory>();
  let token = '';

  async function callAPI(path: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${apiURL}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
      signal: AbortSignal.timeout(5000),
    });
    const result = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${path}: ${JSON.stringify(result)}`);
    return result;
  }

  async function respond(request: FaqRequest): Promise<FaqResponse> {
    const turn = faqTurn(request, memory.get(request.sessionId) ?? NEW_CHAT, { siteURL });
    const response = turn.response;
    memory.set(request.sessionId, turn.memory);
    if (response.type === 'handover') {
      memory.delete(request.sessionId);
      const said = request.type === 'message' ? request.message : request.postback?.title;
      await callAPI('comment', {
        sessionId: request.sessionId,
        contentType: 'text/plain',
        content: `FAQ robot handed over. Last from the visitor: "${said ?? ''}"`,
      }).catch((error: unknown) => log(`comment failed: ${String(error)}`));
    }
    return response;
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`webhook request failed: ${String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { error: 'robot failure' });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST' || request.url !== '/webhook') {
      sendJson(response, 404, { error: 'The FAQ robot only answers POST /webhook.' });
      return;
    }
    const body = await readBody(request);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      sendJson(response, 400, { error: 'expected JSON' });
      return;
    }
    if (!isFaqRequest(parsed)) {
      sendJson(response, 400, { error: 'not a webhook request' });
      return;
    }
    sendJson(response, 200, await respond(parsed));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  const webhookURL = `http://${host}:${port}/webhook`;
  const stopServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  try {
    const issue = options.issueToken ?? ((request) => issueRobotToken(request));
    token = await issue({ userName, webhook: webhookURL, areaId });
    const registered = await callAPI('register');
    log(`FAQ robot registered for area ${areaId}: ${String(registered.url)}`);
  } catch (error) {
    await stopServer();
    throw error;
  }

  return {
    webhookURL,
    token,
    async close() {
      await callAPI('deregister').catch((error: unknown) =>
        log(`deregister failed: ${String(error)}`),
      );
      await stopServer();
    },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_REQUEST_BYTES) throw new Error('request too large');
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isFaqRequest(value: unknown): value is FaqRequest {
  if (typeof value !== 'object' || value === null) return false;
  const request = value as Partial<FaqRequest>;
  return (
    typeof request.sessionId === 'number' &&
    typeof request.client === 'object' &&
    (request.type === 'message' || request.type === 'postback')
  );
}
