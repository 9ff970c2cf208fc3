import type { CampaignService } from './campaign.service.js';
import type { CampaignProgress, CampaignReports } from './campaign-report.service.js';

export interface ProgressFeedOptions {
  /** Shortest time between two events of one subscription (coalescing). */
  intervalMs: number;
}

/**
 * Live progress of one campaign, coalesced: at most one event per interval,
 * only when something changed, and a final event once the campaign has ended.
 * Reads the ledger, so it works whichever process runs the jobs.
 */
export async function* campaignProgressFeed(
  campaignId: string, campaigns: CampaignService, reports: CampaignReports, options: ProgressFeedOptions, signal?: AbortSignal,
): AsyncGenerator<CampaignProgress> {
  let last = '';
  while (!signal?.aborted) {
    const campaign = await campaigns.get(campaignId);
    if (!campaign) return;
    const progress = await reports.progress(campaign);
    const key = JSON.stringify({ ...progress, at: undefined, productsPerMinute: undefined, etaSeconds: undefined });
    if (key !== last || progress.final) {
      last = key;
      yield progress.final ? { ...progress, quality: await reports.quality(campaign) } : progress;
    }
    if (progress.final) return;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}
