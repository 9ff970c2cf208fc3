import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { freePort, spawnService, stopProcess, waitFor } from './child-process.js';

export interface LocalRedisOptions {
  /** Folder for the AOF and RDB files. */
  dir: string;
  binary?: string;
  port?: number;
  /** Append-only file on (seed 000: jobs survive Redis restarts). Default true. */
  appendOnly?: boolean;
}

/**
 * A private redis-server on loopback, for single-machine mode and tests:
 * free port, AOF on, files under the data dir, stopped by `close()`.
 */
export class LocalRedis {
  readonly url: string;
  readonly port: number;
  private child: ChildProcess | undefined;
  private output: () => string = () => '';

  private constructor(private readonly options: Required<LocalRedisOptions>) {
    this.port = options.port;
    this.url = `redis://127.0.0.1:${options.port}`;
  }

  static async start(options: LocalRedisOptions): Promise<LocalRedis> {
    const port = options.port ?? (await freePort());
    const redis = new LocalRedis({ binary: 'redis-server', appendOnly: true, ...options, dir: resolve(options.dir), port });
    await redis.start();
    return redis;
  }

  /** Starts (or restarts) the server on the same port and data files. */
  async start(): Promise<void> {
    if (this.child && this.child.exitCode === null) return;
    await mkdir(this.options.dir, { recursive: true });
    const args = [
      '--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.options.dir,
      '--appendonly', this.options.appendOnly ? 'yes' : 'no', '--appendfsync', 'everysec',
      '--save', '', '--daemonize', 'no', '--protected-mode', 'yes',
      '--maxmemory-policy', 'noeviction', '--logfile', join(this.options.dir, 'redis.log'),
    ];
    const service = spawnService(this.options.binary, args, 'redis-server');
    this.child = service.child;
    this.output = service.output;
    try {
      await waitFor(() => this.answersPing(), 10_000, `redis-server on port ${this.port}`);
    } catch (error) {
      await stopProcess(service.child, 1000);
      throw new Error(`${(error as Error).message}. Is redis-server installed? Output: ${this.output() || '(none)'}`);
    }
  }

  /** Stops the server; `start()` brings it back with its data (AOF). */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child) await stopProcess(child);
  }

  /** Idempotent. */
  async close(): Promise<void> {
    await this.stop();
  }

  private answersPing(): Promise<boolean> {
    return new Promise((resolvePing) => {
      const socket = connect(this.port, '127.0.0.1');
      socket.setTimeout(500);
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolvePing(data.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolvePing(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolvePing(false);
      });
    });
  }
}
