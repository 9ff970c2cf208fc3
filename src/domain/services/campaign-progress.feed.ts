import type { CampaignService } from './campaign.service.js';
import type { CampaignProgress, CampaignReports } from './campaign-report.service.js';

export interface ProgressFeedOptions {
  /** Shortest time between two events of one subscription (coalescing). */
  intervalMs: number;
}

/**
 * Live progress of one campaign, coalesced: at most one event per interval,
 * only when something changed, and a final event once the campaign has ended.
 * Reads the ledger, so it works whichever process runs the jobs and whichever
 * API instance serves the subscription. The work per subscription is one
 * progress read per interval whatever the job rate, so it needs no buffer.
 */
export async function* campaignProgressFeed(
  campaignId: string, campaigns: CampaignService, reports: CampaignReports, options: ProgressFeedOptions, signal?: AbortSignal,
): AsyncGenerator<CampaignProgress> {
  let last = '';
  while (!signal?.aborted) {
    const campaign = await campaigns.get(campaignId);
    if (!campaign || signal?.aborted) return;
    const progress = await reports.progress(campaign);
    const key = JSON.stringify({ ...progress, at: undefined, productsPerMinute: undefined, etaSeconds: undefined });
    if (key !== last || progress.final) {
      last = key;
      yield progress.final ? { ...progress, quality: await reports.quality(campaign) } : progress;
    }
    if (progress.final) return;
    await pause(options.intervalMs, signal);
  }
}

/**
 * {@link campaignProgressFeed} as an iterator whose `return()` stops it at
 * once, even between two events (a generator would poll on until its next
 * yield, which for a campaign that no longer changes is never).
 */
export function campaignProgressSubscription(
  campaignId: string, campaigns: CampaignService, reports: CampaignReports, options: ProgressFeedOptions,
): AsyncIterableIterator<CampaignProgress> {
  const controller = new AbortController();
  const feed = campaignProgressFeed(campaignId, campaigns, reports, options, controller.signal);
  const iterator: AsyncIterableIterator<CampaignProgress> = {
    next: () => feed.next(),
    return: async () => {
      controller.abort();
      await feed.return(undefined);
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
