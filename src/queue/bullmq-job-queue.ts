import { Queue, type Job } from 'bullmq';
import type { RedisClient } from './redis-connection.js';
import type { JobData, JobPriority } from '../domain/job-data.js';
import type { EnqueuedJob, EnqueueOptions, JobQueue, QueueJobSnapshot, QueueJobState } from '../domain/ports/job-queue.port.js';
import { TrawlError } from '../domain/errors.js';
import type { Logger } from '../domain/ports/logger.port.js';
import { ALL_QUEUES, queueForPriority, type QueueName } from './queue-names.js';
import { defaultJobOptions, jobOptions, type RetentionOptions } from './job-options.js';
import { whenReady } from './redis-connection.js';

export interface BullmqJobQueueOptions {
  connection: RedisClient;
  prefix: string;
  retention?: RetentionOptions;
  logger: Logger;
}

/** The queue port on BullMQ: `scraping` and `scraping-urgent`, sharing one producer connection. */
export class BullmqJobQueue implements JobQueue {
  private readonly queues: Map<QueueName, Queue>;
  private closed = false;

  constructor(private readonly options: BullmqJobQueueOptions) {
    this.queues = new Map(ALL_QUEUES.map((name) => {
      const queue = new Queue(name, { connection: options.connection, prefix: options.prefix, defaultJobOptions: defaultJobOptions(options.retention) });
      queue.on('error', (error) => options.logger.warn({ err: error, queue: name }, 'queue connection error'));
      return [name, queue];
    }));
  }

  async start(): Promise<void> {
    await whenReady(this.options.connection);
    await Promise.all([...this.queues.values()].map((q) => q.waitUntilReady()));
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`Unknown queue ${name}`);
    return queue;
  }

  queueFor(priority: JobPriority): string {
    return queueForPriority(priority);
  }

  /** BullMQ's name of a queue including the prefix (what a flow parent reference needs). */
  qualifiedName(queue: string): string {
    return `${this.options.prefix}:${queue}`;
  }

  async enqueue(jobs: readonly JobData[], options: EnqueueOptions = {}): Promise<EnqueuedJob[]> {
    const parent = options.parent ? { id: options.parent.id, queue: this.qualifiedName(options.parent.queue) } : undefined;
    const byQueue = new Map<QueueName, JobData[]>();
    for (const data of jobs) {
      const name = queueForPriority(data.priority);
      const list = byQueue.get(name) ?? [];
      list.push(data);
      byQueue.set(name, list);
    }
    try {
      await Promise.all([...byQueue].map(([name, list]) =>
        this.queue(name).addBulk(list.map((data) => ({ name: data.type, data, opts: jobOptions(data, parent) })))));
    } catch (error) {
      throw new TrawlError('QUEUE_UNAVAILABLE', `Cannot enqueue: ${(error as Error).message}`, {}, { cause: error });
    }
    return jobs.map((data) => ({ id: data.jobId, queue: queueForPriority(data.priority) }));
  }

  async getJob(id: string): Promise<QueueJobSnapshot | null> {
    try {
      for (const queue of this.queues.values()) {
        const job = (await queue.getJob(id)) as Job<JobData> | undefined;
        if (job) return await snapshot(job, queue.name, async () => (await queue.getJob(id)) as Job<JobData> | undefined);
      }
      return null;
    } catch (error) {
      throw new TrawlError('QUEUE_UNAVAILABLE', `Cannot read job ${id}: ${(error as Error).message}`, {}, { cause: error });
    }
  }

  async ping(): Promise<void> {
    await this.options.connection.ping();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}

/** A job as the queue port describes it. */
export async function snapshot(read: Job<JobData>, queue: string, reload?: () => Promise<Job<JobData> | undefined>): Promise<QueueJobSnapshot> {
  const state = (await read.getState()) as QueueJobState;
  // The job may have finished between reading it and reading its state: a finished state needs the finished job (attempts, reason, result).
  const job = (state === 'failed' || state === 'completed') && !read.finishedOn ? ((await reload?.()) ?? read) : read;
  const progress = state === 'completed' ? 100 : typeof job.progress === 'number' ? job.progress : 0;
  const result: QueueJobSnapshot = {
    id: job.id ?? '',
    queue,
    type: job.data.type,
    data: job.data,
    state,
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    progress,
    createdAt: new Date(job.timestamp),
  };
  if (job.failedReason) result.failedReason = job.failedReason;
  if (job.returnvalue !== undefined && job.returnvalue !== null) result.returnValue = job.returnvalue;
  if (job.processedOn) result.processedAt = new Date(job.processedOn);
  if (job.finishedOn) result.finishedAt = new Date(job.finishedOn);
  return result;
}
