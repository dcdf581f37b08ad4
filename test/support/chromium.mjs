// Where the test runners find Chromium: CHROME_PATH, else Debian's /usr/bin/chromium. Browsers are
// never downloaded by a test tool here, so a missing one is a setup error with a clear fix.
import { existsSync } from 'node:fs';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function chromiumPath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      "No Chromium found. Set CHROME_PATH to a Chromium binary, or install Debian's package: " +
        'apt-get update && apt-get install -y chromium',
    );
  }
  return found;
}
