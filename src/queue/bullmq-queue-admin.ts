import type { Job, Metrics, Queue } from 'bullmq';
import type { RedisClient } from './redis-connection.js';
import { TrawlError, notFound } from '../domain/errors.js';
import type { JobData } from '../domain/job-data.js';
import type { CleanableState, QueueAdmin, QueueJobSnapshot, QueueStats, RemoveOutcome } from '../domain/ports/job-queue.port.js';
import { snapshot, type BullmqJobQueue } from './bullmq-job-queue.js';
import { publishJobAbort } from './job-abort-channel.js';
import { ALL_QUEUES, type QueueName } from './queue-names.js';

const MINUTE_MS = 60_000;

/**
 * The queue admin port on BullMQ, sharing the job queue's Queue objects (one
 * producer connection). Throughput comes from BullMQ's per-minute metrics,
 * which every worker records (`metrics` worker option, see WorkerHost).
 */
export class BullmqQueueAdmin implements QueueAdmin {
  constructor(private readonly jobs: BullmqJobQueue, private readonly connection: RedisClient, private readonly prefix: string) {}

  queueNames(): readonly string[] {
    return ALL_QUEUES;
  }

  async stats(): Promise<QueueStats[]> {
    return this.guard('read queue counts', () => Promise.all(ALL_QUEUES.map((name) => this.statsOf(name))));
  }

  async pause(queue: string): Promise<void> {
    await this.guard(`pause ${queue}`, () => this.queue(queue).pause());
  }

  async resume(queue: string): Promise<void> {
    await this.guard(`resume ${queue}`, () => this.queue(queue).resume());
  }

  async clean(queue: string, state: CleanableState, olderThanMs: number, limit: number): Promise<string[]> {
    return this.guard(`clean ${queue}`, () => this.queue(queue).clean(olderThanMs, limit, state === 'waiting' ? 'wait' : state));
  }

  async remove(id: string): Promise<RemoveOutcome> {
    const found = await this.find(id);
    if (!found) return { removed: false, reason: 'missing' };
    const before = await snapshot(found.job, found.queue.name);
    if (before.state === 'active') return { removed: false, reason: 'active', snapshot: before };
    if (before.state === 'waiting-children') return { removed: false, reason: 'has-children', snapshot: before };
    const removed = await this.guard(`remove job ${id}`, () => found.queue.remove(id, { removeChildren: false }));
    if (removed === 1) return { removed: true, snapshot: before };
    const after = await this.find(id);
    if (!after) return { removed: false, reason: 'missing' };
    return { removed: false, reason: 'locked', snapshot: await snapshot(after.job, after.queue.name) };
  }

  async promote(id: string): Promise<QueueJobSnapshot> {
    const found = await this.find(id);
    if (!found) throw notFound('Job', id);
    const before = await snapshot(found.job, found.queue.name);
    if (before.state !== 'delayed') throw new TrawlError('CONFLICT', `Job ${id} is ${before.state}, not delayed; only a delayed job can be promoted`, { id });
    try {
      await found.job.promote();
    } catch (error) {
      throw new TrawlError('CONFLICT', `Job ${id} could not be promoted: ${(error as Error).message}`, { id }, { cause: error });
    }
    return { ...before, state: 'waiting' };
  }

  async requestAbort(id: string, reason: string): Promise<void> {
    await this.guard(`abort job ${id}`, () => publishJobAbort(this.connection, this.prefix, id, reason));
  }

  private async statsOf(name: QueueName): Promise<QueueStats> {
    const queue = this.jobs.queue(name);
    const [counts, isPaused, completed, failed] = await Promise.all([
      queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized', 'waiting-children'),
      queue.isPaused(),
      queue.getMetrics('completed', 0, 0),
      queue.getMetrics('failed', 0, 0),
    ]);
    const now = Date.now();
    const count = (key: string): number => counts[key] ?? 0;
    return {
      name, isPaused, at: new Date(now),
      counts: {
        waiting: count('waiting'), active: count('active'), completed: count('completed'), failed: count('failed'),
        delayed: count('delayed'), prioritized: count('prioritized'), waitingChildren: count('waiting-children'),
      },
      processedPerMinute: perMinute(completed, now),
      failedPerMinute: perMinute(failed, now),
    };
  }

  private queue(name: string): Queue {
    if (!(ALL_QUEUES as readonly string[]).includes(name)) throw new TrawlError('INVALID_INPUT', `${name} is not a queue`, { field: 'queue' });
    return this.jobs.queue(name as QueueName);
  }

  private async find(id: string): Promise<{ job: Job<JobData>; queue: Queue } | undefined> {
    return this.guard(`read job ${id}`, async () => {
      for (const name of ALL_QUEUES) {
        const queue = this.jobs.queue(name);
        const job = (await queue.getJob(id)) as Job<JobData> | undefined;
        if (job) return { job, queue };
      }
      return undefined;
    });
  }

  private async guard<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof TrawlError) throw error;
      throw new TrawlError('QUEUE_UNAVAILABLE', `Cannot ${what}: ${(error as Error).message}`, {}, { cause: error });
    }
  }
}

/**
 * Jobs over about the last 60 s from BullMQ's per-minute metrics, as a
 * sliding window: this minute's count so far plus the previous minute's,
 * weighted by how much of it still lies within the last 60 s.
 * BullMQ keeps `count` (all time), `prevCount` (the count when the minute of
 * `prevTS` began) and `data[0]` (the minute before that one).
 */
export function perMinute(metrics: Metrics, now: number): number {
  const { count, prevCount, prevTS } = metrics.meta;
  if (!prevTS) return count;
  const thisMinute = Math.floor(now / MINUTE_MS);
  const metricsMinute = Math.floor(prevTS / MINUTE_MS);
  let current = 0;
  let previous = 0;
  if (metricsMinute === thisMinute) {
    current = count - prevCount;
    previous = metrics.data[0] ?? 0;
  } else if (metricsMinute === thisMinute - 1) {
    previous = count - prevCount;
  }
  const elapsed = (now % MINUTE_MS) / MINUTE_MS;
  return Math.round((current + previous * (1 - elapsed)) * 10) / 10;
}
