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

/** The queue port: enqueue and inspect jobs. Adapter: BullMQ (src/queue). */
export interface JobQueue {
  /** Adds jobs; URGENT jobs go to the urgent queue. Returns them in input order. */
  enqueue(jobs: readonly JobData[]): Promise<EnqueuedJob[]>;
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
