import type { Queue } from 'bullmq';
import { TrawlError } from '../domain/errors.js';
import type { JobData } from '../domain/job-data.js';
import type { CampaignScheduler, RecurringTrigger } from '../domain/ports/campaign-scheduler.port.js';
import type { BullmqJobQueue } from './bullmq-job-queue.js';
import { queueForPriority } from './queue-names.js';

/**
 * Recurring triggers as BullMQ 6 job schedulers (`upsertJobScheduler`) on
 * the regular scraping queue: each firing adds one job built from the template
 * (one attempt: a firing that fails is recorded, the next one tries again).
 * Upserting an existing id replaces its pattern and template, never duplicates it.
 */
export class BullmqCampaignScheduler implements CampaignScheduler {
  private readonly queue: Queue;

  constructor(jobs: BullmqJobQueue) {
    this.queue = jobs.queue(queueForPriority('NORMAL'));
  }

  async upsert(id: string, trigger: RecurringTrigger, data: JobData): Promise<void> {
    await this.guard(`schedule ${id}`, () =>
      this.queue.upsertJobScheduler(id, { pattern: trigger.cron, tz: trigger.tz }, { name: data.type, data, opts: { attempts: 1 } }));
  }

  async remove(id: string): Promise<void> {
    await this.guard(`unschedule ${id}`, () => this.queue.removeJobScheduler(id));
  }

  async nextRuns(ids: readonly string[]): Promise<Map<string, Date>> {
    const found = await this.guard('read schedules', () => Promise.all(ids.map((id) => this.queue.getJobScheduler(id))));
    const next = new Map<string, Date>();
    found.forEach((scheduler, index) => {
      if (scheduler?.next !== undefined) next.set(ids[index]!, new Date(scheduler.next));
    });
    return next;
  }

  private async guard<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new TrawlError('QUEUE_UNAVAILABLE', `Cannot ${what}: ${(error as Error).message}`, {}, { cause: error });
    }
  }
}
