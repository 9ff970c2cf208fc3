import { TrawlError, invalidInput, notFound } from '../errors.js';
import type { Logger } from '../ports/logger.port.js';
import { CLEANABLE_STATES, type CleanableState, type QueueAdmin, type QueueJobState, type QueueStats } from '../ports/job-queue.port.js';
import type { WorkerInfo, WorkerRegistry } from '../ports/worker-registry.port.js';
import type { JobService, JobView, JobViewState } from './job.service.js';
import { cancellationReason, type JobCancellation } from './job-cancellation.js';
import { clampIntervalMs, SharedPoller } from './shared-poll.feed.js';

/** States in which a job has not started yet: cancelling it removes it from the queue. */
const NOT_STARTED: readonly QueueJobState[] = ['waiting', 'prioritized', 'delayed'];
const ENDED: readonly JobViewState[] = ['completed', 'failed', 'cancelled'];

/** Largest `limit` of one clean call. */
export const MAX_CLEAN_LIMIT = 10_000;
/** Default interval of `workerStatus` feeds. */
export const DEFAULT_WORKER_FEED_MS = 2_000;

export interface QueueAdminDeps {
  admin: QueueAdmin;
  registry: WorkerRegistry;
  jobs: JobService;
  cancellation: JobCancellation;
  logger: Logger;
}

/** What `cancel` did: removed a job that had not started, or asked the worker running it to abort it. */
export interface CancelOutcome {
  id: string;
  outcome: 'CANCELLED' | 'ABORT_REQUESTED';
  previousState: JobViewState;
  job: JobView | null;
}

export interface RemoveResult {
  id: string;
  previousState: JobViewState;
}

export interface CleanResult {
  queue: string;
  state: CleanableState;
  jobIds: string[];
}

/**
 * Operating the queues and the workers: counts and live counts, the worker
 * registry, pause/resume, cleaning, and the single-job actions (cancel,
 * remove, promote). Storage stays consistent with Redis: a job taken out of
 * the queue before it ran is recorded as CANCELLED (and skipped in its
 * campaign's ledger), so nothing waits for it and the reconciler does not
 * re-create it.
 */
export class QueueAdminService {
  private readonly statsFeed: SharedPoller<QueueStats[]>;
  private readonly workersFeed: SharedPoller<WorkerInfo[]>;

  constructor(private readonly deps: QueueAdminDeps) {
    const onError = (what: string) => (error: unknown) => deps.logger.warn({ err: error }, `could not read ${what} for a live feed`);
    this.statsFeed = new SharedPoller(() => deps.admin.stats(), onError('queue stats'));
    this.workersFeed = new SharedPoller(() => deps.registry.list(), onError('workers'));
  }

  queues(): Promise<QueueStats[]> {
    return this.deps.admin.stats();
  }

  workers(): Promise<WorkerInfo[]> {
    return this.deps.registry.list();
  }

  /** Queue stats every `intervalMs` (clamped to 500 ms .. 60 s); one poll loop per interval in this process. */
  watchQueues(intervalMs: number | null | undefined): AsyncIterableIterator<QueueStats[]> {
    return this.statsFeed.subscribe(clampIntervalMs(intervalMs, 1_000));
  }

  /** The live workers every `intervalMs` (clamped to 500 ms .. 60 s). */
  watchWorkers(intervalMs: number | null | undefined): AsyncIterableIterator<WorkerInfo[]> {
    return this.workersFeed.subscribe(clampIntervalMs(intervalMs, DEFAULT_WORKER_FEED_MS));
  }

  /** Running feed loops (intervals and subscriber counts). */
  liveFeeds(): { queues: { intervalMs: number; subscribers: number }[]; workers: { intervalMs: number; subscribers: number }[] } {
    return { queues: this.statsFeed.activeLoops(), workers: this.workersFeed.activeLoops() };
  }

  async pause(queue: string, field = 'queue'): Promise<QueueStats> {
    await this.deps.admin.pause(this.queueName(queue, field));
    return this.statsOf(queue);
  }

  async resume(queue: string, field = 'queue'): Promise<QueueStats> {
    await this.deps.admin.resume(this.queueName(queue, field));
    return this.statsOf(queue);
  }

  /** Removes up to `limit` jobs in `state` older than `olderThanMs`; jobs that never ran are recorded as cancelled. */
  async clean(queue: string, state: string, olderThanMs: number, limit: number): Promise<CleanResult> {
    const name = this.queueName(queue, 'queue');
    if (!(CLEANABLE_STATES as readonly string[]).includes(state)) throw invalidInput('state', `state ${state} cannot be cleaned; one of ${CLEANABLE_STATES.join(', ')}`);
    if (!Number.isInteger(olderThanMs) || olderThanMs < 0) throw invalidInput('olderThanMs', `olderThanMs must be a whole number of milliseconds >= 0, got ${olderThanMs}`);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CLEAN_LIMIT) throw invalidInput('limit', `limit must be an integer from 1 to ${MAX_CLEAN_LIMIT}, got ${limit}`);
    const cleanable = state as CleanableState;
    const jobIds = await this.deps.admin.clean(name, cleanable, olderThanMs, limit);
    if (NOT_STARTED.includes(cleanable)) {
      for (const id of jobIds) await this.deps.cancellation.record(id, `removed by cleanQueue(${name}, ${cleanable})`);
    }
    return { queue: name, state: cleanable, jobIds };
  }

  /**
   * Cancels a job. One that has not started (waiting, prioritized, delayed) is
   * removed from the queue and recorded as CANCELLED at once. An active one is
   * aborted by the worker running it: it ends failed with code CANCELLED,
   * without retries. An ended job, or a parent waiting for its children, is a
   * CONFLICT.
   */
  async cancel(id: string): Promise<CancelOutcome> {
    const view = await this.deps.jobs.get(id);
    if (!view) throw notFound('Job', id);
    const previousState = view.state;
    if (ENDED.includes(previousState) || previousState === 'unknown') throw new TrawlError('CONFLICT', `Job ${id} has already ended (${previousState})`, { id });
    if (previousState === 'waiting-children') throw new TrawlError('CONFLICT', `Job ${id} waits for its child jobs; cancel its campaign instead`, { id });
    if (previousState !== 'active') {
      const removal = await this.deps.admin.remove(id);
      if (removal.removed || removal.reason === 'missing') {
        await this.deps.cancellation.record(id, 'cancelled on request');
        return { id, outcome: 'CANCELLED', previousState, job: await this.deps.jobs.get(id) };
      }
      if (removal.reason === 'has-children') throw new TrawlError('CONFLICT', `Job ${id} waits for its child jobs; cancel its campaign instead`, { id });
      // It started meanwhile: abort it like any active job.
    }
    await this.deps.admin.requestAbort(id, cancellationReason('cancelled on request'));
    return { id, outcome: 'ABORT_REQUESTED', previousState, job: await this.deps.jobs.get(id) };
  }

  /** Removes a job from Redis. An active job is a CONFLICT (cancel it instead); one that never ran is recorded as cancelled. */
  async remove(id: string): Promise<RemoveResult> {
    const removal = await this.deps.admin.remove(id);
    if (!removal.removed && removal.reason === 'missing') throw notFound('Job', id);
    if (!removal.removed) {
      const why = removal.reason === 'has-children' ? 'waits for its child jobs; cancel its campaign instead' : 'is active; cancel it with cancelJob';
      throw new TrawlError('CONFLICT', `Job ${id} ${why}`, { id });
    }
    const previousState = removal.snapshot.state;
    if (NOT_STARTED.includes(previousState)) await this.deps.cancellation.record(id, 'removed by removeJob');
    return { id, previousState };
  }

  /** Runs a delayed job now. */
  async promote(id: string): Promise<JobView> {
    await this.deps.admin.promote(id);
    const view = await this.deps.jobs.get(id);
    if (!view) throw notFound('Job', id);
    return view;
  }

  /** Ends every live feed. Idempotent. */
  close(): void {
    this.statsFeed.close();
    this.workersFeed.close();
  }

  private async statsOf(queue: string): Promise<QueueStats> {
    const stats = (await this.deps.admin.stats()).find((s) => s.name === queue);
    if (!stats) throw notFound('Queue', queue);
    return stats;
  }

  private queueName(queue: string, field: string): string {
    if (!this.deps.admin.queueNames().includes(queue)) {
      throw invalidInput(field, `${field} ${queue} is not a queue; one of ${this.deps.admin.queueNames().join(', ')}`);
    }
    return queue;
  }
}
