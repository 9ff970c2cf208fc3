import { Queue } from 'bullmq';
import type { RedisClient } from './redis-connection.js';
import type { QueueJobState } from '../domain/ports/job-queue.port.js';
import type { ForeignFailure, JobPresence, QueueInventory } from '../domain/services/reconciler.service.js';
import { ALL_QUEUES } from './queue-names.js';

const BATCH = 200;
/** Ids per pipeline of presence checks (two O(1) commands per id and queue). */
const PRESENCE_BATCH = 500;

const DISCARD = `
redis.call('LREM', KEYS[1], 0, ARGV[1])
redis.call('LREM', KEYS[2], 0, ARGV[1])
redis.call('LREM', KEYS[3], 0, ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('SREM', KEYS[5], ARGV[1])
return redis.call('DEL', KEYS[6], KEYS[7], KEYS[8]) > 0 and 1 or 0
`;

/** Where jobs are, by id, across trawl's queues (the reconciler's view of Redis). */
export class BullmqQueueInventory implements QueueInventory {
  private readonly queues: Queue[];
  private closed = false;

  constructor(private readonly connection: RedisClient, private readonly prefix: string) {
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

  /**
   * Per id and queue: does the job's hash exist, is the id in the failed set.
   * One pipeline per 500 ids of O(1) commands, where BullMQ's getJobState
   * scans the waiting list for every id.
   */
  async presenceOf(ids: readonly string[]): Promise<Map<string, JobPresence>> {
    const presence = new Map<string, JobPresence>();
    for (let i = 0; i < ids.length; i += PRESENCE_BATCH) {
      const chunk = ids.slice(i, i + PRESENCE_BATCH);
      const batch = this.connection.pipeline();
      for (const id of chunk) {
        for (const queue of ALL_QUEUES) batch.exists(`${this.prefix}:${queue}:${id}`).zscore(`${this.prefix}:${queue}:failed`, id);
      }
      const replies = (await batch.exec()) ?? [];
      const reply = (n: number): unknown => {
        const [error, value] = replies[n] ?? [];
        if (error) throw error;
        return value;
      };
      chunk.forEach((id, k) => {
        let where: JobPresence = 'unknown';
        for (let q = 0; q < ALL_QUEUES.length && where !== 'failed'; q++) {
          const at = (k * ALL_QUEUES.length + q) * 2;
          if (Number(reply(at)) > 0) where = reply(at + 1) === null ? 'present' : 'failed';
        }
        presence.set(id, where);
      });
    }
    return presence;
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

  /**
   * Read straight from the failed sets and job hashes, not through BullMQ's
   * Job class, which cannot load a job whose payload is not JSON. A failure a
   * trawl worker wrote starts with its stable code (`HTTP_NOT_FOUND: ...`);
   * anything else was failed by BullMQ itself.
   */
  async foreignFailures(limit: number): Promise<ForeignFailure[]> {
    const found: ForeignFailure[] = [];
    for (const queue of ALL_QUEUES) {
      const ids = await this.connection.zrevrange(`${this.prefix}:${queue}:failed`, 0, limit - 1);
      for (const jobId of ids) {
        const hash = await this.connection.hgetall(`${this.prefix}:${queue}:${jobId}`);
        const reason = hash.failedReason ?? '';
        if (!hash.data && !hash.name) continue;
        if (/^[A-Z_]+: /.test(reason)) continue;
        found.push({
          jobId, queue, name: hash.name ?? '', rawData: parsedOrRaw(hash.data ?? ''), rawText: hash.data ?? '', failedReason: reason || 'failed without a reason',
          attemptsMade: Number(hash.atm ?? hash.attemptsMade ?? 0), finishedAt: new Date(Number(hash.finishedOn ?? Date.now())),
        });
      }
    }
    for (const queue of ALL_QUEUES) found.push(...(await this.unreadableActive(queue)));
    return found;
  }

  /** Active jobs whose payload is not JSON: BullMQ cannot load them, so they cycle between active and waiting forever. */
  private async unreadableActive(queue: string): Promise<ForeignFailure[]> {
    const ids = await this.connection.lrange(`${this.prefix}:${queue}:active`, 0, 999);
    const found: ForeignFailure[] = [];
    for (const jobId of ids) {
      const [data = null, name = null] = await this.connection.hmget(`${this.prefix}:${queue}:${jobId}`, 'data', 'name');
      if (data === null || isJsonText(data)) continue;
      found.push({
        jobId, queue, name: name ?? '', rawData: data, rawText: data, failedReason: 'payload is not JSON', attemptsMade: 0, finishedAt: new Date(0), stuck: true,
      });
    }
    return found;
  }

  /**
   * BullMQ's own removal refuses a locked job, and a job no worker can load
   * is locked most of the time (fetched, lock left to expire, stalled,
   * fetched again). It is taken out of every list and deleted in one script.
   */
  async discard(failure: ForeignFailure): Promise<boolean> {
    const base = `${this.prefix}:${failure.queue}`;
    const removed = await this.connection.eval(
      DISCARD, 8, `${base}:active`, `${base}:wait`, `${base}:paused`, `${base}:prioritized`, `${base}:stalled`, `${base}:${failure.jobId}`, `${base}:${failure.jobId}:lock`, `${base}:${failure.jobId}:logs`,
      failure.jobId,
    );
    return Number(removed) === 1;
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

function parsedOrRaw(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
