import { WaitingChildrenError, type Job } from 'bullmq';
import type { JobData, ProductJobData } from '../domain/job-data.js';
import type { JobQueue } from '../domain/ports/job-queue.port.js';

/**
 * BullMQ's "process step" pattern for a parent job: do the job's own work and
 * queue children under it, mark the step in the job's data, then wait until
 * every child has ended. BullMQ runs the job again when they have; that run
 * finds the step done and finishes. A retry after a crash redoes the work,
 * which is idempotent (derived job ids, ledger upserts).
 */
export async function runParentStep<R extends object>(
  job: Job<JobData>, token: string | undefined, work: () => Promise<{ done: R } | { wait: R }>, finish: (own: R | undefined) => Promise<R>,
): Promise<R> {
  if (job.data.step !== 'children') {
    const outcome = await work();
    if ('done' in outcome) return outcome.done;
    await job.updateData({ ...job.data, step: 'children', stepResult: outcome.wait as Record<string, unknown> });
  }
  if (token && (await job.moveToWaitingChildren(token))) throw new WaitingChildrenError();
  return finish(job.data.stepResult as R | undefined);
}

/** Queues jobs as children of `job` (same queue names as the queue port uses). */
export function childEnqueuer(queue: JobQueue, job: Job<JobData>) {
  return async (children: readonly (JobData | ProductJobData)[]): Promise<void> => {
    for (let i = 0; i < children.length; i += 500) {
      await queue.enqueue(children.slice(i, i + 500), { parent: { id: job.id ?? job.data.jobId, queue: job.queueName } });
    }
  };
}
