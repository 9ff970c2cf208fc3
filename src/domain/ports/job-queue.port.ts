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
