import type { Job } from 'bullmq';
import type { JobData } from '../domain/job-data.js';
import type { Logger } from '../domain/ports/logger.port.js';
import { cancelledError, type JobCancellation } from '../domain/services/job-cancellation.js';
import { deadLetterJobEnded, toQueueError, type DeadLetterHooks } from './job-failure.js';

export interface CancelDeps {
  cancellation?: Pick<JobCancellation, 'record'>;
  deadLetters?: DeadLetterHooks;
  logger: Logger;
  onAttempt?: (type: string, outcome: 'completed' | 'failed' | 'retry', durationMs: number) => void;
}

/**
 * A job aborted on request (cancelJob) while it ran: recorded as CANCELLED
 * (skipped in its campaign, not dead-lettered) and failed in BullMQ with an
 * UnrecoverableError whose reason starts with CANCELLED, so it is never
 * retried. Returns the error to throw; never throws itself.
 */
export async function cancelledJobError(deps: CancelDeps, job: Job<unknown>, data: JobData | undefined, message: string, startedAt: number): Promise<Error> {
  const id = job.id ?? '';
  const log = deps.logger.child({ jobId: id, type: data?.type ?? job.name, code: 'CANCELLED' });
  await deps.cancellation?.record(id, message).catch((error: unknown) => log.error({ err: error }, 'could not record the job as cancelled'));
  if (data) await deadLetterJobEnded(deps.deadLetters, job, data, log);
  log.info({ message }, 'job cancelled while it ran');
  deps.onAttempt?.(data?.type ?? 'unknown', 'failed', Date.now() - startedAt);
  return toQueueError(cancelledError(id, message));
}
