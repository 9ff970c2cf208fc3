import { MetricsTime, Worker } from 'bullmq';
import { duplicateRedis, type RedisClient } from '../queue/redis-connection.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { WorkerRegistry } from '../domain/ports/worker-registry.port.js';
import { JobAbortListener } from '../queue/job-abort-channel.js';
import { ALL_QUEUES } from '../queue/queue-names.js';
import { BusyWindow } from '../observability/busy-window.js';
import { WorkerHeartbeat } from './worker-heartbeat.js';

export interface WorkerHostOptions {
  connection: RedisClient;
  prefix: string;
  concurrency: number;
  shutdownTimeoutMs: number;
  logger: Logger;
  processor: ConstructorParameters<typeof Worker>[1];
  /**
   * Lock of an active job, renewed every half of it while the process lives.
   * A worker killed mid-job stops renewing: once the lock expires, the next
   * stalled-job check (every `stalledIntervalMs`, in any live worker) moves
   * the job back to waiting and another worker runs it. Default 30 s.
   */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs. Default 15 s: a dead worker's jobs return within lock + interval. */
  stalledIntervalMs?: number;
  /** Stalls a job survives before it fails ("job stalled more than allowable limit"). Default 2. */
  maxStalledCount?: number;
  /** Where this process announces itself (id, host, concurrency, active jobs); without it no heartbeat is written. */
  registry?: WorkerRegistry;
  /** How often the heartbeat is written; it expires after three of these. Default 5 s. */
  heartbeatMs?: number;
  /** Sliding window of `busyRatio()`. Default 60 s. */
  busyWindowMs?: number;
}

export const DEFAULT_LOCK_DURATION_MS = 30_000;
export const DEFAULT_STALLED_INTERVAL_MS = 15_000;
export const DEFAULT_MAX_STALLED_COUNT = 2;

/**
 * Runs BullMQ workers on every trawl queue in this process. `close()` stops
 * taking jobs and waits for the active ones; past the shutdown timeout it
 * forces the close, and the unfinished jobs stall and are picked up again by
 * another worker (or this one after a restart): nothing is lost.
 */
export class WorkerHost {
  private readonly workers: Worker[];
  /** BullMQ never closes a connection it was given, so the host owns and closes its duplicates. */
  private readonly connections: RedisClient[] = [];
  private closing: Promise<void> | undefined;
  /** Aborts a job on request from any API process (cancelJob): BullMQ only cancels jobs of its own process. */
  private readonly aborts: JobAbortListener;
  private listening: Promise<void> | undefined;
  private readonly heartbeat: WorkerHeartbeat | undefined;
  /** Jobs inside the processor right now, in this process. */
  private running = 0;
  /** Time jobs spent in the processor over the recent window. */
  private readonly busy: BusyWindow;

  constructor(private readonly options: WorkerHostOptions) {
    this.busy = new BusyWindow(options.busyWindowMs ?? 60_000);
    this.aborts = new JobAbortListener(options.connection, options.prefix, (jobId, reason) => this.abort(jobId, reason), options.logger);
    this.heartbeat = options.registry
      ? new WorkerHeartbeat({ registry: options.registry, intervalMs: options.heartbeatMs, concurrency: options.concurrency, queues: [...ALL_QUEUES], activeJobs: () => this.activeJobs(), logger: options.logger })
      : undefined;
    this.workers = ALL_QUEUES.map((name) => {
      const connection = duplicateRedis(options.connection);
      // Errors while Redis is away surface as the worker's 'error' events below; duplicates have no listener of their own.
      connection.on('error', () => undefined);
      this.connections.push(connection);
      const worker = new Worker(name, this.counted(options.processor), {
        connection,
        prefix: options.prefix,
        concurrency: options.concurrency,
        autorun: false,
        lockDuration: options.lockDurationMs ?? DEFAULT_LOCK_DURATION_MS,
        stalledInterval: options.stalledIntervalMs ?? DEFAULT_STALLED_INTERVAL_MS,
        maxStalledCount: options.maxStalledCount ?? DEFAULT_MAX_STALLED_COUNT,
        // Per-minute completed/failed counts for queueStats (kept a week).
        metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
      });
      worker.on('error', (error) => options.logger.warn({ err: error, queue: name }, 'worker error'));
      worker.on('stalled', (jobId) => options.logger.warn({ jobId, queue: name }, 'job stalled; it will be retried'));
      return worker;
    });
  }

  start(): void {
    for (const worker of this.workers) {
      worker.run().catch((error: unknown) => this.options.logger.error({ err: error }, 'worker stopped unexpectedly'));
    }
    this.listening ??= this.aborts.start().catch((error: unknown) => this.options.logger.error({ err: error }, 'cannot listen for job abort requests'));
    this.heartbeat?.start();
  }

  async waitUntilReady(): Promise<void> {
    await Promise.all([...this.workers.map((w) => w.waitUntilReady()), this.listening, this.heartbeat?.ready()]);
  }

  /** This process's id in the worker registry (undefined without a registry). */
  get workerId(): string | undefined {
    return this.heartbeat?.id;
  }

  /** Aborts the job if this process runs it; the processor sees its AbortSignal fire with `reason`. */
  private abort(jobId: string, reason: string): void {
    for (const worker of this.workers) {
      if (worker.cancelJob(jobId, reason)) this.options.logger.info({ jobId, queue: worker.name }, 'aborting a job on request');
    }
  }

  /** Number of jobs running in this process right now. */
  activeJobs(): number {
    return this.running;
  }

  /** Busy share of the configured concurrency over the recent window (0..1): time in jobs / (concurrency x time). */
  busyRatio(): number {
    return this.busy.ratio(this.options.concurrency);
  }

  /** The processor, counting the jobs inside it (three parameters kept: BullMQ passes the AbortSignal only to such processors). */
  private counted(processor: WorkerHostOptions['processor']): WorkerHostOptions['processor'] {
    if (typeof processor !== 'function') return processor;
    return async (job, token, signal) => {
      this.running += 1;
      const ended = this.busy.begin();
      try {
        return await processor(job, token, signal);
      } finally {
        this.running -= 1;
        ended();
      }
    };
  }

  /** Idempotent graceful close. */
  close(): Promise<void> {
    this.closing ??= this.closeWorkers();
    return this.closing;
  }

  private async closeWorkers(): Promise<void> {
    const graceful = Promise.allSettled(this.workers.map((w) => w.close()));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.shutdownTimeoutMs);
    });
    const outcome = await Promise.race([graceful.then(() => 'done' as const), timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.options.logger.warn({ activeJobs: this.activeJobs() }, 'shutdown timeout: handing active jobs back to the queue');
      await Promise.allSettled(this.workers.map((w) => w.close(true)));
    }
    await this.aborts.close();
    await this.heartbeat?.close();
    for (const connection of this.connections) connection.disconnect();
  }
}
