/**
 * What the command-line tools (`npm run api-key`, `npm run robot-token`) share: their options read
 * strictly with node:util `parseArgs`, `--help`/`-h` printing the usage, and on bad input a clear
 * error followed by the usage, with exit code 1. One tool runs per process, so the tool's name and
 * usage are kept here for `fail()`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

type Values<O extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O & typeof HELP; strict: true }>
>['values'];

let tool = { command: 'cli', usage: '' };

/** Prints `<command>: <message>` and the usage to stderr and exits with 1. */
export function fail(message: string): never {
  process.stderr.write(`${tool.command}: ${message}\n\n${tool.usage}\n`);
  process.exit(1);
}

/** The message of anything thrown, for `fail()`. */
export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Reads `process.argv` for `command`; `--help` prints `usage` and exits with 0. */
export function readCommandLine<const O extends OptionsConfig>(
  command: string,
  usage: string,
  options: O,
): Values<O> {
  tool = { command, usage };
  let values: Values<O>;
  try {
    ({ values } = parseArgs({ options: { ...options, ...HELP }, strict: true }));
  } catch (error) {
    return fail(messageOf(error));
  }
  if ('help' in values && values.help === true) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return values;
}
