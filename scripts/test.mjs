// `npm test`: every check CI runs, in order, stopping at the first failure.
// Static checks first (fast), then the build and its size budget, then the test suites.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const hasFiles = (dir, pattern) =>
  existsSync(dir) &&
  readdirSync(dir, { recursive: true }).some((name) => pattern.test(String(name)));

const stages = [
  ['lint', ['run', 'lint']],
  ['typecheck', ['run', 'typecheck']],
  ['build', ['run', 'build']],
  ['size', ['run', 'size']],
  // The packed tarball in fresh React, Vue and Lit apps (needs the build above; ~10 s).
  ['package tests', ['run', 'test:package'], () => hasFiles('test/package', /\.test\.ts$/)],
  ['server tests', ['run', 'test:server'], () => hasFiles('test/server', /\.test\.ts$/)],
  [
    'browser tests',
    ['run', 'test:browser'],
    () => hasFiles('test/client', /\.test\.ts$/) || hasFiles('test/components', /\.test\.ts$/),
  ],
  ['end-to-end tests', ['run', 'test:e2e'], () => hasFiles('test/e2e', /\.spec\.ts$/)],
];

for (const [name, args, isWanted = () => true] of stages) {
  if (!isWanted()) {
    console.log(`\n== ${name}: no tests yet, skipped`);
    continue;
  }
  console.log(`\n== ${name}`);
  const started = Date.now();
  const { status } = spawnSync('npm', args, { stdio: 'inherit' });
  console.log(
    `== ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (status !== 0) process.exit(status ?? 1);
}
