/**
 * The HTTP endpoints of protocol.md §5 (`/socket/external.api/*`) and the agent console's upload
 * (`/socket/agent.api/upload`), registered under `/s/<workspace>`. Inputs are checked by fastify
 * schemas; every failure leaves as `{error: {code, message}}` through the app's error handler.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import contentDisposition from 'content-disposition';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { lookup as typeForFileName } from 'mime-types';
import Type, { type Static, type TObject, type TSchemaOptions } from 'typebox';
import Value from 'typebox/value';
import type { ChatEngine } from './engine/chat-engine.js';
import { ChatError } from './errors.js';
import type { AdmissionLimits } from './admission.js';
import { handlerLimit, httpLimit } from './http-rate-limit.js';
import { renderTranscript } from './transcript.js';

// Query and path schemas: fastify checks them (coercing "1" to 1) and the type provider types
// `request.query` from them. A failure becomes `400 bad_request` in the app's error handler.
const Secret = Type.String({ maxLength: 200 });
const CanChatQuery = Type.Object({
  area: Type.Integer(),
  sessionId: Type.Optional(Type.Integer()),
  secret: Type.Optional(Secret),
});
const DownloadParams = Type.Object({ fileId: Type.String({ maxLength: 100 }) });
/** `t`: the session secret (chat-api.txt's links); agents send their token as a Bearer header. */
const DownloadQuery = Type.Object({ t: Type.Optional(Secret) });
/**
 * Either chat-api.txt's `area` + `secret`, or the widget's signed link (`session`, `expires`,
 * `signature`; engine/transcript-links.ts), which keeps the secret out of the URL.
 */
const HistoryQuery = Type.Object({
  area: Type.Optional(Type.Integer()),
  secret: Type.Optional(Secret),
  session: Type.Optional(Type.Integer({ minimum: 1 })),
  expires: Type.Optional(Type.Integer({ minimum: 0 })),
  signature: Type.Optional(Type.String({ maxLength: 100 })),
});

// Multipart text fields arrive as strings, read by `readUpload` rather than fastify's body
// parsing (the file is streamed), so these are checked here with TypeBox directly.
const IdField = Type.String({ pattern: '^\\d{1,15}$', description: 'an integer' });
const RequiredText = Type.String({ minLength: 1 });
const VisitorUploadFields = Type.Object({
  session: IdField,
  sessionSecret: RequiredText,
  area: Type.Optional(Type.String()),
});
const AgentUploadFields = Type.Object({ token: RequiredText, session: IdField });

/** The upload's text fields as `schema` wants them, or `400 bad_request` naming the first wrong one. */
function checkFields<Fields extends TObject>(
  schema: Fields,
  fields: Record<string, string>,
): Static<Fields> {
  if (Value.Check(schema, fields)) return fields;
  const [error] = Value.Errors(schema, fields);
  const name =
    error?.keyword === 'required'
      ? (error.params.requiredProperties[0] ?? '')
      : (error?.instancePath.slice(1) ?? '');
  const wanted = (schema.properties[name] as TSchemaOptions | undefined)?.description;
  throw new ChatError(
    'bad_request',
    typeof wanted === 'string'
      ? `Field "${name}" must be ${wanted}.`
      : `Field "${name}" is required.`,
  );
}

/** Browsers send `application/octet-stream` for unknown files; then the name's extension decides. */
function mimeOf(declared: string, fileName: string): string {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type && type !== 'application/octet-stream') return type;
  return typeForFileName(fileName) || type || 'application/octet-stream';
}

interface UploadParts {
  fields: Record<string, string>;
  file?: { name: string; mime: string; data: Buffer };
}

/**
 * Reads a multipart body: text fields plus the one `uploadfile` (size capped by the plugin).
 * `authorise` sees the fields sent before the file and may throw, so a caller with a wrong secret
 * is refused before the file's bytes are read (the widget and well-made clients send fields first).
 */
async function readUpload(
  request: FastifyRequest,
  authorise: (fieldsSoFar: Record<string, string>) => void | Promise<void> = () => undefined,
): Promise<UploadParts> {
  try {
    return await readParts(request, authorise);
  } catch (error) {
    // Size and count limits carry fastify codes the error handler maps to 4xx; anything else
    // thrown while parsing (truncated body, no boundary) is the client's malformed request.
    const code = (error as { code?: unknown }).code;
    if (error instanceof ChatError || (typeof code === 'string' && code.startsWith('FST_')))
      throw error;
    throw new ChatError('bad_request', 'The multipart body is malformed.');
  }
}

async function readParts(
  request: FastifyRequest,
  authorise: (fieldsSoFar: Record<string, string>) => void | Promise<void>,
): Promise<UploadParts> {
  const result: UploadParts = { fields: {} };
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      await authorise(result.fields);
      const data = await part.toBuffer();
      if (part.fieldname === 'uploadfile' && !result.file) {
        result.file = {
          name: part.filename || 'file',
          mime: mimeOf(part.mimetype, part.filename),
          data,
        };
      }
    } else if (typeof part.value === 'string') {
      result.fields[part.fieldname] = part.value;
    }
  }
  return result;
}

/** The cookie that carries a signed-in console's token to file downloads. */
const AGENT_COOKIE = 'cention-agent';

function agentCookieOf(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === AGENT_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

/**
 * The routes' limits per address (admission.ts), taken before the body is read; `uploads` also per
 * chat, once the upload's fields name it and before its file is read.
 */
export type ChatRouteLimits = Pick<
  AdmissionLimits,
  'uploads' | 'canChat' | 'downloads' | 'transcripts' | 'agentSessions'
>;

export function registerChatRoutes(
  app: FastifyInstance,
  engine: ChatEngine,
  limits: ChatRouteLimits,
): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();
  const uploadLimit = { config: httpLimit(limits.uploads, 'Too many uploads; wait a minute.') };
  const uploadsPerChat = handlerLimit(app, limits.uploads, 'Too many uploads in this chat.');
  /** A refused upload closes the connection, so the rest of its body is not read either. */
  const refuseUpload = (reply: FastifyReply, error: ChatError): never => {
    void reply.header('connection', 'close');
    throw error;
  };

  routes.get(
    '/socket/external.api/canchat',
    {
      config: httpLimit(limits.canChat, 'Too many requests from your network; wait a moment.'),
      schema: { querystring: CanChatQuery },
    },
    async ({ query }) => engine.canChat(query.area, query.sessionId, query.secret),
  );

  routes.post('/socket/external.api/upload', uploadLimit, async (request, reply) => {
    const authorise = async (fieldsSoFar: Record<string, string>) => {
      const { session, sessionSecret } = fieldsSoFar;
      if (session === undefined || sessionSecret === undefined) return; // read it, decide after
      try {
        engine.checkVisitorUpload(Number(session), sessionSecret);
        await uploadsPerChat(request, reply, session);
      } catch (error) {
        if (error instanceof ChatError) refuseUpload(reply, error);
        throw error;
      }
    };
    const { fields, file } = await readUpload(request, authorise);
    if (!file) throw new ChatError('bad_request', 'Field "uploadfile" is required.');
    const { session, sessionSecret } = checkFields(VisitorUploadFields, fields);
    return engine.storeVisitorUpload({
      sessionId: Number(session),
      secret: sessionSecret,
      name: file.name,
      mime: file.mime,
      data: file.data,
    });
  });

  // The console's file links are plain links to this route: the agent's token rides in an HttpOnly,
  // SameSite=Strict cookie set here (from the token the socket's `login` answer gave), never in a
  // URL. The console calls this after every sign-in; the token dies when its socket closes.
  const agentSessions = httpLimit(limits.agentSessions, 'Too many sign-ins; wait a minute.');
  routes.post('/socket/agent.api/session', { config: agentSessions }, async (request, reply) => {
    const token = /^Bearer\s+(\S{1,200})$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !engine.agentNameForToken(token)) {
      throw new ChatError('not_signed_in', 'Sign in again.', 401);
    }
    // Over TLS, or behind a TLS proxy (PUBLIC_URL https://…: the proxy speaks plain HTTP to us,
    // and X-Forwarded-Proto is a header anyone can send, so it is not trusted).
    const isTls = request.protocol === 'https' || engine.publicBaseURL.startsWith('https://');
    const secure = isTls ? '; Secure' : '';
    const path = `${request.url.split('/socket/')[0] ?? ''}/socket/`;
    return reply
      .header(
        'set-cookie',
        `${AGENT_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=${path}${secure}`,
      )
      .header('cache-control', 'no-store')
      .send({ ok: true });
  });

  routes.post('/socket/agent.api/upload', uploadLimit, async (request, reply) => {
    const { fields, file } = await readUpload(request, (fieldsSoFar) => {
      const { token } = fieldsSoFar;
      if (token !== undefined && !engine.agentNameForToken(token)) {
        refuseUpload(reply, new ChatError('not_signed_in', 'Sign in again.', 401));
      }
    });
    if (!file) throw new ChatError('bad_request', 'Field "uploadfile" is required.');
    const { token, session } = checkFields(AgentUploadFields, fields);
    const agent = engine.agentNameForToken(token);
    if (!agent) throw new ChatError('not_signed_in', 'Sign in again.', 401);
    return engine.agentFile(agent, Number(session), file);
  });

  routes.get(
    '/socket/external.api/download/:fileId',
    {
      config: httpLimit(limits.downloads, 'Too many downloads; wait a moment.'),
      schema: { params: DownloadParams, querystring: DownloadQuery },
    },
    async (request, reply) => {
      const bearer = /^Bearer\s+(\S{1,200})$/i.exec(request.headers.authorization ?? '')?.[1];
      const token = bearer ?? request.query.t ?? agentCookieOf(request);
      if (!token)
        throw new ChatError('bad_request', 'Give the secret as "t" or an Authorization header.');
      const file = engine.fileFor(request.params.fileId, token);
      // Only these are shown by the browser; anything else is a download of opaque bytes, so a
      // visitor's HTML or SVG never runs on this origin.
      const isImage = /^image\/(png|jpeg|gif|webp)$/.test(file.mime);
      const isSafeInline = isImage || file.mime === 'application/pdf' || file.mime === 'text/plain';
      return reply
        .header('content-type', isSafeInline ? file.mime : 'application/octet-stream')
        .header(
          'content-disposition',
          contentDisposition(file.name, { type: isImage ? 'inline' : 'attachment' }),
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('cache-control', 'private, max-age=3600')
        .send(file.data);
    },
  );

  /** Both history routes show the same page; the secret proves the reader is the chat's visitor. */
  const visitorTranscript = (query: Static<typeof HistoryQuery>, forPrint: boolean) => {
    const { session: sessionId, expires, signature, secret } = query;
    let session;
    if (sessionId !== undefined && expires !== undefined && signature !== undefined) {
      session = engine.sessionForTranscriptLink({ sessionId, expires, signature });
    } else if (secret !== undefined) {
      session = engine.sessionForSecret(secret, query.area);
    } else {
      throw new ChatError('bad_request', 'Give secret, or session, expires and signature.', 400);
    }
    const messages = engine.visitorTranscript(session.id);
    const html = renderTranscript(session, messages, engine.area(session.areaId), { forPrint });
    return { session, html };
  };
  const historySchema = {
    config: httpLimit(limits.transcripts, 'Too many transcript requests; wait a minute.'),
    schema: { querystring: HistoryQuery },
  };

  routes.get('/socket/external.api/savehistory', historySchema, async (request, reply) => {
    const { session, html } = visitorTranscript(request.query, false);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-disposition', contentDisposition(`chat-${session.id}.html`))
      .header('x-content-type-options', 'nosniff')
      .send(html);
  });

  routes.get('/socket/external.api/printhistory', historySchema, async (request, reply) => {
    const { html } = visitorTranscript(request.query, true);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(html);
  });
}
