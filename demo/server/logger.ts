/**
 * Structured logs with pino. Session secrets and agent tokens must never reach a log line, so
 * known secret fields are redacted and URLs are scrubbed of their secret query parameters.
 */
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** Field paths that hold secrets anywhere in a log object (pino redaction syntax). */
export const REDACTED_PATHS = [
  'sessionSecret',
  'secret',
  'token',
  't',
  '*.sessionSecret',
  '*.secret',
  '*.token',
  '*.t',
  '*.*.sessionSecret',
  '*.*.secret',
  '*.*.token',
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

const SECRET_QUERY_PARAMS = /([?&](?:t|secret|sessionSecret|token)=)[^&#]*/gi;

/** A URL with the values of secret-bearing query parameters replaced by `[redacted]`. */
export function scrubUrl(url: string): string {
  return url.replace(SECRET_QUERY_PARAMS, '$1[redacted]');
}

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Where lines go (default stdout); tests pass a stream to read the output. */
  stream?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'cention-chat-demo' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.stream ?? pino.destination(1),
  );
}
