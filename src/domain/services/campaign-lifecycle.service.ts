import type { Campaign, CampaignStatus } from '../entities/campaign.js';
import type { TrawlError } from '../errors.js';
import type { JobData } from '../job-data.js';
import type { Logger } from '../ports/logger.port.js';
import type { Store } from '../ports/storage.port.js';
import { canonicalUrl } from '../url.js';
import { TtlCache } from '../ttl-cache.js';
import type { ListingJobResult } from './listing-crawl.service.js';

/** What a job of a campaign should do given the campaign's status. */
export type CampaignGateDecision = 'run' | 'wait' | 'skip';

/**
 * Worker-side campaign bookkeeping: a job's outcome moves the campaign's
 * ledger and status. Status reads are cached briefly, so thousands of product
 * jobs cost a handful of store reads per second, not one each.
 */
export class CampaignLifecycle {
  private readonly statuses: TtlCache<CampaignStatus | undefined>;

  constructor(private readonly deps: { store: Store; logger: Logger; statusCacheMs?: number }) {
    this.statuses = new TtlCache(deps.statusCacheMs ?? 1000);
  }

  /** Paused campaigns make their jobs wait; cancelled and finished ones make them skip. */
  async gate(campaignId: string | undefined): Promise<CampaignGateDecision> {
    if (!campaignId) return 'run';
    const status = await this.status(campaignId);
    if (status === 'PAUSED') return 'wait';
    if (status === 'CANCELLED' || status === 'FAILED' || status === undefined) return 'skip';
    return 'run';
  }

  /** A product job skipped because its campaign ended: counted as skipped with the reason. */
  async productSkipped(data: JobData, reason: string): Promise<void> {
    if (data.campaignId) await this.deps.store.ledger.finishProduct(data.campaignId, data.targetUrl, 'SKIPPED', new Date(), reason);
  }

  async categoryCrawled(data: JobData, result: ListingJobResult): Promise<void> {
    if (!data.campaignId || data.type !== 'category_search') return;
    const category = await this.deps.store.categories.getByUrl(canonicalUrl(data.category?.url ?? data.targetUrl));
    if (!category) return;
    const status = result.stoppedBecause === 'cancelled' ? 'SKIPPED' : 'SCRAPED';
    await this.deps.store.ledger.finishCategory(data.campaignId, category.id, status, result.pages, new Date());
  }

  /** A job that failed for good: its category counts as failed; a failed site job fails the campaign. */
  async jobFailed(data: JobData, failure: TrawlError): Promise<void> {
    if (!data.campaignId) return;
    const at = new Date();
    if (data.type === 'category_search') {
      const category = await this.deps.store.categories.getByUrl(canonicalUrl(data.category?.url ?? data.targetUrl));
      if (category) await this.deps.store.ledger.finishCategory(data.campaignId, category.id, 'FAILED', 0, at);
    }
    if (data.type === 'full_site') {
      await this.deps.store.campaigns.transition(data.campaignId, ['PENDING', 'DISCOVERING', 'SCRAPING', 'PAUSED'], 'FAILED', at, `${failure.code}: ${failure.message}`);
    }
  }

  /** Called when the site job's whole tree has ended: the campaign is complete (unless cancelled or failed meanwhile). */
  async complete(campaignId: string): Promise<Campaign | null> {
    const done = await this.deps.store.campaigns.transition(campaignId, ['SCRAPING', 'DISCOVERING'], 'COMPLETED', new Date());
    if (done) {
      const tally = await this.deps.store.ledger.tally(campaignId);
      this.deps.logger.info({ campaignId, ...tally }, 'campaign completed');
    }
    return done;
  }

  private status(campaignId: string): Promise<CampaignStatus | undefined> {
    return this.statuses.get(campaignId, async () => (await this.deps.store.campaigns.getByIds([campaignId]))[0]?.status);
  }
}
