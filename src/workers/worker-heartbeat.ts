import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../domain/ports/logger.port.js';
import type { WorkerInfo, WorkerRegistry } from '../domain/ports/worker-registry.port.js';

export const DEFAULT_HEARTBEAT_MS = 5_000;
/** A heartbeat lives this many intervals: one late beat does not make a worker vanish. */
export const HEARTBEAT_TTL_INTERVALS = 3;

export interface WorkerHeartbeatOptions {
  registry: WorkerRegistry;
  intervalMs?: number | undefined;
  concurrency: number;
  queues: string[];
  activeJobs: () => number;
  logger: Logger;
}

/**
 * A worker process's heartbeat in the registry: written at start and every
 * interval with a TTL of three intervals, removed on a graceful close. A
 * killed process simply stops beating and drops out once the TTL passes.
 */
export class WorkerHeartbeat {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly startedAt = new Date();
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private first: Promise<void> | undefined;
  private inflight: Promise<void> = Promise.resolve();
  private closing: Promise<void> | undefined;

  constructor(private readonly options: WorkerHeartbeatOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_HEARTBEAT_MS;
  }

  start(): void {
    if (this.first || this.closing) return;
    this.first = this.beat();
    this.timer = setInterval(() => {
      this.inflight = this.beat();
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Resolves once the first heartbeat was written (or failed and was logged). */
  async ready(): Promise<void> {
    await this.first;
  }

  /** Stops beating and removes this worker from the registry. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.timer);
      await this.first;
      await this.inflight;
      await this.options.registry.remove(this.id).catch((error: unknown) => this.options.logger.warn({ err: error }, 'could not remove the worker heartbeat'));
    })();
    return this.closing;
  }

  private async beat(): Promise<void> {
    if (this.closing) return;
    const info: WorkerInfo = {
      id: this.id, host: hostname(), pid: process.pid, concurrency: this.options.concurrency, activeJobs: this.options.activeJobs(),
      queues: this.options.queues, startedAt: this.startedAt, lastHeartbeatAt: new Date(), version: TRAWL_VERSION,
    };
    await this.options.registry.beat(info, this.intervalMs * HEARTBEAT_TTL_INTERVALS)
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'could not write the worker heartbeat'));
  }
}

/** The version in trawl's package.json (found from this file upwards, in src/ and in dist/ alike). */
export const TRAWL_VERSION = findVersion();

function findVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'trawl' && manifest.version) return manifest.version;
    } catch {
      // not here; look one folder up
    }
    dir = dirname(dir);
  }
  return 'unknown';
}
