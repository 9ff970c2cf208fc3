import type { Campaign } from '../entities/campaign.js';
import type { CategoryRef, CategoryType } from '../entities/category.js';
import type { NavigationEntry, SiteIntelligence } from '../entities/site.js';
import { selectCategories } from '../category-selection.js';
import { TrawlError } from '../errors.js';
import type { FullSiteJobData, JobData, JobPriority } from '../job-data.js';
import type { Logger } from '../ports/logger.port.js';
import type { Store } from '../ports/storage.port.js';
import { canonicalUrl, siteOf } from '../url.js';
import { categoryJob, jobRecordsOf, searchJob } from './child-jobs.js';
import type { SiteIntelligenceService } from './site-intelligence.service.js';

export interface CampaignPlannerDeps {
  store: Store;
  intelligence: SiteIntelligenceService;
  logger: Logger;
  /** The queue a job of this priority goes to (for its stored record). */
  queueFor: (priority: JobPriority) => string;
}

/** What phase 1 and 2 decided: the child jobs to queue under the site job. */
export interface CampaignPlan {
  children: JobData[];
  intelligence?: SiteIntelligence;
  categoriesSelected: number;
  /** Categories left out because robots.txt disallows them. */
  categoriesDisallowed: number;
}

/**
 * Phases 1 and 2 of a campaign (seed 000): learn or reuse the site's
 * intelligence, classify and select its categories, record them, and return
 * one category_search job per selected category (plus a search job when the
 * campaign has a query). Idempotent: a retry selects and records the same.
 */
export class CampaignPlanner {
  constructor(private readonly deps: CampaignPlannerDeps) {}

  async plan(data: FullSiteJobData, signal?: AbortSignal): Promise<CampaignPlan> {
    const campaign = (data.campaignId ? (await this.deps.store.campaigns.getByIds([data.campaignId]))[0] : undefined) ?? undefined;
    if (data.campaignId && !campaign) throw new TrawlError('NOT_FOUND', `Campaign ${data.campaignId} does not exist`);
    if (campaign && ['CANCELLED', 'COMPLETED', 'FAILED'].includes(campaign.status)) {
      return { children: [], categoriesSelected: 0, categoriesDisallowed: 0 };
    }
    if (campaign) await this.deps.store.campaigns.transition(campaign.id, ['PENDING'], 'DISCOVERING', new Date());
    const { intelligence, robots, source } = await this.deps.intelligence.lookup(data.targetUrl, signal ? { signal } : {});
    this.deps.logger.info({ site: intelligence.site, platform: intelligence.platform, source, menu: intelligence.navigation.length }, 'site intelligence ready');
    const options = campaign?.options;
    const children: JobData[] = [];
    let selectedCount = 0;
    let disallowed = 0;
    if (!options?.searchOnly) {
      const selected = selectCategories(this.entriesOf(intelligence), {
        ...(options?.maxCategories ? { maxCategories: options.maxCategories } : {}),
        ...(options?.categoryTypes?.length ? { types: options.categoryTypes as CategoryType[] } : {}),
      });
      const allowed = selected.filter((entry) => robots.isAllowed(entry.url));
      disallowed = selected.length - allowed.length;
      const recorded = await this.recordCategories(campaign, intelligence, allowed);
      for (const { ref } of recorded) children.push(categoryJob(data, campaign, ref));
      selectedCount = recorded.length;
      if (campaign) {
        const entries = recorded.map(({ categoryId }, rank) => ({ categoryId, rank, jobId: children[rank]!.jobId }));
        await this.deps.store.ledger.addCategories(campaign.id, entries, new Date());
      }
    }
    if (options?.searchQuery) children.push(searchJob(data, intelligence.homeUrl, options.searchQuery));
    await this.deps.store.jobs.insertMany(jobRecordsOf(children, this.deps.queueFor));
    if (campaign) await this.deps.store.campaigns.transition(campaign.id, ['DISCOVERING'], 'SCRAPING', new Date());
    return { children, intelligence, categoriesSelected: selectedCount, categoriesDisallowed: disallowed };
  }

  /** Menu entries, or the sitemaps' category URLs when the home page has no menu trawl can read. */
  private entriesOf(intelligence: SiteIntelligence): NavigationEntry[] {
    if (intelligence.navigation.length > 0) return intelligence.navigation;
    return (intelligence.sitemapCategoryUrls ?? []).map((url) => ({ name: nameFromUrl(url), url, depth: 0 }));
  }

  private async recordCategories(campaign: Campaign | undefined, intelligence: SiteIntelligence, entries: ReturnType<typeof selectCategories>): Promise<{ ref: CategoryRef; categoryId: string }[]> {
    const recorded: { ref: CategoryRef; categoryId: string }[] = [];
    const byUrl = new Map(intelligence.navigation.map((entry) => [canonicalUrl(entry.url), entry]));
    for (const entry of entries) {
      const url = canonicalUrl(entry.url);
      const parentUrl = entry.parentUrl ? canonicalUrl(entry.parentUrl) : undefined;
      const parent = parentUrl ? byUrl.get(parentUrl) : undefined;
      if (parent && parentUrl) {
        await this.deps.store.categories.upsert({ site: intelligence.site, url: parentUrl, name: parent.name, path: new URL(parentUrl).pathname, depth: parent.depth });
      }
      const ref: CategoryRef = { url, name: entry.name, path: new URL(url).pathname, ...(parentUrl ? { parentUrl } : {}) };
      const category = await this.deps.store.categories.upsert({ ...ref, site: siteOf(url), type: entry.type, depth: entry.depth, ...(campaign ? { campaignId: campaign.id } : {}) });
      recorded.push({ ref, categoryId: category.id });
    }
    return recorded;
  }
}

function nameFromUrl(url: string): string {
  const slug = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? url;
  return decodeURIComponent(slug).replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}
