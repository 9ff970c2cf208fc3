import type { Job, Metrics } from 'bullmq';
import type { FinishedCounts, FinishedJobSample, QueueHistory } from '../domain/ports/queue-history.port.js';
import { TrawlError } from '../domain/errors.js';
import type { BullmqJobQueue } from './bullmq-job-queue.js';
import { ALL_QUEUES } from './queue-names.js';

const MINUTE_MS = 60_000;

/** QueueHistory on BullMQ: per-minute metrics (recorded by every worker) and the kept finished jobs. */
export class BullmqQueueHistory implements QueueHistory {
  constructor(private readonly jobs: BullmqJobQueue) {}

  async finishedSince(since: Date): Promise<FinishedCounts> {
    const now = Date.now();
    const points = Math.ceil((now - since.getTime()) / MINUTE_MS) + 1;
    const all = await this.guard(() => Promise.all(ALL_QUEUES.map(async (name) => {
      const queue = this.jobs.queue(name);
      const [completed, failed] = await Promise.all([queue.getMetrics('completed', 0, points), queue.getMetrics('failed', 0, points)]);
      return { completed: countSince(completed, since.getTime()), failed: countSince(failed, since.getTime()) };
    })));
    return all.reduce((sum, q) => ({ completed: sum.completed + q.completed, failed: sum.failed + q.failed }), { completed: 0, failed: 0 });
  }

  async recentFinished(since: Date, limit: number): Promise<FinishedJobSample[]> {
    const lists = await this.guard(() => Promise.all(ALL_QUEUES.flatMap((name) => (['completed', 'failed'] as const).map(async (state) => {
      const jobs = (await this.jobs.queue(name).getJobs([state], 0, Math.max(0, limit - 1), false)) as (Job | undefined)[];
      return jobs.flatMap((job) => {
        if (!job?.finishedOn || job.finishedOn < since.getTime()) return [];
        return [{
          type: job.name, outcome: state, createdAt: new Date(job.timestamp), finishedAt: new Date(job.finishedOn),
          ...(job.processedOn ? { processedAt: new Date(job.processedOn) } : {}),
        } satisfies FinishedJobSample];
      });
    }))));
    return lists.flat().sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime());
  }

  private async guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new TrawlError('QUEUE_UNAVAILABLE', `Cannot read the queues' history: ${(error as Error).message}`, {}, { cause: error });
    }
  }
}

/**
 * Jobs counted since `since` in BullMQ's per-minute metrics: `count - prevCount`
 * belongs to the minute of `prevTS`, `data[i]` to the i-th minute before it.
 */
export function countSince(metrics: Metrics, since: number): number {
  const { count, prevCount, prevTS } = metrics.meta;
  if (!prevTS) return count;
  const first = Math.floor(since / MINUTE_MS);
  const latest = Math.floor(prevTS / MINUTE_MS);
  let total = latest >= first ? count - prevCount : 0;
  metrics.data.forEach((n, i) => {
    if (latest - 1 - i >= first) total += Number(n) || 0;
  });
  return total;
}
