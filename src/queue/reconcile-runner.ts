import { randomBytes } from 'node:crypto';
import type { RedisClient } from './redis-connection.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { ReconcileReport } from '../domain/services/reconciler.service.js';

export interface ReconcileRunnerOptions {
  /** A connection that waits through Redis outages (the worker role's). */
  connection: RedisClient;
  prefix: string;
  /** Time between passes; 0 disables the timer (`runOnce` still works). */
  intervalMs: number;
  /** One reconciliation pass (`ReconcilerService.reconcileAll`). */
  pass: () => Promise<ReconcileReport>;
  logger: Logger;
}

/**
 * Runs the reconciler every `intervalMs` in every worker process, but lets
 * only one process act per interval across all machines: a pass first takes
 * a Redis lock (`SET NX PX`) that expires with the interval and is not
 * released, so the fleet makes one pass per interval and a process that dies
 * mid-pass never blocks the next one.
 */
export class ReconcileRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private closed = false;
  private readonly token = randomBytes(8).toString('hex');

  constructor(private readonly options: ReconcileRunnerOptions) {}

  get lockKey(): string {
    return `${this.options.prefix}:reconciler:lock`;
  }

  start(): void {
    if (this.options.intervalMs <= 0 || this.timer || this.closed) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick().finally(() => (this.running = undefined));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** One pass if this process gets the lock; 'skipped' when another holds it. */
  async runOnce(lockMs = Math.max(this.options.intervalMs - 500, 1_000)): Promise<ReconcileReport | 'skipped'> {
    const taken = await this.options.connection.set(this.lockKey, this.token, 'PX', lockMs, 'NX');
    if (taken !== 'OK') return 'skipped';
    return this.options.pass();
  }

  private async tick(): Promise<void> {
    try {
      const report = await this.runOnce();
      if (report !== 'skipped') this.options.logger.debug({ ...report }, 'reconciler pass');
    } catch (error) {
      this.options.logger.warn({ err: error }, 'reconciler pass failed; the next one tries again');
    }
  }

  /** Idempotent: stops the timer and waits for a pass in progress. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
