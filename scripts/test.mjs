#!/usr/bin/env node
// The test command: type-check and build, architecture check, then every test
// file under node's test runner against one real redis-server (and FerretDB
// for the Mongo adapter unless MONGO_URL is set). Ends with "N passed, N failed".
// Usage: npm test [-- name-filter ...]
import { spawnSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const cacheDir = join(root, '.cache');
const runDir = join(cacheDir, 'test-run');

function step(name, command, args) {
  process.stdout.write(`\n== ${name}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stdout.write(`\n${name} failed\n0 passed, 1 failed\n`);
    process.exit(1);
  }
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findTests(path);
    return entry.name.endsWith('.test.js') ? [path] : [];
  });
}

step('type-check and build', 'npx', ['tsc', '-p', 'tsconfig.json']);
if (filters.length === 0) step('architecture check', 'npm', ['run', '--silent', 'arch']);

rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });
const { startTestServices } = await import(join(root, 'dist/test/support/services.js'));
const services = await startTestServices(runDir);

const files = findTests(join(root, 'dist/test'))
  .filter((file) => filters.length === 0 || filters.some((f) => relative(root, file).includes(f)))
  .sort();
const tapFile = join(runDir, 'results.tap');
process.stdout.write(`\n== tests (${files.length} files)\n`);
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, [
    '--test', `--test-concurrency=${process.env.TRAWL_TEST_CONCURRENCY ?? 2}`,
    // A test file that never ends (a child process or timer left behind) is cancelled and counted as a failure
    // instead of holding the run until CI gives up; the slowest file takes about a minute.
    `--test-timeout=${process.env.TRAWL_TEST_TIMEOUT_MS ?? 600_000}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ], { cwd: root, stdio: 'inherit', env: { ...process.env, ...services.env } });
  child.on('exit', (status) => resolve(status ?? 1));
});
await services.stop();

const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
const count = (key) => Number((tap.match(new RegExp(`^# ${key} (\\d+)$`, "m")) ?? [])[1] ?? 0);
const passed = count('pass');
const failed = count('fail') + count('cancelled');
const skipped = count('skipped') + count('todo');
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(code !== 0 || failed > 0 || passed === 0 ? 1 : 0);
