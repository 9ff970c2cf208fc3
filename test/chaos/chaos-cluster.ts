import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, stopProcess, waitFor } from '../../src/bootstrap/child-process.js';

/** The CLI of the same build as this file (dist/test/chaos -> dist/src/cli). */
const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

/**
 * A redis-server the harness owns: AOF on (appendfsync everysec) in its own
 * folder, killable with any signal and restartable on the same port and files.
 */
export class ChaosRedis {
  private child: ChildProcess | undefined;
  private constructor(readonly port: number, private readonly dir: string) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(dir: string): Promise<ChaosRedis> {
    mkdirSync(dir, { recursive: true });
    const redis = new ChaosRedis(await freePort(), dir);
    await redis.start();
    return redis;
  }

  async start(): Promise<void> {
    this.child = spawn('redis-server', [
      '--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'everysec',
      '--save', '', '--maxmemory-policy', 'noeviction', '--logfile', join(this.dir, 'redis.log'),
    ], { stdio: 'ignore' });
    await waitFor(async () => (await this.ping()), 15_000, `redis-server on ${this.port}`);
  }

  /** Kills the server with `signal` (SIGKILL loses up to a second of writes, as a crash would). */
  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  async close(): Promise<void> {
    if (this.child) await stopProcess(this.child, 5000);
    this.child = undefined;
  }

  private async ping(): Promise<boolean> {
    const { connect } = await import('node:net');
    return new Promise((resolve) => {
      const socket = connect(this.port, '127.0.0.1');
      socket.setTimeout(500);
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
  }
}

/** Settings every worker process of a run shares (environment variables of the CLI). */
export type WorkerEnv = Record<string, string>;

/** One `trawl worker` child process slot: killed and restarted by the harness. */
export class WorkerSlot {
  private child: ChildProcess | undefined;
  private output = '';
  starts = 0;

  constructor(readonly name: string, private readonly env: WorkerEnv) {}

  start(): void {
    this.starts += 1;
    const child = spawn(process.execPath, [CLI, 'worker'], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (d: Buffer): void => {
      this.output = (this.output + d.toString()).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.child = child;
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The tail of its logs (all incarnations), for failure reports. */
  logs(): string {
    return this.output;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child) await stopProcess(child, 20_000);
  }
}

/** FerretDB (the Mongo store in tests) on a fixed port, stopped and started again on the same data. */
export class ChaosFerret {
  private child: ChildProcess | undefined;
  private constructor(readonly port: number, private readonly dir: string, private readonly binary: string) {}

  url(database: string): string {
    return `mongodb://127.0.0.1:${this.port}/${database}`;
  }

  static async start(dir: string, binary: string): Promise<ChaosFerret> {
    mkdirSync(dir, { recursive: true });
    const ferret = new ChaosFerret(await freePort(), dir, binary);
    await ferret.start();
    return ferret;
  }

  async start(): Promise<void> {
    this.child = spawn(this.binary, [`--listen-addr=127.0.0.1:${this.port}`, `--sqlite-dir=${this.dir}`], { stdio: 'ignore' });
    const { connect } = await import('node:net');
    await waitFor(() => new Promise<boolean>((done) => {
      const socket = connect(this.port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    }), 20_000, `FerretDB on ${this.port}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child) await stopProcess(child, 5000);
  }
}
