import type { RedisClient } from './redis-connection.js';
import { TrawlError } from '../domain/errors.js';
import type { QueueBacklog, QueueBacklogSnapshot } from '../domain/ports/queue-backlog.port.js';
import { ALL_QUEUES } from './queue-names.js';

/**
 * The backlog read straight from BullMQ's keys in one pipeline: per queue,
 * LLEN wait + ZCARD prioritized (skipped while the queue is paused) and the
 * newest entry of the completed and failed sets, whose scores are the jobs'
 * `finishedOn` (those sets keep the latest jobs, see job-options.ts).
 */
export class RedisQueueBacklog implements QueueBacklog {
  constructor(private readonly connection: RedisClient, private readonly prefix: string, private readonly queues: readonly string[] = ALL_QUEUES) {}

  async snapshot(): Promise<QueueBacklogSnapshot> {
    const pipeline = this.connection.pipeline();
    for (const queue of this.queues) {
      const key = (type: string) => `${this.prefix}:${queue}:${type}`;
      pipeline.hexists(key('meta'), 'paused').llen(key('wait')).zcard(key('prioritized'))
        .zrevrange(key('completed'), 0, 0, 'WITHSCORES').zrevrange(key('failed'), 0, 0, 'WITHSCORES');
    }
    let replies: [Error | null, unknown][];
    try {
      replies = (await pipeline.exec()) ?? [];
    } catch (error) {
      throw new TrawlError('QUEUE_UNAVAILABLE', `Cannot read the queue backlog: ${(error as Error).message}`, {}, { cause: error });
    }
    const failed = replies.find(([error]) => error !== null);
    if (failed) throw new TrawlError('QUEUE_UNAVAILABLE', `Cannot read the queue backlog: ${failed[0]!.message}`);
    return summarize(replies.map(([, value]) => value), this.queues.length);
  }
}

const PER_QUEUE = 5;

function summarize(values: unknown[], queues: number): QueueBacklogSnapshot {
  let waiting = 0;
  let last = 0;
  for (let q = 0; q < queues; q++) {
    const [paused, wait, prioritized, completed, failed] = values.slice(q * PER_QUEUE, (q + 1) * PER_QUEUE);
    if (Number(paused) !== 1) waiting += Number(wait) + Number(prioritized);
    last = Math.max(last, newestScore(completed), newestScore(failed));
  }
  return { waiting, lastFinishedAt: last > 0 ? new Date(last) : undefined };
}

function newestScore(reply: unknown): number {
  return Array.isArray(reply) && reply.length >= 2 ? Number(reply[1]) : 0;
}
