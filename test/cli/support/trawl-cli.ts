import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { SqliteStore } from '../../../src/storage/sqlite/sqlite-store.js';
import type { Store } from '../../../src/domain/ports/storage.port.js';
import { tempDir, testRedisUrl, uniqueName } from '../../support/env.js';

export const CLI = new URL('../../../src/cli/main.js', import.meta.url).pathname;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A running CLI process whose output is collected. */
export interface CliProcess {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exited: Promise<CliRun>;
}

/** Environment of one isolated CLI run: the test Redis, a fresh queue prefix and data dir, loopback targets allowed. */
export function cliEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    REDIS_URL: testRedisUrl(), TRAWL_QUEUE_PREFIX: uniqueName('cli'), TRAWL_DATA_DIR: tempDir('trawl-cli-'),
    TRAWL_ALLOW_PRIVATE_NETWORK: 'true', TRAWL_CAMPAIGN_RATE_LIMIT_DELAY_MS: '0', TRAWL_CLI_LOG_LEVEL: 'error', LOG_LEVEL: 'silent',
    TRAWL_SHUTDOWN_TIMEOUT_MS: '5000', ...overrides,
  };
}

export function startCli(args: string[], env: Record<string, string>, command: string = process.execPath, argv?: string[]): CliProcess {
  const child = spawn(command, argv ?? [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr })));
  return { child, output: () => ({ stdout, stderr }), exited };
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return startCli(args, env).exited;
}

/** The SQLite store a CLI run wrote (its data dir). */
export async function openStoreOf(env: Record<string, string>): Promise<Store> {
  return SqliteStore.open({ file: join(env.TRAWL_DATA_DIR!, 'trawl.sqlite') });
}
