import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueJobState } from '../domain/ports/job-queue.port.js';
import type { QueueInventory } from '../domain/services/reconciler.service.js';
import { ALL_QUEUES } from './queue-names.js';

const BATCH = 200;

/** Where jobs are, by id, across trawl's queues (the reconciler's view of Redis). */
export class BullmqQueueInventory implements QueueInventory {
  private readonly queues: Queue[];
  private closed = false;

  constructor(connection: Redis, prefix: string) {
    this.queues = ALL_QUEUES.map((name) => new Queue(name, { connection, prefix }));
    for (const queue of this.queues) queue.on('error', () => undefined);
  }

  async statesOf(ids: readonly string[]): Promise<Map<string, QueueJobState>> {
    const states = new Map<string, QueueJobState>();
    for (let i = 0; i < ids.length; i += BATCH) {
      await Promise.all(ids.slice(i, i + BATCH).map(async (id) => states.set(id, await this.stateOf(id))));
    }
    return states;
  }

  async retryFailed(id: string): Promise<boolean> {
    for (const queue of this.queues) {
      const job = await queue.getJob(id);
      if (!job || !(await job.isFailed())) continue;
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    }
    return false;
  }

  private async stateOf(id: string): Promise<QueueJobState> {
    for (const queue of this.queues) {
      const state = await queue.getJobState(id);
      if (state !== 'unknown') return state as QueueJobState;
    }
    return 'unknown';
  }

  /** Idempotent. The connection belongs to the caller. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.queues.map((q) => q.close()));
  }
}
