import type { DefaultJobOptions, JobsOptions } from 'bullmq';
import { PRIORITY_RANK, type JobData } from '../domain/job-data.js';

/** Seed 000's queue defaults: 3 attempts, exponential backoff from 2 s (2, 4, 8 s), bounded history. */
export interface RetentionOptions {
  keepCompleted: number;
  keepFailed: number;
}

export const DEFAULT_RETENTION: RetentionOptions = { keepCompleted: 100, keepFailed: 50 };

export function defaultJobOptions(retention: RetentionOptions = DEFAULT_RETENTION): DefaultJobOptions {
  return {
    attempts: 3,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: { count: retention.keepCompleted },
    removeOnFail: { count: retention.keepFailed },
  };
}

/** Per-job options: our UUID as the BullMQ job id, the priority rank (1 urgent .. 10 low). */
export function jobOptions(data: JobData, parent?: { id: string; queue: string }): JobsOptions {
  const options: JobsOptions = { jobId: data.jobId, priority: PRIORITY_RANK[data.priority] };
  // A child that fails for good still counts as ended: the parent (a campaign's
  // category or site job) completes when every child has ended, failed or not.
  if (parent) Object.assign(options, { parent, ignoreDependencyOnFailure: true });
  return options;
}
