/**
 * `POST /socket/external.api/rating` (protocol.md §5 additions, docs/protocol-notes.md "Ratings"):
 * a small JSON body checked by its schema, with a body limit of its own, so a huge comment is
 * refused (413) before it is read, and a wrong field (400) before any chat is looked up.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { httpLimit } from '../http-rate-limit.js';
import type { RateLimitOptions } from '../rate-limit.js';
import { MAX_RATING_COMMENT, type ChatRatings } from './chat-ratings.js';

/** Room for the longest comment (4 bytes a character at worst, JSON escapes) and the rest. */
const RATING_BODY_LIMIT = 8 * 1024;

const RatingBody = Type.Object(
  {
    sessionId: Type.Integer({ minimum: 1 }),
    secret: Type.String({ minLength: 1, maxLength: 200 }),
    score: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: MAX_RATING_COMMENT })),
  },
  { additionalProperties: false },
);

export function registerRatingRoutes(
  app: FastifyInstance,
  ratings: ChatRatings,
  /** Per address (admission.ts `ratings`), taken before the body is read. */
  limit: RateLimitOptions,
): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/socket/external.api/rating',
    {
      bodyLimit: RATING_BODY_LIMIT,
      // Before the body is read: guessing secrets or flooding costs a map lookup.
      config: httpLimit(limit, 'Too many ratings; wait a minute.'),
      schema: { body: RatingBody },
    },
    async ({ body }) => {
      ratings.rate(body);
      return { ok: true };
    },
  );
}
