import type { Config } from '../config/config.schema.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { Store } from '../domain/ports/storage.port.js';
import type { TargetPolicy } from '../domain/url.js';
import { CampaignScheduleService } from '../domain/services/campaign-schedule.service.js';
import { CampaignService } from '../domain/services/campaign.service.js';
import { BullmqCampaignScheduler } from '../queue/bullmq-campaign-scheduler.js';
import type { BullmqJobQueue } from '../queue/bullmq-job-queue.js';

export interface ScheduleKitDeps {
  config: Config;
  store: Store;
  queue: BullmqJobQueue;
  targetPolicy: TargetPolicy;
  logger: Logger;
  /** The process's campaign service, when it has one already. */
  campaigns?: CampaignService;
}

/** Recurring campaigns for a process: the schedule service on BullMQ job schedulers (API: manage and restore; workers: run firings). */
export function createScheduleService(deps: ScheduleKitDeps): CampaignScheduleService {
  const { config, store, queue, targetPolicy, logger } = deps;
  const campaigns = deps.campaigns ?? new CampaignService({
    store, queue, targetPolicy, defaults: { timeoutMs: config.fetchTimeoutMs, rateLimitDelayMs: config.campaignRateLimitDelayMs },
  });
  return new CampaignScheduleService({
    store, scheduler: new BullmqCampaignScheduler(queue), campaigns, targetPolicy, defaultRateLimitDelayMs: config.campaignRateLimitDelayMs, logger,
  });
}
