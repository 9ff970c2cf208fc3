import type { JobData, JobPriority, JobType } from '../job-data.js';

/** Job states as BullMQ reports them (v6: jobs of a paused queue are `waiting`). */
export const QUEUE_JOB_STATES = ['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed', 'waiting-children', 'unknown'] as const;
export type QueueJobState = (typeof QUEUE_JOB_STATES)[number];

/** A job as the queue knows it right now. */
export interface QueueJobSnapshot {
  id: string;
  queue: string;
  type: JobType;
  data: JobData;
  state: QueueJobState;
  attemptsMade: number;
  maxAttempts: number;
  progress: number;
  failedReason?: string;
  /** What the processor returned (seed 004: fallback when storage has no result). */
  returnValue?: unknown;
  createdAt: Date;
  processedAt?: Date;
  finishedAt?: Date;
}

export interface EnqueuedJob {
  id: string;
  queue: string;
}

/** A job that waits for the jobs added under it (a BullMQ flow parent). */
export interface ParentJobRef {
  id: string;
  queue: string;
}

export interface EnqueueOptions {
  /** Adds the jobs as children of this job: it completes only when they have all ended (failed ones included). */
  parent?: ParentJobRef;
}

/** The queue port: enqueue and inspect jobs. Adapter: BullMQ (src/queue). */
export interface JobQueue {
  /**
   * Adds jobs in bulk; URGENT jobs go to the urgent queue. A job whose id is
   * already queued is left as it is (ids derived from a campaign and a URL
   * make rediscovery a no-op). Returns them in input order.
   */
  enqueue(jobs: readonly JobData[], options?: EnqueueOptions): Promise<EnqueuedJob[]>;
  getJob(id: string): Promise<QueueJobSnapshot | null>;
  queueFor(priority: JobPriority): string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A change of a job's state or progress, as seen by queue listeners. */
export interface JobEvent {
  jobId: string;
  queue: string;
  event: 'added' | 'waiting' | 'active' | 'progress' | 'completed' | 'failed' | 'retrying' | 'delayed' | 'stalled' | 'removed';
  state: QueueJobState;
  progress?: number;
  attemptsMade?: number;
  failedReason?: string;
  at: Date;
}

/** Job counts of one queue, by state (BullMQ 6: jobs of a paused queue count as waiting or prioritized). */
export interface QueueCounts {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  delayed: number;
  prioritized: number;
  waitingChildren: number;
}

/** One queue right now: counts, whether it is paused, and its throughput over about the last minute. */
export interface QueueStats {
  name: string;
  isPaused: boolean;
  counts: QueueCounts;
  /** Jobs completed over about the last 60 s (all workers), from the queue's per-minute metrics. */
  processedPerMinute: number;
  /** Jobs failed for good over about the last 60 s (all workers). */
  failedPerMinute: number;
  at: Date;
}

/** States `clean` may empty. Waiting, prioritized and delayed jobs are recorded as cancelled by the caller. */
export const CLEANABLE_STATES = ['completed', 'failed', 'delayed', 'waiting', 'prioritized'] as const;
export type CleanableState = (typeof CLEANABLE_STATES)[number];

/** What removing one job from Redis did. */
export type RemoveOutcome =
  | { removed: true; snapshot: QueueJobSnapshot }
  | { removed: false; reason: 'missing' }
  | { removed: false; reason: 'active' | 'locked' | 'has-children'; snapshot: QueueJobSnapshot };

/**
 * Operating the queues: counts, pause and resume, cleaning, removing and
 * promoting single jobs, and asking the worker that runs a job to abort it.
 * Adapter: BullMQ (src/queue/bullmq-queue-admin.ts).
 */
export interface QueueAdmin {
  /** The queue names, in the order they are served (urgent first). */
  queueNames(): readonly string[];
  stats(): Promise<QueueStats[]>;
  pause(queue: string): Promise<void>;
  resume(queue: string): Promise<void>;
  /** Removes up to `limit` jobs in `state` that are older than `olderThanMs`; returns their ids. */
  clean(queue: string, state: CleanableState, olderThanMs: number, limit: number): Promise<string[]>;
  /** Removes a job that is not running; an active (locked) job is left as it is. */
  remove(id: string): Promise<RemoveOutcome>;
  /** Moves a delayed job to waiting now. Throws NOT_FOUND for an unknown id, CONFLICT when the job is not delayed. */
  promote(id: string): Promise<QueueJobSnapshot>;
  /** Asks every worker process to abort the job if it runs it (fire and forget: workers not running it ignore the request). */
  requestAbort(id: string, reason: string): Promise<void>;
}
