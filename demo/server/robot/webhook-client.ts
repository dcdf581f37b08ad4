/**
 * Calls a robot's webhook: one JSON POST with a timeout, retried a bounded number of times when
 * the robot is slow, down, answers 5xx/4xx or sends something that is not a valid robot response.
 * The caller decides what happens after the last failure (the chat goes to humans).
 */

/** The body Cention POSTs to the webhook (robot API document, "Webhook"). */
export interface WebhookRequest {
  sessionId: number;
  client: { name: string; email: string };
  externalData: string;
  type: 'message' | 'postback';
  message?: string;
  postback?: { title: string; data: string };
  maxLength: number;
}

export interface WebhookCallOptions {
  /** Per attempt, in ms. */
  timeoutMs: number;
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
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

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
  let lastReason = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (options.signal?.aborted) break;
    try {
      return parse(await attemptOnce(url, request, options));
    } catch (error) {
      lastReason = error instanceof Error ? error.message : String(error);
      options.onAttemptFailed?.(attempt, lastReason);
      if (attempt < attempts) await delay(attempt * options.retryDelayMs, options.signal);
    }
  }
  throw new WebhookError(lastReason || 'aborted', attempts);
}

async function attemptOnce(
  url: string,
  request: WebhookRequest,
  options: WebhookCallOptions,
): Promise<unknown> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'cention-chat-demo-robot-api' },
      body: JSON.stringify(request),
      signal,
      redirect: 'error',
    });
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_RESPONSE_BYTES) throw new Error(`response too large (${length} bytes)`);
    // The timeout covers the body too: a robot that sends headers and then stalls is slow as well.
    text = await response.text();
  } catch (error) {
    if (timeout.aborted) throw new Error(`no response within ${options.timeoutMs} ms`);
    if (options.signal?.aborted) throw new Error('aborted');
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
    throw new Error('response is not JSON');
  }
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
