/**
 * The HTTP endpoints of the fake chat server (protocol.md §5; Node side): canchat, upload,
 * download, savehistory and printhistory under `/s/demo/socket/external.api/`, answering with
 * `Access-Control-Allow-Origin: *` (the test page is on another port).
 */
import type http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { ErrorBody, ServerErrorCode, UploadResult } from '../../src/protocol/index.js';
import type { FakeSessions } from './fake-sessions.js';
import type { FakeCanChatAnswer, FakeHttpAnswer, HttpRequestRecord } from './fake-server-types.js';

export const workspacePath = '/s/demo';
export const apiPrefix = `${workspacePath}/socket/external.api`;

const defaultCanChat = {
  chatOpen: true,
  agentsAvailable: 1,
  feature: {
    'chat.attachment': true,
    'chat.max-attachment-size': 1024 * 1024,
    'chat.max-image-size': 512 * 1024,
    'chat.external-source-page': false,
  },
};

/** What the HTTP side needs of its server. */
export interface FakeHttpContext {
  /** Known once the server listens. */
  baseURL(): string;
  store: FakeSessions;
  /** Every HTTP API request, in arrival order. */
  log: HttpRequestRecord[];
  canChatAnswer(): FakeCanChatAnswer;
  /** The scripted upload answer, if any. */
  uploadAnswer(): FakeHttpAnswer | undefined;
}

type Json = (status: number, body: unknown) => void;

function humanSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

const errorBody = (code: ServerErrorCode, message: string): ErrorBody => ({
  error: { code, message },
});

export async function handleHttpApi(
  context: FakeHttpContext,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
  if (request.method === 'OPTIONS') {
    response.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST' }).end();
    return;
  }
  if (!url.pathname.startsWith(apiPrefix + '/')) {
    response.writeHead(404, cors).end();
    return;
  }
  const path = url.pathname.slice(workspacePath.length);
  const query = Object.fromEntries(url.searchParams);
  context.log.push({ method: request.method ?? 'GET', path, query });
  const json: Json = (status, body) => {
    response.writeHead(status, { ...cors, 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const route = url.pathname.slice(apiPrefix.length + 1);
  const { store } = context;
  const session = store.sessions.get(Number(query.sessionId ?? query.session));
  const sessionBySecret = store.bySecret(query.secret ?? query.t);

  if (route === 'canchat') {
    const scripted = context.canChatAnswer();
    const answer = { ...defaultCanChat, ...scripted };
    const resumable =
      scripted.resumable ??
      Boolean(session && !session.closed && session.sessionSecret === query.secret);
    json(200, { ...answer, resumable });
    return;
  }
  if (route === 'upload' && request.method === 'POST') {
    await handleUpload(context, request, json);
    return;
  }
  if (route.startsWith('download/')) {
    const upload = store.uploads.get(route.slice('download/'.length));
    const owner = upload && store.sessions.get(upload.sessionId);
    if (!upload || !owner || owner.sessionSecret !== query.t) {
      json(404, errorBody('not_found', 'no such file'));
      return;
    }
    response.writeHead(200, { ...cors, 'content-type': upload.mime });
    response.end(upload.bytes);
    return;
  }
  if (route === 'savehistory' || route === 'printhistory') {
    if (!sessionBySecret) {
      json(403, errorBody('bad_secret', 'unknown secret'));
      return;
    }
    const lines = sessionBySecret.messages.map(
      (message) => `${message.sentHuman} ${message.sender}: ${message.text}`,
    );
    const isPrint = route === 'printhistory';
    response.writeHead(200, {
      ...cors,
      'content-type': isPrint ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    });
    response.end(isPrint ? `<pre>${lines.join('\n')}</pre>` : lines.join('\n'));
    return;
  }
  json(404, errorBody('not_found', 'no such endpoint'));
}

async function handleUpload(
  context: FakeHttpContext,
  request: http.IncomingMessage,
  json: Json,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const scripted = context.uploadAnswer();
  if (scripted) {
    json(scripted.status, scripted.body);
    return;
  }
  // Node's fetch Response parses multipart bodies, so no multipart library is needed here.
  const form = await new Response(Buffer.concat(chunks), {
    headers: { 'content-type': request.headers['content-type'] ?? '' },
  }).formData();
  const file = form.get('uploadfile');
  const session = context.store.sessions.get(Number(form.get('session')));
  if (!session || session.sessionSecret !== form.get('sessionSecret')) {
    json(403, errorBody('no_session', 'no such session'));
    return;
  }
  if (session.closed) {
    json(409, errorBody('chat_closed', 'the chat has ended'));
    return;
  }
  if (!(file instanceof Blob)) {
    json(400, errorBody('bad_type', 'uploadfile is missing'));
    return;
  }
  const limit = Number(
    context.canChatAnswer().feature?.['chat.max-attachment-size'] ??
      defaultCanChat.feature['chat.max-attachment-size'],
  );
  if (file.size > limit) {
    json(413, errorBody('too_large', 'file too large'));
    return;
  }
  const id = randomBytes(6).toString('hex');
  const name = file instanceof File ? file.name : 'file';
  const mime = file.type || 'application/octet-stream';
  context.store.uploads.set(id, {
    id,
    name,
    mime,
    bytes: Buffer.from(await file.arrayBuffer()),
    sessionId: session.sessionId,
  });
  const result: UploadResult = {
    id,
    download: `${context.baseURL()}/socket/external.api/download/${id}`,
    value: name,
    size: file.size,
    sizeHuman: humanSize(file.size),
    mime,
  };
  json(200, result);
}
