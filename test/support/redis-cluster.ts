import { execFile, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, spawnService, stopProcess, waitFor } from '../../src/bootstrap/child-process.js';
import { tempDir } from './env.js';

const run = promisify(execFile);

/** A throwaway Redis Cluster of masters only, on loopback, for one test file. */
export interface TestRedisCluster {
  /** `redis://127.0.0.1:p1,127.0.0.1:p2,...`: every node as a seed. */
  url: string;
  ports: number[];
  /** Runs redis-cli against one node (default: the first) and returns its output. */
  cli(args: string[], port?: number): Promise<string>;
  /** Stops every node and removes the folder. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts `masters` redis-servers in cluster mode (no persistence, free data
 * and bus ports), joins them with `redis-cli --cluster create` and waits for
 * `cluster_state:ok` on every node. A failure part-way stops what started.
 */
export async function startRedisCluster(masters = 3): Promise<TestRedisCluster> {
  const dir = tempDir('trawl-cluster-');
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await Promise.allSettled(children.map((child) => stopProcess(child, 3_000)));
    await rm(dir, { recursive: true, force: true });
  };
  const cli = async (args: string[], port = ports[0]!): Promise<string> => (await run('redis-cli', ['-p', String(port), ...args], { timeout: 20_000 })).stdout;
  try {
    const outputs: (() => string)[] = [];
    for (let i = 0; i < masters; i++) {
      const port = await freePort();
      const busPort = await freePort();
      ports.push(port);
      const service = spawnService('redis-server', [
        '--port', String(port), '--cluster-port', String(busPort), '--bind', '127.0.0.1', '--dir', dir,
        '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--cluster-node-timeout', '5000',
        '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--maxmemory-policy', 'noeviction',
      ], `redis-server ${port}`);
      children.push(service.child);
      outputs.push(service.output);
    }
    for (const [i, port] of ports.entries()) {
      await waitFor(async () => (await cli(['ping'], port)).trim() === 'PONG', 10_000, `redis-server on ${port}: ${outputs[i]!()}`);
    }
    await run('redis-cli', ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 30_000 });
    for (const port of ports) {
      await waitFor(async () => /cluster_state:ok/.test(await cli(['cluster', 'info'], port)), 30_000, `cluster_state:ok on ${port}`);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { url: `redis://${ports.map((port) => `127.0.0.1:${port}`).join(',')}`, ports, cli, close };
}
