/**
 * Issues a robot token straight into a server's data folder (the SQLite file), for the
 * `robot-token` CLI and the demo robot. A server running on that folder picks the binding up on
 * its next request: bindings are read from the store, never cached.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerConfig } from '../config.js';
import { loadConfigFile } from '../config.js';
import { demoConfig } from '../demo-config.js';
import { openStore } from '../store.js';
import { RobotStore } from './robot-store.js';
import { RobotTokens, type TokenRequest } from './token-service.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The server's data folder: `DATA_DIR`, else `<repo>/.data` (the same default as the server). */
export function defaultDataDir(): string {
  return process.env.DATA_DIR || join(REPO_ROOT, '.data');
}

/** The server's config: `CONFIG_FILE`, else the demo workspace. */
export function defaultConfig(): ServerConfig {
  return process.env.CONFIG_FILE ? loadConfigFile(process.env.CONFIG_FILE) : demoConfig;
}

export interface IssueOptions extends TokenRequest {
  dataDir?: string;
  config?: ServerConfig;
}

export async function issueRobotToken(options: IssueOptions): Promise<string> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const config = options.config ?? defaultConfig();
  if (dataDir === ':memory:') {
    throw new Error('DATA_DIR=:memory: has no file another process could share; use a folder');
  }
  if (!config.areas.some((area) => area.id === options.areaId)) {
    const known = config.areas.map((area) => area.id).join(', ');
    throw new Error(
      `area: workspace ${config.workspace} has no area ${options.areaId} (has ${known})`,
    );
  }
  const store = openStore(dataDir);
  try {
    const tokens = new RobotTokens(new RobotStore(store), config.workspace);
    return await tokens.issue(options);
  } finally {
    store.close();
  }
}
