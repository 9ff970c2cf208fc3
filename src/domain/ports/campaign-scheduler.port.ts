import type { JobData } from '../job-data.js';

/** When a recurring job fires: a 5-field cron pattern read in an IANA time zone. */
export interface RecurringTrigger {
  cron: string;
  tz: string;
}

/**
 * Recurring triggers in the queue (adapter: BullMQ job schedulers). Each
 * firing adds one job carrying `data`. Upserting the same id again replaces
 * the trigger and never duplicates it.
 */
export interface CampaignScheduler {
  /** Creates or replaces the trigger `id`. Idempotent. */
  upsert(id: string, trigger: RecurringTrigger, data: JobData): Promise<void>;
  /** Removes the trigger `id`; an unknown id is not an error. */
  remove(id: string): Promise<void>;
  /** The next firing time of each known trigger. */
  nextRuns(ids: readonly string[]): Promise<Map<string, Date>>;
}
