/**
 * One server per data folder. Two servers on one SQLite file both start and split the live state
 * (a visitor on one never reaches the other's queue), so the second one must refuse to start. The
 * lock is a `server.lock` file holding the owner's pid: a lock whose process is gone (a crash, a
 * kill -9) is taken over, a live one stops the start with a message saying what to do.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'server.lock';
/** Locks this process holds: a second server in the same process is refused as well. */
const heldHere = new Set<string>();

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another chat server (pid ${pid}) is already using the data folder ${dataDir}. ` +
        'Stop it first, or give this one its own folder (DATA_DIR=…).',
    );
    this.name = 'DataDirLockedError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock (the folder must exist); returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  if (dataDir === ':memory:') return () => undefined;
  const path = join(dataDir, LOCK_FILE);
  if (heldHere.has(path)) throw new DataDirLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new DataDirLockedError(dataDir, owner);
      }
      // A lock left by a process that is gone: take it over.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}.`);
}
