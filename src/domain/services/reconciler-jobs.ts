import type { Campaign } from '../entities/campaign.js';
import type { CategoryRef } from '../entities/category.js';
import type { ScrapingJobRecord } from '../entities/scraping-job.js';
import { DEFAULT_SCRAPE_SETTINGS, JOB_DATA_VERSION, type CategorySearchJobData, type FullSiteJobData, type JobPriority, type ProductJobData } from '../job-data.js';
import type { Store } from '../ports/storage.port.js';
import { categoryJob, productJob } from './child-jobs.js';
import { siteJobId } from './campaign.service.js';

/**
 * Rebuilds lost jobs from what storage keeps: the campaign (settings, caps),
 * the job record (type, URL, category URL) and the stored category. The ids
 * come out the same derived ids the originals had, so a job that was not lost
 * after all is left alone by the queue.
 */

/** The campaign's root job, as `CampaignService.start` queued it. */
export function siteJobOf(campaign: Campaign, timeoutMs: number): FullSiteJobData {
  const options = campaign.options;
  return {
    v: JOB_DATA_VERSION, type: 'full_site', jobId: siteJobId(campaign.id), targetUrl: campaign.seedUrl, createdAt: new Date().toISOString(),
    priority: options.priority as JobPriority, siteIntelligenceId: campaign.site, campaignId: campaign.id,
    settings: { ...DEFAULT_SCRAPE_SETTINGS, timeoutMs, rateLimitDelayMs: options.rateLimitDelayMs, renderJs: options.renderJs },
  };
}

async function categoryRefOf(store: Store, url: string | undefined): Promise<CategoryRef | undefined> {
  if (!url) return undefined;
  const category = await store.categories.getByUrl(url);
  if (!category) return undefined;
  return { url: category.url, name: category.name, path: category.path, ...(category.parentUrl ? { parentUrl: category.parentUrl } : {}) };
}

/** The product job of a record, or undefined when it cannot be rebuilt with the record's id. */
export async function productJobOf(store: Store, site: FullSiteJobData, record: ScrapingJobRecord): Promise<ProductJobData | undefined> {
  const category = await categoryRefOf(store, record.categoryUrl);
  const job = productJob(site, record.url, category);
  return job.jobId === record.id ? job : undefined;
}

/** The category_search job of a record, or undefined when it cannot be rebuilt with the record's id. */
export async function categoryJobOf(store: Store, site: FullSiteJobData, campaign: Campaign, record: ScrapingJobRecord): Promise<CategorySearchJobData | undefined> {
  const category = await categoryRefOf(store, record.categoryUrl ?? record.url);
  if (!category) return undefined;
  const job = categoryJob(site, campaign, category);
  return job.jobId === record.id ? job : undefined;
}

/** The id of the category job that queued a product, by the derived-id rule (undefined for a search's products). */
export function parentCategoryJobId(site: FullSiteJobData, record: ScrapingJobRecord): string | undefined {
  return record.categoryUrl ? categoryJob(site, undefined, { url: record.categoryUrl, name: '', path: '' }).jobId : undefined;
}
