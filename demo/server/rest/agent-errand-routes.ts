/**
 * The agent console's errands: `GET /s/<workspace>/socket/agent.api/errands` lists the errands of
 * the agent's areas (open and handled by default, newest first), `POST …/errands/:id/reply` answers
 * one (it becomes `handled`) and `POST …/errands/:id/close` closes it. The agent's socket token
 * authorises them (`Authorization: Bearer <token>`), checked before a body is read, and an errand
 * of an area the agent does not serve is `404` to them, as if it did not exist. Each route is
 * limited per address (`agentErrandLimit`), counted before the token is looked at, so a flood of
 * guessed tokens is refused as cheaply as any other.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { ChatEngine } from '../engine/chat-engine.js';
import { ChatError } from '../errors.js';
import { httpLimit } from '../http-rate-limit.js';
import type { RateLimitOptions } from '../rate-limit.js';
import { MAX_REPLY } from './errand-fields.js';
import { errandJson, type ErrandService } from './errand-service.js';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const ListQuery = Type.Object({
  status: Type.Optional(
    Type.Union([Type.Literal('open'), Type.Literal('handled'), Type.Literal('closed')]),
  ),
});
const ReplyBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: MAX_REPLY, pattern: '\\S' }) },
  { additionalProperties: false },
);
/** The console shows the newest errands; older ones are for the REST API. */
const CONSOLE_LIST_LIMIT = 100;
/**
 * Per address and route: a console lists every 15 s and replies by hand, so an office of agents
 * behind one address stays far below 120 at once, then 2 a second.
 */
export const DEFAULT_AGENT_ERRAND_LIMIT: RateLimitOptions = { burst: 120, perSecond: 2 };

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in agent (console errand routes only). */
    agentName?: string;
  }
}

export function registerAgentErrandRoutes(
  app: FastifyInstance,
  engine: ChatEngine,
  errands: ErrandService,
  limit: RateLimitOptions = DEFAULT_AGENT_ERRAND_LIMIT,
): void {
  const config = httpLimit(limit, 'Too many requests from your network; wait a moment.');
  app.register(async (scoped) => {
    // After the rate limit (`onRequest`), before the body is read.
    scoped.addHook('preParsing', async (request, _reply, payload) => {
      const token = /^Bearer\s+(\S{1,200})$/i.exec(request.headers.authorization ?? '')?.[1];
      const agent = token ? engine.agentNameForToken(token) : undefined;
      if (!agent) throw new ChatError('not_signed_in', 'Sign in again.', 401);
      request.agentName = agent;
      return payload;
    });
    const routes = scoped.withTypeProvider<TypeBoxTypeProvider>();
    const agentOf = (request: FastifyRequest) => request.agentName ?? '';
    /** The errand, if it is in one of the agent's areas. */
    const errandFor = (request: FastifyRequest, id: number) => {
      const errand = errands.get(id);
      if (!engine.directory.servesArea(agentOf(request), errand.areaId)) {
        throw new ChatError('not_found', `There is no errand ${id}.`, 404);
      }
      return errand;
    };

    routes.get(
      '/socket/agent.api/errands',
      { config, schema: { querystring: ListQuery } },
      async (request, reply) => {
        const areas = new Set(engine.directory.areasOf(agentOf(request)));
        const statuses = request.query.status
          ? [request.query.status]
          : (['open', 'handled'] as const);
        const list = statuses
          .flatMap((status) => errands.list({ status, limit: CONSOLE_LIST_LIMIT }))
          .filter((errand) => areas.has(errand.areaId))
          .sort((left, right) => right.id - left.id)
          .slice(0, CONSOLE_LIST_LIMIT);
        void reply.header('cache-control', 'no-store');
        return { errands: list.map(errandJson) };
      },
    );

    routes.post(
      '/socket/agent.api/errands/:id/reply',
      { config, bodyLimit: 32 * 1024, schema: { params: Id, body: ReplyBody } },
      async (request) => {
        errandFor(request, request.params.id);
        const errand = errands.reply(request.params.id, request.body.text, agentOf(request));
        return { errand: errandJson(errand) };
      },
    );

    routes.post(
      '/socket/agent.api/errands/:id/close',
      { config, schema: { params: Id } },
      async (request) => {
        errandFor(request, request.params.id);
        return { errand: errandJson(errands.close(request.params.id, agentOf(request))) };
      },
    );
  });
}
