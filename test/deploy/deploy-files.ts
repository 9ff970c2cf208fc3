import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

/** How to install what the deployment tests run (also done by scripts/setup.sh). */
export const INSTALL_HINT = 'run `bash scripts/setup.sh` as root (it installs docker-compose and yamllint)';

/** The repository root: the first folder above the compiled test holding docker-compose.yml. */
export function repoRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'docker-compose.yml')) && existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error('docker-compose.yml not found above the test');
}

/** The folder the build wrote (it holds src/cli/main.js), wherever --outDir put it. */
export function buildRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function repoFile(path: string): string {
  return readFileSync(join(repoRoot(), path), 'utf8');
}

/** Every YAML document of a file, failing on the first syntax error. */
export function yamlDocuments(path: string, options: { merge?: boolean } = {}): Record<string, unknown>[] {
  return parseAllDocuments(repoFile(path), { merge: options.merge ?? false }).map((doc, index) => {
    if (doc.errors.length > 0) throw new Error(`${path} document ${index + 1}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as Record<string, unknown>;
  }).filter((doc) => doc !== null);
}

/** Runs a tool; `missing` is set when it is not installed (ENOENT), so a test can skip. */
export function runTool(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> & { missing: boolean } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, ...options });
  return Object.assign(result, { missing: (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' });
}

/** A TCP port free on loopback right now (with the next one too when `pair` is set). */
export async function freePort(pair = false): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await listenOnce(0);
    if (!pair || (await listenOnce(port + 1).then(() => true, () => false))) return port;
  }
  throw new Error('no free pair of loopback ports found');
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });
}

/** Polls `url` until it answers 200, or fails after `timeoutMs` naming what it waited for. */
export async function waitForOk(url: string, timeoutMs: number, what: string, headers: Record<string, string> = {}): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
      if (response.ok) return response;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer 200 at ${url} within ${timeoutMs} ms (last: ${last})`);
}
