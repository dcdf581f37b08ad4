/**
 * The widget's leave-a-message form: `POST /s/<workspace>/api/errands` makes an errand without a
 * key, so it is guarded before any work: a rate limit per address (taken before the body is read),
 * a small body cap, a strict schema (name, e-mail, message, area; unknown fields dropped) and an area check.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { httpLimit } from '../http-rate-limit.js';
import type { RateLimitOptions } from '../rate-limit.js';
import { EMAIL_PATTERN, MAX_ERRAND_MESSAGE, MAX_NAME, MAX_EMAIL } from './errand-fields.js';
import type { ErrandService } from './errand-service.js';

/** An office behind one address may leave 5 messages at once, then one a minute. */
export const DEFAULT_VISITOR_ERRAND_LIMIT: RateLimitOptions = { burst: 5, perSecond: 1 / 60 };
/** A form of name, e-mail and a 4000-character message fits well within this. */
export const VISITOR_ERRAND_BODY_LIMIT = 16 * 1024;

const VisitorErrandBody = Type.Object(
  {
    area: Type.Integer(),
    name: Type.String({ minLength: 1, maxLength: MAX_NAME, pattern: '\\S' }),
    email: Type.String({ maxLength: MAX_EMAIL, pattern: EMAIL_PATTERN }),
    message: Type.String({ minLength: 1, maxLength: MAX_ERRAND_MESSAGE, pattern: '\\S' }),
  },
  { additionalProperties: false },
);

export function registerVisitorErrandRoutes(
  app: FastifyInstance,
  errands: ErrandService,
  options: { rateLimit?: RateLimitOptions } = {},
): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/api/errands',
    {
      bodyLimit: VISITOR_ERRAND_BODY_LIMIT,
      config: httpLimit(
        options.rateLimit ?? DEFAULT_VISITOR_ERRAND_LIMIT,
        'Too many messages; try again in a minute.',
      ),
      schema: { body: VisitorErrandBody },
    },
    async ({ body }, reply) => {
      const errand = errands.create(
        { areaId: body.area, name: body.name, email: body.email, message: body.message },
        'chat',
      );
      // The visitor learns that it arrived, not what else the errand holds.
      return reply.code(201).send({ id: errand.id, status: errand.status });
    },
  );
}
