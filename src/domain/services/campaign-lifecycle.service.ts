import type { Campaign, CampaignStatus } from '../entities/campaign.js';
import { TrawlError } from '../errors.js';
import type { JobData } from '../job-data.js';
import type { Logger } from '../ports/logger.port.js';
import type { Store } from '../ports/storage.port.js';
import { canonicalUrl } from '../url.js';
import { TtlCache } from '../ttl-cache.js';
import type { ListingJobResult } from './listing-crawl.service.js';

/** Statuses whose jobs are skipped; unknown campaigns too. */
const SKIPPING: readonly (CampaignStatus | undefined)[] = ['CANCELLED', 'FAILED', undefined];

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
    if (!SKIPPING.includes(status)) return 'run';
    // Skipping is final for the job, so a cached status is checked again first: a campaign reopened by a retry moments ago runs.
    const fresh = (await this.deps.store.campaigns.getByIds([campaignId]))[0]?.status;
    if (fresh === 'PAUSED') return 'wait';
    return SKIPPING.includes(fresh) ? 'skip' : 'run';
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

  /**
   * Dead letters of the campaign are being re-driven: their products and
   * categories count as pending again, not failed, and a campaign that had
   * ended goes back to running. A retried site job restarts a FAILED campaign
   * from PENDING (it plans again); any other retried job moves a COMPLETED or
   * FAILED campaign to SCRAPING, and `settleRedriven` completes it once nothing
   * is pending. A running campaign keeps its status; a CANCELLED one refuses.
   */
  async reopen(campaignId: string, jobs: readonly JobData[]): Promise<Campaign> {
    const campaign = (await this.deps.store.campaigns.getByIds([campaignId]))[0];
    if (!campaign) throw new TrawlError('NOT_FOUND', `Campaign ${campaignId} does not exist`, { id: campaignId });
    if (campaign.status === 'CANCELLED') throw new TrawlError('CONFLICT', `Campaign ${campaignId} is cancelled; its dead letters cannot be retried`, { id: campaignId });
    const at = new Date();
    const products = jobs.filter((job) => job.type === 'product').map((job) => job.targetUrl);
    const categories: string[] = [];
    for (const job of jobs.filter((j) => j.type === 'category_search')) {
      const category = await this.deps.store.categories.getByUrl(canonicalUrl(job.category?.url ?? job.targetUrl));
      if (category) categories.push(category.id);
    }
    await this.deps.store.ledger.reopenProducts(campaignId, products, at);
    await this.deps.store.ledger.reopenCategories(campaignId, categories, at);
    const restart = jobs.some((job) => job.type === 'full_site');
    const moved = restart
      ? await this.deps.store.campaigns.transition(campaignId, ['FAILED', 'COMPLETED'], 'PENDING', at)
      : await this.deps.store.campaigns.transition(campaignId, ['COMPLETED', 'FAILED'], 'SCRAPING', at);
    if (moved) this.deps.logger.info({ campaignId, from: campaign.status, to: moved.status, products: products.length, categories: categories.length }, 'campaign reopened for retried jobs');
    return moved ?? campaign;
  }

  /**
   * A re-driven job of the campaign has ended (its site job had already
   * finished the tree): when nothing is pending any more, the campaign
   * completes again. Each job writes its own outcome before this reads the
   * tally, so of two re-driven jobs ending together the later one completes it.
   */
  async settleRedriven(campaignId: string): Promise<Campaign | null> {
    const tally = await this.deps.store.ledger.tally(campaignId);
    const pendingCategories = tally.categoriesSelected - tally.categoriesScraped - tally.categoriesFailed - tally.categoriesSkipped;
    if (tally.productsQueued > 0 || pendingCategories > 0) return null;
    return this.complete(campaignId);
  }

  private status(campaignId: string): Promise<CampaignStatus | undefined> {
    return this.statuses.get(campaignId, async () => (await this.deps.store.campaigns.getByIds([campaignId]))[0]?.status);
  }
}
