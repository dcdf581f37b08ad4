/**
 * `npm run api-key -- --name <name>` makes a REST API key and prints it once (alone on the last
 * line, so scripts can take `tail -n 1`); only its hash is stored, in the server's data folder
 * (`DATA_DIR`, default `.data`). `--list` shows the keys (id, name, created, revoked) and
 * `--revoke <id>` stops one at once, also for a running server.
 */
import { defaultDataDir } from '../robot/issue-token.js';
import { createApiKey } from '../rest/api-keys.js';
import { openStore } from '../store.js';
import { fail, messageOf, readCommandLine } from './args.js';

const USAGE = `Usage: npm run api-key -- --name <name>
       npm run api-key -- --list
       npm run api-key -- --revoke <id>

  --name <name>   who the key is for (shown in --list and as the errand's handler)
  --list          the keys made so far (never the keys themselves)
  --revoke <id>   refuse that key from now on

Environment: DATA_DIR (default .data), as for the server.`;

const values = readCommandLine('api-key', USAGE, {
  name: { type: 'string' },
  list: { type: 'boolean' },
  revoke: { type: 'string' },
});
const dataDir = defaultDataDir();
if (dataDir === ':memory:') fail('DATA_DIR=:memory: has no file a server could share');
const store = openStore(dataDir);
try {
  if (values.list) {
    for (const key of store.apiKeys.all()) {
      const revoked = key.revokedAt ? ` revoked ${new Date(key.revokedAt).toISOString()}` : '';
      process.stdout.write(
        `${key.id}  ${key.name}  created ${new Date(key.createdAt).toISOString()}${revoked}\n`,
      );
    }
  } else if (values.revoke) {
    if (!store.apiKeys.revoke(values.revoke, Date.now())) {
      fail(`no unrevoked key with id ${values.revoke}`);
    }
    process.stdout.write(`Key ${values.revoke} revoked.\n`);
  } else if (values.name) {
    const made = createApiKey(store, values.name);
    process.stdout.write(
      `API key ${made.id} for "${made.name}" (stored hashed in ${dataDir}; shown only now):\n${made.key}\n`,
    );
  } else {
    fail('give --name, --list or --revoke');
  }
} catch (error) {
  fail(messageOf(error));
} finally {
  store.close();
}
