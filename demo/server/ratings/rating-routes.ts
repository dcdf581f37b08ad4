/**
 * `POST /socket/external.api/rating` (protocol.md §5 additions, docs/protocol-notes.md "Ratings"):
 * a small JSON body checked by its schema, with a body limit of its own, so a huge comment is
 * refused (413) before it is read, and a wrong field (400) before any chat is looked up.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
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

export function registerRatingRoutes(app: FastifyInstance, ratings: ChatRatings): void {
  app
    .withTypeProvider<TypeBoxTypeProvider>()
    .post(
      '/socket/external.api/rating',
      { bodyLimit: RATING_BODY_LIMIT, schema: { body: RatingBody } },
      async ({ body }) => {
        ratings.rate(body);
        return { ok: true };
      },
    );
}
