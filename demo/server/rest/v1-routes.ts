/**
 * The REST API under `/v1` (docs/rest.md, docs/openapi.json): errands and the library, for
 * integrations with an API key. Every request is authorised in `onRequest`, before its body is
 * read, then counted against its key's rate limit (1000 a minute as the Cention overview
 * documents); every error leaves as `{error: {code, message}}` through the app's error handler.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ChatError } from '../errors.js';
import { pluginLimit } from '../http-rate-limit.js';
import type { Library } from '../library/index.js';
import type { RateLimitOptions } from '../rate-limit.js';
import type { ChatStore } from '../store.js';
import { authenticateApiKey } from './api-keys.js';
import {
  EMAIL_PATTERN,
  MAX_EMAIL,
  MAX_ERRAND_MESSAGE,
  MAX_NAME,
  MAX_REPLY,
  MAX_SUBJECT,
} from './errand-fields.js';
import { errandJson, type ErrandService } from './errand-service.js';
import { DEFAULT_PAGE, MAX_PAGE, decodeCursor, pageOf, parseDate } from './pagination.js';

/** The documented limit: 1000 requests a minute per key. */
export const DEFAULT_API_RATE_LIMIT: RateLimitOptions = { burst: 1000, perSecond: 1000 / 60 };
/** Bodies of this API are a few fields: 64 KiB is ample. */
const API_BODY_LIMIT = 64 * 1024;

const Status = Type.Union([Type.Literal('open'), Type.Literal('handled'), Type.Literal('closed')]);
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const ListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE })),
  after: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Status),
  area: Type.Optional(Type.Integer()),
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
});
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const NewErrandBody = Type.Object(
  {
    areaId: Type.Integer(),
    name: text(MAX_NAME),
    email: Type.String({ maxLength: MAX_EMAIL, pattern: EMAIL_PATTERN }),
    subject: Type.Optional(Type.String({ maxLength: MAX_SUBJECT })),
    message: text(MAX_ERRAND_MESSAGE),
  },
  { additionalProperties: false },
);
const ErrandChangesBody = Type.Object(
  {
    status: Type.Optional(Status),
    subject: Type.Optional(Type.String({ maxLength: MAX_SUBJECT })),
    reply: Type.Optional(Type.String({ maxLength: MAX_REPLY })),
    areaId: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false, minProperties: 1 },
);
const AreaQuery = Type.Object({ area: Type.Optional(Type.Integer()) });
const QuestionsQuery = Type.Object({
  area: Type.Optional(Type.Integer()),
  category: Type.Optional(Type.Integer()),
});
const SearchQuery = Type.Object({
  q: Type.String({ maxLength: 200 }),
  area: Type.Optional(Type.Integer()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});

export interface V1Options {
  store: ChatStore;
  errands: ErrandService;
  library: Library;
  rateLimit?: RateLimitOptions;
  /** The OpenAPI document, served at `/v1/openapi.json` without a key. */
  openApi: unknown;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key's name (REST API routes only). */
    apiKeyName?: string;
    /** The API key's id, what the rate limit counts by (REST API routes only). */
    apiKeyId?: string;
  }
}

/** "a minute" for the documented limit, else the time a full allowance takes to come back. */
function perWindow(limit: RateLimitOptions): string {
  const seconds = Math.round(limit.burst / limit.perSecond);
  return seconds === 60 ? 'a minute' : `per ${seconds} s`;
}

export function registerV1Routes(app: FastifyInstance, options: V1Options): void {
  const { store, errands, library } = options;
  const rateLimit = options.rateLimit ?? DEFAULT_API_RATE_LIMIT;
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get('/openapi.json', async () => options.openApi);

  routes.register(async (authed) => {
    authed.addHook('onRequest', async (request, reply) => {
      const key = authenticateApiKey(store, request.headers.authorization);
      if (!key) {
        void reply.header('www-authenticate', 'Bearer');
        throw new ChatError(
          'unauthorized',
          'Send a valid API key as "Authorization: Bearer …".',
          401,
        );
      }
      request.apiKeyName = key.name;
      request.apiKeyId = String(key.id);
    });
    // After the key is known (hooks run in order): counted per key, answered with Retry-After.
    authed.addHook(
      'onRequest',
      authed.rateLimit(
        pluginLimit(
          rateLimit,
          `Rate limit: ${rateLimit.burst} requests ${perWindow(rateLimit)} per API key. Wait and retry.`,
          (request) => request.apiKeyId ?? request.ip,
        ),
      ),
    );
    const api = authed.withTypeProvider<TypeBoxTypeProvider>();
    const bodyLimit = API_BODY_LIMIT;

    api.get('/errands', { schema: { querystring: ListQuery } }, async ({ query }) => {
      const limit = query.limit ?? DEFAULT_PAGE;
      const rows = errands.list({
        status: query.status,
        areaId: query.area,
        from: parseDate(query.from, 'from'),
        to: parseDate(query.to, 'to'),
        beforeId: query.after === undefined ? undefined : decodeCursor(query.after),
        limit: limit + 1,
      });
      return pageOf(rows, limit, errandJson);
    });

    api.post('/errands', { bodyLimit, schema: { body: NewErrandBody } }, async ({ body }, reply) =>
      reply.code(201).send({ data: errandJson(errands.create(body, 'api')) }),
    );

    api.get('/errands/:id', { schema: { params: Id } }, async ({ params }) => ({
      data: errandJson(errands.get(params.id)),
    }));

    api.put(
      '/errands/:id',
      { bodyLimit, schema: { params: Id, body: ErrandChangesBody } },
      async (request) => {
        const { status, subject, reply, areaId } = request.body;
        const handledBy = reply !== undefined || status ? (request.apiKeyName ?? null) : undefined;
        return {
          data: errandJson(
            errands.update(request.params.id, { status, subject, reply, areaId, handledBy }),
          ),
        };
      },
    );

    api.post('/errands/:id/close', { bodyLimit, schema: { params: Id } }, async (request) => ({
      data: errandJson(errands.close(request.params.id, request.apiKeyName ?? null)),
    }));

    api.get('/library', async () => ({
      data: [
        {
          id: 1,
          name: 'Library',
          categories: library.categories().length,
          questions: library.questions().length,
        },
      ],
    }));

    api.get('/library/categories', { schema: { querystring: AreaQuery } }, async ({ query }) => ({
      data: library.categories(query.area),
    }));

    api.get(
      '/library/questions',
      { schema: { querystring: QuestionsQuery } },
      async ({ query }) => ({
        data: library
          .questions({ areaId: query.area, categoryId: query.category })
          .map(({ id, categoryId, question, answer }) => ({ id, categoryId, question, answer })),
      }),
    );

    api.get('/library/search', { schema: { querystring: SearchQuery } }, async ({ query }) => ({
      data: library.search(query.q, { areaId: query.area, limit: query.limit ?? 10 }),
    }));
  });
}
