import type { RedisClient } from './redis-connection.js';
import { JOB_TYPES, type JobType } from '../domain/job-data.js';

/** What job events are filtered by, besides the job id. */
export interface JobInfo {
  type?: JobType;
  campaignId?: string;
}

/**
 * Job id -> {type, campaignId} for enriching queue events, most recently
 * used first and bounded. A job's kind is its BullMQ name (known from the
 * `added` event); anything else costs one HMGET of the job hash, once per job
 * while it stays cached. A job Redis has already trimmed yields `{}`.
 */
export class JobInfoCache {
  private readonly entries = new Map<string, Promise<JobInfo>>();

  constructor(private readonly redis: RedisClient, private readonly prefix: string, private readonly maxEntries = 10_000, private readonly lookupTimeoutMs = 2_000) {}

  /** The job's info; the same promise for every event of a job, so events stay in order. */
  get(queue: string, jobId: string, name?: string): Promise<JobInfo> {
    const cached = this.entries.get(jobId);
    if (cached) {
      this.entries.delete(jobId);
      this.entries.set(jobId, cached);
      return cached;
    }
    const info = this.load(queue, jobId, name);
    this.entries.set(jobId, info);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return info;
  }

  /** Forgets a job (after it was removed). */
  forget(jobId: string): void {
    this.entries.delete(jobId);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Never waits longer than the lookup timeout: while Redis is slow or away, events go out with what is known. */
  private async load(queue: string, jobId: string, name?: string): Promise<JobInfo> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), this.lookupTimeoutMs)));
    try {
      const fields = await Promise.race([this.redis.hmget(`${this.prefix}:${queue}:${jobId}`, 'name', 'data'), timeout]);
      if (!fields) this.entries.delete(jobId);
      return infoOf(fields?.[0] ?? name, fields?.[1]);
    } catch {
      this.entries.delete(jobId);
      return infoOf(name, null);
    } finally {
      clearTimeout(timer);
    }
  }
}

function infoOf(name: string | null | undefined, data: string | null | undefined): JobInfo {
  const info: JobInfo = {};
  if (name && (JOB_TYPES as readonly string[]).includes(name)) info.type = name as JobType;
  if (!data) return info;
  try {
    const parsed = JSON.parse(data) as { campaignId?: unknown; type?: unknown };
    if (typeof parsed.campaignId === 'string') info.campaignId = parsed.campaignId;
    if (!info.type && typeof parsed.type === 'string' && (JOB_TYPES as readonly string[]).includes(parsed.type)) info.type = parsed.type as JobType;
  } catch {
    // Not our payload: the event carries no filter fields.
  }
  return info;
}
