import { UnrecoverableError, type Job } from 'bullmq';
import type { TrawlError } from '../domain/errors.js';
import type { JobData } from '../domain/job-data.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { FinalFailure } from '../domain/services/dead-letter.service.js';

/**
 * Translates a domain error into what BullMQ understands: permanent errors
 * become UnrecoverableError (no further attempts); retryable ones are rethrown
 * so BullMQ retries them with backoff. The message starts with the stable code,
 * so `failedReason` carries it across processes.
 */
export function toQueueError(error: TrawlError): Error {
  const message = `${error.code}: ${error.message}`;
  if (!error.retryable) return new UnrecoverableError(message);
  const retryable = new Error(message);
  retryable.name = error.code;
  return retryable;
}

/** The code at the start of a `failedReason` written by `toQueueError`, if any. */
export function codeOfFailedReason(reason: string | undefined): string | undefined {
  return reason ? /^([A-Z_]+):/.exec(reason)?.[1] : undefined;
}

/** What the router hands the dead-letter queue (see `DeadLetterService`). */
export interface DeadLetterHooks {
  record(final: FinalFailure): Promise<unknown>;
  redrivenJobEnded(data: JobData): Promise<void>;
}

/**
 * After a job's final failure: its dead letter (poison jobs included, with the
 * raw payload), and for a re-driven campaign job the campaign's settling.
 * Never throws: a bookkeeping fault is logged, the job's own failure stands.
 */
export async function deadLetterFinalFailure(hooks: DeadLetterHooks | undefined, job: Job<unknown>, data: JobData | undefined, failure: TrawlError, timing: { attempt: number; durationMs: number }, log: Logger): Promise<void> {
  if (!hooks) return;
  await hooks.record({
    jobId: job.id ?? '', queue: job.queueName, name: job.name, rawData: job.data, failure, attempt: timing.attempt, durationMs: timing.durationMs, ...(data ? { data } : {}),
  }).catch((error: unknown) => log.error({ err: error }, 'could not dead-letter the job'));
  if (data) await deadLetterJobEnded(hooks, job, data, log);
}

/** A job without a flow parent ended: if it was a re-driven campaign job, its campaign may complete. Never throws. */
export async function deadLetterJobEnded(hooks: DeadLetterHooks | undefined, job: Job<unknown>, data: JobData, log: Logger): Promise<void> {
  if (!hooks || job.parentKey || !data.campaignId) return;
  await hooks.redrivenJobEnded(data).catch((error: unknown) => log.error({ err: error }, 'could not settle the re-driven job\'s campaign'));
}
