import type { Job } from 'bullmq';
import { TrawlError } from '../domain/errors.js';
import type { JobData } from '../domain/job-data.js';
import type { EnqueuedJob } from '../domain/ports/job-queue.port.js';
import type { DeadLetterRequeue } from '../domain/services/dead-letter.service.js';
import type { BullmqJobQueue } from './bullmq-job-queue.js';
import { jobOptions } from './job-options.js';
import { queueForPriority } from './queue-names.js';

/** States in which the queue still runs (or will run) the job: a retry then would run it twice. */
const LIVE_STATES = new Set(['waiting', 'prioritized', 'delayed', 'active', 'waiting-children']);

/**
 * Re-drives dead jobs on BullMQ: the copy BullMQ may still keep in its failed
 * set is removed (a job id can only be added once), then the same payload is
 * added under the same id with the queue's default attempts and backoff. It is
 * added without its former flow parent, which has completed by then: the
 * campaign is completed again by `CampaignLifecycle.settleRedriven` instead.
 */
export class BullmqDeadLetterRequeue implements DeadLetterRequeue {
  constructor(private readonly queues: BullmqJobQueue) {}

  async requeue(data: JobData): Promise<EnqueuedJob> {
    const name = queueForPriority(data.priority);
    const queue = this.queues.queue(name);
    try {
      const existing = (await queue.getJob(data.jobId)) as Job<JobData> | undefined;
      if (existing) {
        const state = await existing.getState();
        if (LIVE_STATES.has(state)) throw new TrawlError('CONFLICT', `Job ${data.jobId} is ${state}; it is not dead any more`, { id: data.jobId });
        await existing.remove();
      }
      await queue.add(data.type, data, jobOptions(data));
      return { id: data.jobId, queue: name };
    } catch (error) {
      if (error instanceof TrawlError) throw error;
      throw new TrawlError('QUEUE_UNAVAILABLE', `Cannot retry job ${data.jobId}: ${(error as Error).message}`, {}, { cause: error });
    }
  }
}
