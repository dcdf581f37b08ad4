/**
 * The visitor-facing library search (`GET /s/<workspace>/api/library/search?area=1&q=…`): what the
 * widget calls while a visitor types, so it needs no key but is rate-limited per address, takes a
 * short query only, and answers a few plain-text answers of the area's own categories.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { httpLimit } from '../http-rate-limit.js';
import type { RateLimitOptions } from '../rate-limit.js';
import type { Library } from './library.js';

/** Most answers a visitor search returns: a widget shows a handful, never the whole library. */
export const VISITOR_SEARCH_MAX = 5;

/** A visitor types a few words a second: 20 searches at once, then 2 a second, per address. */
export const DEFAULT_VISITOR_SEARCH_LIMIT: RateLimitOptions = { burst: 20, perSecond: 2 };

const SearchQuery = Type.Object({
  area: Type.Integer(),
  q: Type.String({ maxLength: 200 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: VISITOR_SEARCH_MAX })),
});

export interface VisitorLibraryOptions {
  library: Library;
  /** Throws `no_area` for an area the server does not have. */
  checkArea: (areaId: number) => void;
  rateLimit?: RateLimitOptions;
}

export function registerVisitorLibraryRoutes(
  app: FastifyInstance,
  options: VisitorLibraryOptions,
): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/library/search',
    {
      // The limit is taken before the query is even parsed, so a flood costs a map lookup.
      config: httpLimit(
        options.rateLimit ?? DEFAULT_VISITOR_SEARCH_LIMIT,
        'Too many searches; wait a moment.',
      ),
      schema: { querystring: SearchQuery },
    },
    async ({ query }, reply) => {
      options.checkArea(query.area);
      const answers = options.library.search(query.q, {
        areaId: query.area,
        limit: query.limit ?? VISITOR_SEARCH_MAX,
      });
      // The same words give the same answers for a while: let the browser keep them a minute.
      void reply.header('cache-control', 'public, max-age=60');
      return { answers };
    },
  );
}
