import type { Job } from 'bullmq';
import { HeldBack } from '../domain/errors.js';
import type { CategorySearchJobData, FullSiteJobData, JobData, ProductJobData, SearchJobData } from '../domain/job-data.js';
import type { JobQueue } from '../domain/ports/job-queue.port.js';
import type { CampaignLifecycle } from '../domain/services/campaign-lifecycle.service.js';
import type { CampaignPlanner } from '../domain/services/campaign-planner.service.js';
import type { ListingCrawlService, ListingJobResult } from '../domain/services/listing-crawl.service.js';
import { childEnqueuer, runParentStep } from './flow-step.js';

export interface CampaignProcessorDeps {
  planner: CampaignPlanner;
  listings: ListingCrawlService;
  lifecycle: CampaignLifecycle;
  queue: JobQueue;
  /** How long a job of a paused campaign waits before it looks again. */
  pausedRecheckMs: number;
}

export interface SiteJobResult {
  kind: 'site';
  campaignId: string | null;
  platform: string | null;
  categoriesSelected: number;
  categoriesDisallowed: number;
  status: string | null;
}

/** A `full_site` job: phases 1-2, then its category (and search) jobs as children; completes the campaign when they have all ended. */
export function siteProcessor(deps: CampaignProcessorDeps) {
  return async (job: Job<JobData>, data: FullSiteJobData, token?: string, signal?: AbortSignal) => {
    await holdWhilePaused(deps, data, token);
    return runParentStep<SiteJobResult>(job, token, async () => {
      const plan = await deps.planner.plan(data, signal);
      await childEnqueuer(deps.queue, job)(plan.children);
      return { wait: { kind: 'site', campaignId: data.campaignId ?? null, platform: plan.intelligence?.platform ?? null,
        categoriesSelected: plan.categoriesSelected, categoriesDisallowed: plan.categoriesDisallowed, status: null } };
    }, async (own) => {
      const campaign = data.campaignId ? await deps.lifecycle.complete(data.campaignId) : null;
      const current = data.campaignId ? (campaign?.status ?? null) : null;
      return { ...(own ?? { kind: 'site', campaignId: data.campaignId ?? null, platform: null, categoriesSelected: 0, categoriesDisallowed: 0 }), status: current };
    });
  };
}

/** A `category_search` or `search` job: walk the listing, queue products as children, wait for them. */
export function listingProcessor(deps: CampaignProcessorDeps) {
  return async (job: Job<JobData>, data: CategorySearchJobData | SearchJobData, token?: string, signal?: AbortSignal): Promise<ListingJobResult> => {
    await holdWhilePaused(deps, data, token);
    return runParentStep<ListingJobResult>(job, token, async () => {
      if ((await deps.lifecycle.gate(data.campaignId)) === 'skip') {
        const skipped = skippedListing(data.targetUrl);
        await deps.lifecycle.categoryCrawled(data, skipped);
        return { done: skipped };
      }
      const enqueue = childEnqueuer(deps.queue, job);
      const result = data.type === 'search' ? await deps.listings.crawlSearch(data, enqueue, signal) : await deps.listings.crawlCategory(data, enqueue, signal);
      await deps.lifecycle.categoryCrawled(data, result);
      await job.updateProgress(50);
      return { wait: result };
    }, async (own) => own ?? skippedListing(data.targetUrl));
  };
}

/** Runs a product job unless its campaign is paused (wait) or ended (skip, counted with the reason). */
export function gatedProduct<R>(deps: CampaignProcessorDeps, run: (job: Job<JobData>, data: ProductJobData, signal?: AbortSignal) => Promise<R>) {
  return async (job: Job<JobData>, data: ProductJobData, token?: string, signal?: AbortSignal): Promise<R | { kind: 'skipped'; reason: string }> => {
    await holdWhilePaused(deps, data, token);
    if ((await deps.lifecycle.gate(data.campaignId)) === 'skip') {
      await deps.lifecycle.productSkipped(data, 'campaign cancelled');
      return { kind: 'skipped', reason: 'campaign cancelled' };
    }
    return run(job, data, signal);
  };
}

/** A job of a paused campaign goes back to the delayed set and looks again later, without spending an attempt. */
async function holdWhilePaused(deps: CampaignProcessorDeps, data: JobData, token?: string): Promise<void> {
  if (!token || (await deps.lifecycle.gate(data.campaignId)) !== 'wait') return;
  throw new HeldBack(deps.pausedRecheckMs, 'campaign paused', { campaignId: data.campaignId });
}

function skippedListing(url: string): ListingJobResult {
  return { kind: 'listing', url, pages: 0, productsFound: 0, productsQueued: 0, productsSkipped: 0, subcategories: 0, paginationStyles: [], stoppedBecause: 'cancelled' };
}
