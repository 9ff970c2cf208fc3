/** How much work waits and when work last finished, across every trawl queue. */
export interface QueueBacklogSnapshot {
  /** Jobs ready to run now (waiting or prioritized) on queues that are not paused. */
  waiting: number;
  /** When the latest job finished (completed, or failed for good), if any is still recorded. */
  lastFinishedAt: Date | undefined;
}

/**
 * Reads the queues' backlog cheaply (a few O(1)/O(log n) commands, no job
 * bodies), for readiness probes that run every few seconds.
 * Adapter: BullMQ keys in Redis (src/queue/redis-queue-backlog.ts).
 */
export interface QueueBacklog {
  snapshot(): Promise<QueueBacklogSnapshot>;
}
