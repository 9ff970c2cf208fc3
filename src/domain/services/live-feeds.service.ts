import { invalidInput, notFound } from '../errors.js';
import type { EventBus } from '../ports/event-bus.port.js';
import type { CampaignService } from './campaign.service.js';
import type { CampaignProgress, CampaignReports } from './campaign-report.service.js';
import { campaignProgressSubscription } from './campaign-progress.feed.js';
import { jobUpdatesFeed, type DeliveredJobEvent, type JobEventFilter, type JobFeedOptions } from './job-updates.feed.js';

export interface LiveFeedOptions extends JobFeedOptions {
  /** Shortest time between two campaign progress events of one subscription. */
  campaignProgressIntervalMs: number;
}

export interface LiveFeedDeps {
  events: EventBus;
  campaigns: CampaignService;
  reports: CampaignReports;
  options: LiveFeedOptions;
}

/**
 * The live streams GraphQL subscriptions serve, validated and bounded: job
 * updates (coalesced and throttled per subscription) and campaign progress.
 */
export class LiveFeeds {
  constructor(private readonly deps: LiveFeedDeps) {}

  /** Events of the jobs the filter selects (every job when it is empty). */
  jobUpdates(filter: JobEventFilter): AsyncIterableIterator<DeliveredJobEvent> {
    for (const field of ['id', 'campaignId'] as const) {
      const value = filter[field];
      if (value !== undefined && value.trim() === '') throw invalidInput(field, `${field} must not be empty`);
    }
    return jobUpdatesFeed(this.deps.events, filter, this.deps.options);
  }

  /** Progress of one campaign until its final event; NOT_FOUND for an unknown campaign. */
  async campaignProgress(campaignId: string): Promise<AsyncIterableIterator<CampaignProgress>> {
    if (campaignId.trim() === '') throw invalidInput('id', 'id must not be empty');
    if (!(await this.deps.campaigns.get(campaignId))) throw notFound('Campaign', campaignId);
    const { campaigns, reports, options } = this.deps;
    return campaignProgressSubscription(campaignId, campaigns, reports, { intervalMs: options.campaignProgressIntervalMs });
  }
}
