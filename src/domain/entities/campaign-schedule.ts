import type { CampaignOptions } from './campaign.js';

/** What a schedule starts each time it fires: a campaign on `seedUrl` with `options`. */
export interface CampaignScheduleInput {
  seedUrl: string;
  site: string;
  options: CampaignOptions;
  /** A 5-field cron pattern (minute hour day-of-month month day-of-week). */
  cron: string;
  /** IANA time zone the pattern is read in. */
  tz: string;
}

/** A recurring campaign: kept in the store (survives a Redis flush), triggered by a queue job scheduler. */
export interface CampaignSchedule extends CampaignScheduleInput {
  id: string;
  /** False once unscheduled; kept for its history. */
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastRunAt?: Date;
  /** The campaign the last STARTED run created. */
  lastCampaignId?: string;
}

/** What one firing of a schedule did. */
export const SCHEDULE_RUN_OUTCOMES = ['STARTED', 'SKIPPED', 'FAILED'] as const;
export type ScheduleRunOutcome = (typeof SCHEDULE_RUN_OUTCOMES)[number];

/** One firing of a schedule, recorded once per trigger (`runKey`, the queue job's id). */
export interface ScheduleRun {
  id: string;
  scheduleId: string;
  runKey: string;
  at: Date;
  outcome: ScheduleRunOutcome;
  campaignId?: string;
  /** Why a run was skipped or failed. */
  reason?: string;
}
