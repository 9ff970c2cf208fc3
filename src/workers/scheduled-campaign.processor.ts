import type { Job } from 'bullmq';
import type { ScheduledCampaignJobData } from '../domain/job-data.js';
import type { CampaignScheduleService } from '../domain/services/campaign-schedule.service.js';

/** A schedule's firing: one domain call keyed by the BullMQ job id (a replayed firing records nothing new). */
export function scheduledCampaignProcessor(schedules: Pick<CampaignScheduleService, 'run'>) {
  return async (job: Job, data: ScheduledCampaignJobData): Promise<unknown> => {
    const run = await schedules.run(data.scheduleId, job.id ?? `${data.scheduleId}:${job.timestamp}`);
    return { outcome: run.outcome, ...(run.campaignId ? { campaignId: run.campaignId } : {}), ...(run.reason ? { reason: run.reason } : {}) };
  };
}
