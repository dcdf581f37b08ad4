/**
 * `npm run agent-password` (or `npx tsx demo/server/cli/agent-password.ts`)
 *
 * Reads a password (twice, not echoed, when run in a terminal; one line from stdin otherwise) and
 * prints its scrypt hash for an agent's `passwordHash` in the server's CONFIG_FILE. The hash is
 * printed alone on the last line, so scripts can take `tail -n 1`.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { hashPassword } from '../agent-auth/passwords.js';

const MIN_LENGTH = 10;

/** One line from the terminal without echoing it, or one line from a pipe. */
function readLine(prompt: string): Promise<string> {
  const interactive = process.stdin.isTTY === true;
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const lines = createInterface({ input: process.stdin, output, terminal: interactive });
  return new Promise((resolve) => {
    if (interactive) process.stderr.write(prompt);
    muted = true;
    lines.once('line', (line) => {
      resolve(line); // before close(), whose 'close' event would resolve with ''
      lines.close();
      if (interactive) process.stderr.write('\n');
    });
    lines.once('close', () => resolve(''));
  });
}

const password = await readLine('Password: ');
if (process.stdin.isTTY && password !== (await readLine('Again: '))) {
  process.stderr.write('agent-password: the two passwords differ.\n');
  process.exit(1);
}
if (password.length < MIN_LENGTH) {
  process.stderr.write(`agent-password: use at least ${MIN_LENGTH} characters.\n`);
  process.exit(1);
}
process.stderr.write('Put this in the agent\'s "passwordHash" in CONFIG_FILE:\n');
process.stdout.write(`${await hashPassword(password)}\n`);
