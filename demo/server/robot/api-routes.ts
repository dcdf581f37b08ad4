/**
 * The robot API's HTTP endpoints, `/s/<workspace>/api/bot/*` (robot API document): register,
 * deregister, message, close, comment and watemplate. Every call carries `Authorization: Bearer
 * <token>`; every failure answers `{"error": {"message": …}}` with a fitting HTTP status.
 */
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { escapeHtml } from '../../shared/chat-text.js';
import type { ServerConfig } from '../config.js';
import { ChatError } from '../errors.js';
import { pluginLimit } from '../http-rate-limit.js';
import type { RateLimitOptions } from '../rate-limit.js';
import type { Logger } from '../logger.js';
import type { ChatService } from '../robot-hook.js';
import {
  contentToHtml,
  isRecord,
  parseContentType,
  parseRobotContent,
  postRobotContent,
  RobotContentError,
} from './robot-content.js';
import type { RobotBinding, RobotStore } from './robot-store.js';
import type { RobotTokens } from './token-service.js';

export interface RobotRouteDeps {
  chat: ChatService;
  config: ServerConfig;
  robotStore: RobotStore;
  tokens: RobotTokens;
  logger: Logger;
  maxContentLength: number;
  /** Calls per address, before the token or the body is read. */
  rateLimit: RateLimitOptions;
}

/** An API failure: `status` and the `message` the robot reads. */
export class RobotApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RobotApiError';
  }
}

export const INVALID_TOKEN = 'Invalid JSON web token';

const errorBody = (message: string) => ({ error: { message } });

/** Register inside a `prefix: <basePath>/api/bot` scope, so parsers and errors stay ours. */
export function registerRobotRoutes(scope: FastifyInstance, deps: RobotRouteDeps): void {
  const { chat, config, robotStore, tokens, logger, maxContentLength, rateLimit } = deps;
  const largestFile = Math.max(...config.areas.map((area) => area.attachments.maxBytes), 0);
  // Room for a base64 file of the largest allowed size plus the text around it.
  const bodyLimit = Math.ceil((largestFile * 4) / 3) + 4 * maxContentLength + 64 * 1024;

  // The body is read as text and parsed here, whatever the content type says, so a robot that
  // forgets the header still works and bad JSON gets the API's own error.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (_request, body, done) =>
    done(null, body),
  );

  scope.setErrorHandler((error: FastifyError | Error, _request, reply) => {
    if (error instanceof RobotApiError || error instanceof RobotContentError) {
      return reply.code(error.status).send(errorBody(error.message));
    }
    if (error instanceof ChatError) {
      return reply.code(error.status).send(errorBody(error.message));
    }
    if ('code' in error && error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(errorBody('The request body is too large.'));
    }
    logger.error({ err: error }, 'robot API request failed');
    return reply.code(500).send(errorBody('Server error.'));
  });

  // Other paths and methods under /api/bot answer in the API's own error shape too.
  scope.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        errorBody(`No robot API endpoint ${request.method} ${request.url.split('?')[0] ?? ''}`),
      ),
  );

  // The token is checked when the request arrives, before its body is read: a caller without a
  // valid token never gets a (possibly 16 MB) body buffered.
  const bindings = new WeakMap<FastifyRequest, RobotBinding>();
  // First of all, per address: a flood of calls with made-up tokens costs a map lookup each.
  scope.addHook(
    'onRequest',
    scope.rateLimit(pluginLimit(rateLimit, 'Too many robot API calls; slow down.')),
  );
  scope.addHook('onRequest', async (request) => {
    // An address that is no endpoint gets its 404 (setNotFoundHandler), token or not.
    if (request.routeOptions.url === undefined) return;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const binding = match?.[1] ? await tokens.verify(match[1]) : undefined;
    if (!binding) throw new RobotApiError(401, INVALID_TOKEN);
    bindings.set(request, binding);
  });

  function authenticate(request: FastifyRequest): RobotBinding {
    const binding = bindings.get(request);
    if (!binding) throw new RobotApiError(401, INVALID_TOKEN);
    return binding;
  }

  function jsonBody(request: FastifyRequest): Record<string, unknown> {
    const text = typeof request.body === 'string' ? request.body : '';
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new RobotApiError(400, 'Invalid JSON in request body');
    }
    if (!isRecord(body)) throw new RobotApiError(400, 'Expected a JSON object in request body');
    return body;
  }

  /**
   * The chat named by `sessionId`, if this robot may act on it: one its area's robot was offered
   * (it may still comment after handing over). `owned`: the robot must still hold the chat, for
   * what the visitor sees (answers) or what ends it — not a chat an agent now serves.
   */
  function sessionFor(binding: RobotBinding, body: Record<string, unknown>, owned = false) {
    const raw = body.sessionId;
    const sessionId = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
    if (typeof sessionId !== 'number' || !Number.isSafeInteger(sessionId) || sessionId <= 0) {
      throw new RobotApiError(400, 'sessionId: expected an integer');
    }
    const found = chat.getChat(sessionId);
    const inScope = found !== undefined && robotStore.offeredToArea(sessionId) === binding.areaId;
    if (!found || !inScope) throw new RobotApiError(404, `Unknown session ${sessionId}`);
    if (found.status === 'closed') throw new RobotApiError(409, `Session ${sessionId} is closed`);
    if (owned && found.status !== 'robot') {
      throw new RobotApiError(409, `Session ${sessionId} is served by agents now`);
    }
    return found;
  }

  function maxFileBytes(areaId: number): number {
    return config.areas.find((area) => area.id === areaId)?.attachments.maxBytes ?? 0;
  }

  scope.post('/register', async (request) => {
    const binding = authenticate(request);
    robotStore.setRegistered(binding, true);
    logger.info({ areaId: binding.areaId, user: binding.userName }, 'robot registered');
    return { registered: true, url: binding.webhook };
  });

  scope.post('/deregister', async (request) => {
    const binding = authenticate(request);
    robotStore.setRegistered(binding, false);
    logger.info({ areaId: binding.areaId, user: binding.userName }, 'robot deregistered');
    return { registered: false };
  });

  scope.post('/message', async (request) => {
    const binding = authenticate(request);
    const body = jsonBody(request);
    const session = sessionFor(binding, body, true);
    const content = parseRobotContent(body, {
      maxLength: maxContentLength,
      maxFileBytes: maxFileBytes(session.areaId),
    });
    postRobotContent(chat, session.sessionId, binding.userName, content);
    return { received: true };
  });

  scope.post('/close', async (request) => {
    const binding = authenticate(request);
    const session = sessionFor(binding, jsonBody(request), true);
    chat.close(session.sessionId, binding.userName);
    logger.info({ sessionId: session.sessionId, user: binding.userName }, 'robot closed a chat');
    return { closed: true };
  });

  scope.post('/comment', async (request) => {
    const binding = authenticate(request);
    const body = jsonBody(request);
    const session = sessionFor(binding, body);
    const html = contentToHtml(body.contentType, body.content, maxContentLength);
    if (html === '') throw new RobotApiError(400, 'content: expected a non-empty string');
    chat.postComment(session.sessionId, binding.userName, html);
    return { received: true };
  });

  // The reference server has no WhatsApp channel: the template is checked and recorded as a
  // comment for the agents (what was sent, with which parameters); the web visitor sees nothing.
  scope.post('/watemplate', async (request) => {
    const binding = authenticate(request);
    const body = jsonBody(request);
    const session = sessionFor(binding, body);
    parseContentType(body.contentType);
    const template = whatsAppTemplate(body.content);
    const described = JSON.stringify(template);
    if (described.length > maxContentLength) {
      throw new RobotApiError(
        413,
        `content: longer than the maximum length of ${maxContentLength} characters`,
      );
    }
    chat.postComment(
      session.sessionId,
      binding.userName,
      `WhatsApp template sent: <code>${escapeHtml(described)}</code>`,
    );
    return { received: true };
  });
}

/** `{elementname, namespace, params: [...]}`, as an object or a JSON string. */
function whatsAppTemplate(value: unknown): {
  elementname: string;
  namespace: string;
  params: unknown[];
} {
  let content = value;
  if (typeof content === 'string') {
    try {
      content = JSON.parse(content);
    } catch {
      throw new RobotApiError(400, 'content: expected a JSON object');
    }
  }
  if (!isRecord(content)) throw new RobotApiError(400, 'content: expected a JSON object');
  const { elementname, namespace, params } = content;
  if (typeof elementname !== 'string' || elementname === '') {
    throw new RobotApiError(400, 'content.elementname: expected a string');
  }
  if (typeof namespace !== 'string' || namespace === '') {
    throw new RobotApiError(400, 'content.namespace: expected a string');
  }
  if (params !== undefined && !Array.isArray(params)) {
    throw new RobotApiError(400, 'content.params: expected a list');
  }
  return { elementname, namespace, params: params ?? [] };
}
