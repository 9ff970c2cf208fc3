/** A finished job as the queue still keeps it (BullMQ keeps the last ones of each queue). */
export interface FinishedJobSample {
  type: string;
  outcome: 'completed' | 'failed';
  createdAt: Date;
  /** When a worker first took it. */
  processedAt?: Date;
  finishedAt: Date;
}

/** Jobs finished over a window, all queues and all workers. */
export interface FinishedCounts {
  completed: number;
  /** Failed for good (retries are not counted). */
  failed: number;
}

/**
 * What the queues remember of recent work, for success metrics.
 * Adapter: BullMQ (src/queue/bullmq-queue-history.ts), from its per-minute
 * metrics and its kept completed and failed jobs.
 */
export interface QueueHistory {
  /** Jobs finished since `since` (minute resolution: whole minutes that began at or after it, plus the current one). */
  finishedSince(since: Date): Promise<FinishedCounts>;
  /** The newest finished jobs still kept, finished at or after `since`, at most `limit` per queue and outcome. */
  recentFinished(since: Date, limit: number): Promise<FinishedJobSample[]>;
}
