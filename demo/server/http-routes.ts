/**
 * The HTTP endpoints of protocol.md §5 (`/socket/external.api/*`) and the agent console's upload
 * (`/socket/agent.api/upload`), registered under `/s/<workspace>`. Inputs are checked by fastify
 * schemas; every failure leaves as `{error: {code, message}}` through the app's error handler.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ChatEngine } from './chat-engine.js';
import { ChatError } from './errors.js';
import { renderTranscript } from './transcript.js';

/** Browsers send `application/octet-stream` for unknown files; guess the common ones by name. */
const TYPES_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
};

function mimeOf(declared: string, fileName: string): string {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type && type !== 'application/octet-stream') return type;
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[extension] ?? (type || 'application/octet-stream');
}

interface UploadParts {
  fields: Record<string, string>;
  file?: { name: string; mime: string; data: Buffer };
}

/** Reads a multipart body: text fields plus the one `uploadfile` (size capped by the plugin). */
async function readUpload(request: FastifyRequest): Promise<UploadParts> {
  try {
    return await readParts(request);
  } catch (error) {
    // Size and count limits carry fastify codes the error handler maps to 4xx; anything else
    // thrown while parsing (truncated body, no boundary) is the client's malformed request.
    const code = (error as { code?: unknown }).code;
    if (error instanceof ChatError || (typeof code === 'string' && code.startsWith('FST_')))
      throw error;
    throw new ChatError('bad_request', 'The multipart body is malformed.');
  }
}

async function readParts(request: FastifyRequest): Promise<UploadParts> {
  const result: UploadParts = { fields: {} };
  for await (const part of request.parts()) {
    if (part.type === 'file') {
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

const integerField = (fields: Record<string, string>, name: string): number => {
  const value = fields[name];
  if (value === undefined || !/^\d{1,15}$/.test(value)) {
    throw new ChatError('bad_request', `Field "${name}" must be an integer.`);
  }
  return Number(value);
};

const textField = (fields: Record<string, string>, name: string): string => {
  const value = fields[name];
  if (!value) throw new ChatError('bad_request', `Field "${name}" is required.`);
  return value;
};

/** Strict Content-Disposition: RFC 5987 encoding, so no file name can break the header. */
function disposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\w.-]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function registerChatRoutes(app: FastifyInstance, engine: ChatEngine): void {
  app.get(
    '/socket/external.api/canchat',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['area'],
          properties: {
            area: { type: 'integer' },
            sessionId: { type: 'integer' },
            secret: { type: 'string', maxLength: 200 },
          },
        },
      },
    },
    async (request) => {
      const query = request.query as { area: number; sessionId?: number; secret?: string };
      return engine.canChat(query.area, query.sessionId, query.secret);
    },
  );

  app.post('/socket/external.api/upload', async (request) => {
    const { fields, file } = await readUpload(request);
    if (!file) throw new ChatError('bad_request', 'Field "uploadfile" is required.');
    return engine.storeVisitorUpload({
      sessionId: integerField(fields, 'session'),
      secret: textField(fields, 'sessionSecret'),
      name: file.name,
      mime: file.mime,
      data: file.data,
    });
  });

  app.post('/socket/agent.api/upload', async (request) => {
    const { fields, file } = await readUpload(request);
    if (!file) throw new ChatError('bad_request', 'Field "uploadfile" is required.');
    const agent = engine.agentNameForToken(textField(fields, 'token'));
    if (!agent) throw new ChatError('not_signed_in', 'Sign in again.', 401);
    return engine.agentFile(agent, integerField(fields, 'session'), file);
  });

  app.get(
    '/socket/external.api/download/:fileId',
    {
      schema: {
        params: { type: 'object', properties: { fileId: { type: 'string', maxLength: 100 } } },
        querystring: {
          type: 'object',
          required: ['t'],
          properties: { t: { type: 'string', maxLength: 200 } },
        },
      },
    },
    async (request, reply) => {
      const { fileId } = request.params as { fileId: string };
      const { t } = request.query as { t: string };
      const file = engine.fileFor(fileId, t);
      const isImage = /^image\/(png|jpeg|gif|webp)$/.test(file.mime);
      const isSafeInline = isImage || file.mime === 'application/pdf' || file.mime === 'text/plain';
      return reply
        .header('content-type', isSafeInline ? file.mime : 'application/octet-stream')
        .header('content-disposition', disposition(isImage ? 'inline' : 'attachment', file.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('cache-control', 'private, max-age=3600')
        .send(file.data);
    },
  );

  const historySchema = {
    schema: {
      querystring: {
        type: 'object',
        required: ['secret'],
        properties: { area: { type: 'integer' }, secret: { type: 'string', maxLength: 200 } },
      },
    },
  };

  /** Both history routes show the same page; the secret proves the reader is the chat's visitor. */
  const visitorTranscript = (request: FastifyRequest, forPrint: boolean) => {
    const { area, secret } = request.query as { area?: number; secret: string };
    const session = engine.sessionForSecret(secret, area);
    const messages = engine.visitorTranscript(session.id);
    const html = renderTranscript(session, messages, engine.area(session.areaId), { forPrint });
    return { session, html };
  };

  app.get('/socket/external.api/savehistory', historySchema, async (request, reply) => {
    const { session, html } = visitorTranscript(request, false);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-disposition', disposition('attachment', `chat-${session.id}.html`))
      .header('x-content-type-options', 'nosniff')
      .send(html);
  });

  app.get('/socket/external.api/printhistory', historySchema, async (request, reply) => {
    const { html } = visitorTranscript(request, true);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(html);
  });
}
