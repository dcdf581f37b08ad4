/**
 * `npm run robot-token -- --webhook <url> --user <name> [--area <id>]`
 *
 * Creates a chat-robot token (robot API document, "JSON web token") bound to a webhook, the user
 * the robot acts as and an area (default 1), and records that binding in the server's store
 * (`DATA_DIR`, default `.data`; `CONFIG_FILE` for another workspace). A running server picks it up
 * at once. The token is printed alone on the last line, so scripts can take `tail -n 1`.
 * A new token for an area replaces the earlier one: only the latest token is accepted.
 */
import { defaultConfig, defaultDataDir, issueRobotToken } from '../robot/issue-token.js';
import { fail, messageOf, readCommandLine } from './args.js';

const USAGE = `Usage: npm run robot-token -- --webhook <url> --user <name> [--area <id>]

  --webhook <url>   where the server POSTs chat events for the robot (http or https)
  --user <name>     the user the robot acts as; visitors see this name on its messages
  --area <id>       the area whose new chats go to the robot first (default 1)

Environment: DATA_DIR (default .data) and CONFIG_FILE, as for the server.`;

const values = readCommandLine('robot-token', USAGE, {
  webhook: { type: 'string' },
  user: { type: 'string' },
  area: { type: 'string', default: '1' },
});
if (!values.webhook) fail('--webhook is required');
if (!values.user) fail('--user is required');
if (!/^\d+$/.test(values.area)) fail(`--area: expected an area id, got ${values.area}`);

const config = defaultConfig();
const dataDir = defaultDataDir();
const areaId = Number(values.area);
try {
  const token = await issueRobotToken({
    dataDir,
    config,
    userName: values.user,
    webhook: values.webhook,
    areaId,
  });
  const area = config.areas.find((candidate) => candidate.id === areaId);
  process.stdout.write(
    [
      `Robot token for user "${values.user.trim()}" in area ${areaId} (${area?.name ?? '?'}) of workspace "${config.workspace}".`,
      `Webhook: ${values.webhook}`,
      `Store:   ${dataDir}`,
      'Send it as "Authorization: Bearer <token>"; earlier tokens for this area no longer work.',
      token,
    ].join('\n') + '\n',
  );
} catch (error) {
  fail(messageOf(error));
}
