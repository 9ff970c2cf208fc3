import type { Campaign } from '../entities/campaign.js';
import type { CategoryRef } from '../entities/category.js';
import type { ScrapingJobRecord } from '../entities/scraping-job.js';
import { derivedId } from '../ids.js';
import { JOB_DATA_VERSION, type CategorySearchJobData, type JobData, type JobPriority, type ProductJobData, type SearchJobData } from '../job-data.js';

/** Builds the payloads a parent job queues under itself, inheriting its settings and campaign. */
export function childJobBase(parent: JobData, idParts: readonly string[], targetUrl: string, priority: JobPriority = parent.priority) {
  return {
    v: JOB_DATA_VERSION,
    jobId: derivedId(parent.campaignId ?? parent.jobId, ...idParts),
    targetUrl,
    createdAt: new Date().toISOString(),
    priority,
    settings: parent.settings,
    siteIntelligenceId: parent.siteIntelligenceId,
    ...(parent.campaignId ? { campaignId: parent.campaignId } : {}),
  };
}

/** A product job: one per canonical URL per campaign, whichever category found it first carries its context. */
export function productJob(parent: JobData, productUrl: string, category: CategoryRef | undefined): ProductJobData {
  return { ...childJobBase(parent, ['product', productUrl], productUrl), type: 'product', ...(category ? { category } : {}) };
}

/** A category_search job for one selected category of a campaign. */
export function categoryJob(parent: JobData, campaign: Campaign | undefined, category: CategoryRef): CategorySearchJobData {
  const options = campaign?.options;
  return {
    ...childJobBase(parent, ['category', category.url], category.url),
    type: 'category_search',
    category,
    ...(options?.maxCategoryPages ? { maxCategoryPages: options.maxCategoryPages } : {}),
    ...(options?.maxProductsPerCategory ? { maxProducts: options.maxProductsPerCategory } : {}),
  };
}

/** A search job for a campaign's search query. */
export function searchJob(parent: JobData, homeUrl: string, query: string): SearchJobData {
  return { ...childJobBase(parent, ['search', query], homeUrl), type: 'search', query };
}

/** The `scraping_jobs` records of jobs about to be queued (kept after the queue trims its history). */
export function jobRecordsOf(jobs: readonly JobData[], queueFor: (priority: JobPriority) => string): ScrapingJobRecord[] {
  const now = new Date();
  return jobs.map((data) => ({
    id: data.jobId, type: data.type, queue: queueFor(data.priority), url: data.targetUrl, site: data.siteIntelligenceId, priority: data.priority,
    status: 'QUEUED' as const, attempts: 0, createdAt: now, updatedAt: now,
    ...(data.campaignId ? { campaignId: data.campaignId } : {}), ...(data.category ? { categoryUrl: data.category.url } : {}),
  }));
}
