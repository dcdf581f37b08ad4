/**
 * Calls a robot's webhook: one JSON POST, retried a bounded number of times when the exchange
 * failed (the robot is slow, down, or answers 5xx/4xx) — not when it answered something unusable,
 * which a retry would only make the robot hear twice. The whole exchange has one deadline that also
 * cancels a body still arriving, and the body is read with a byte cap, so a robot that drips or
 * streams without end costs a bounded time and memory. Every attempt of one exchange carries the
 * same request id (`requestId` in the body, `X-Request-Id` header), so a robot can spot a retry.
 * The caller decides what happens after the last failure (the chat goes to humans).
 */
import { randomUUID } from 'node:crypto';

/** The body Cention POSTs to the webhook (robot API document, "Webhook"). */
export interface WebhookRequest {
  sessionId: number;
  client: { name: string; email: string };
  externalData: string;
  type: 'message' | 'postback';
  message?: string;
  postback?: { title: string; data: string };
  maxLength: number;
  /** The same for every attempt of one exchange: a robot that sees it again is seeing a retry. */
  requestId: string;
}

/** A fresh request id for one exchange. */
export const newRequestId = (): string => randomUUID();

export interface WebhookCallOptions {
  /** Per attempt, in ms. */
  timeoutMs: number;
  /** For the whole exchange, every attempt and wait included, in ms. */
  deadlineMs: number;
  /** Extra attempts after the first failed one. */
  retries: number;
  /** Wait before retry n is n × this, in ms. */
  retryDelayMs: number;
  /** Aborts everything (server shutting down). */
  signal?: AbortSignal;
  /** Told about each failed attempt, for the log. */
  onAttemptFailed?: (attempt: number, reason: string) => void;
}

/** The webhook could not give a usable response within the attempts allowed. */
export class WebhookError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'WebhookError';
  }
}

/** Largest response body read from a robot (an answer with an image fits easily). */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** A response that arrived but cannot be used: not retried (the robot would hear the visitor twice). */
export class UnusableResponseError extends Error {
  override name = 'UnusableResponseError';
}

/**
 * POSTs `request` and returns `parse(JSON body)`. A timeout, network error, non-2xx status, a body
 * that is not JSON or one `parse` throws on is a failed attempt.
 */
export async function callWebhook<T>(
  url: string,
  request: WebhookRequest,
  options: WebhookCallOptions,
  parse: (body: unknown) => T,
): Promise<T> {
  const attempts = 1 + Math.max(0, options.retries);
  const deadline = AbortSignal.timeout(options.deadlineMs);
  const stop = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  let lastReason = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (stop.aborted) break;
    let body: unknown;
    try {
      body = await attemptOnce(url, request, options, stop);
    } catch (error) {
      lastReason = error instanceof Error ? error.message : String(error);
      if (error instanceof UnusableResponseError) {
        options.onAttemptFailed?.(attempt, lastReason);
        throw new WebhookError(lastReason, attempt);
      }
      options.onAttemptFailed?.(attempt, lastReason);
      if (attempt < attempts) await delay(attempt * options.retryDelayMs, stop);
      continue;
    }
    try {
      return parse(body);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      options.onAttemptFailed?.(attempt, reason);
      throw new WebhookError(reason, attempt);
    }
  }
  if (!lastReason && deadline.aborted) {
    lastReason = `no usable response within ${options.deadlineMs} ms`;
  }
  throw new WebhookError(lastReason || 'aborted', attempts);
}

async function attemptOnce(
  url: string,
  request: WebhookRequest,
  options: WebhookCallOptions,
  exchange: AbortSignal,
): Promise<unknown> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([timeout, exchange]);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'cention-chat-demo-robot-api',
        'x-request-id': request.requestId,
      },
      body: JSON.stringify(request),
      signal,
      redirect: 'error',
    });
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_RESPONSE_BYTES) {
      await response.body?.cancel();
      throw new Error(`response too large (${length} bytes)`);
    }
    // The timeout covers the body too: a robot that sends headers and then drips is slow as well.
    text = await readCapped(response, signal);
  } catch (error) {
    if (timeout.aborted) throw new Error(`no response within ${options.timeoutMs} ms`);
    if (options.signal?.aborted) throw new Error('aborted');
    if (exchange.aborted) throw new Error('exchange deadline passed');
    if (error instanceof Error && error.message.startsWith('response too large')) throw error;
    const cause =
      error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new Error(
      `unreachable (${error instanceof Error ? error.message : String(error)}${cause})`,
    );
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A complete answer that is not JSON: no retry would make it better.
    throw new UnusableResponseError('response is not JSON');
  }
}

/**
 * The body as text, at most MAX_RESPONSE_BYTES (a chunked body has no Content-Length to check
 * first); `signal` cancels the read itself, so a body that stalls between chunks is cut off too.
 */
async function readCapped(response: Response, signal: AbortSignal): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let received = 0;
  const aborted = new Promise<never>((_, reject) => {
    const fail = () =>
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      received += value.byteLength;
      if (received > MAX_RESPONSE_BYTES)
        throw new Error(`response too large (over ${MAX_RESPONSE_BYTES} bytes)`);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
