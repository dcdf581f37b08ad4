/**
 * Structured logs with pino. Session secrets and agent tokens must never reach a log line, so
 * known secret fields are redacted and URLs are scrubbed of their secret query parameters.
 * In a terminal the lines are printed for a person (pino-pretty); anywhere else (tests, CI, a
 * pipe, a log collector) they stay JSON, one object a line. Redaction happens in pino before
 * either sees a line, so both are equally clean.
 */
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import pinoPretty from 'pino-pretty';

export type { Logger };

/** Field paths that hold secrets anywhere in a log object (pino redaction syntax). */
export const REDACTED_PATHS = [
  'sessionSecret',
  'secret',
  'token',
  'visitorToken',
  '*.visitorToken',
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
  /** Human-readable lines instead of JSON (default: when writing to stdout and it is a terminal). */
  pretty?: boolean;
}

/** The fields every request line has; the readable form puts them in the message instead. */
const REQUEST_FIELDS = ['method', 'url', 'status', 'ms'];

/** `GET /s/demo/… → 200 (3 ms)` for request lines; any other line's `url` follows its message. */
function readableMessage(line: Record<string, unknown>, messageKey: string): string {
  const text = (key: string) => String(line[key] ?? '');
  if (line[messageKey] === 'request') {
    return `${text('method')} ${text('url')} → ${text('status')} (${text('ms')} ms)`;
  }
  return line.url === undefined ? text(messageKey) : `${text(messageKey)} ${text('url')}`;
}

/** Writes lines for a person to `destination`: time, level, message, the other fields on one line. */
function readableLines(destination: DestinationStream): DestinationStream {
  return pinoPretty({
    destination,
    colorize: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: ['pid', 'hostname', 'service', ...REQUEST_FIELDS].join(','),
    singleLine: true,
    messageFormat: readableMessage,
  });
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.stream ?? pino.destination(1);
  const pretty = options.pretty ?? (options.stream === undefined && process.stdout.isTTY === true);
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'cention-chat-demo' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    pretty ? readableLines(destination) : destination,
  );
}
