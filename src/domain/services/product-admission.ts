import type { Campaign } from '../entities/campaign.js';
import type { CategoryRef } from '../entities/category.js';
import type { JobData, ProductJobData } from '../job-data.js';
import type { RobotsPolicy } from '../ports/site-explorer.port.js';
import { productJob } from './child-jobs.js';

export interface AdmissionDecision {
  jobs: ProductJobData[];
  admitted: { productUrl: string; status: 'QUEUED' | 'SKIPPED'; jobId?: string; reason?: string }[];
}

/** Product URLs that may be queued at all (not cancelled, allowed by robots.txt), and the skipped rest. */
export function eligibleProducts(parent: JobData, campaign: Campaign | undefined, urls: readonly string[], robots: RobotsPolicy | undefined) {
  const eligible: string[] = [];
  const skipped: AdmissionDecision['admitted'] = [];
  for (const productUrl of urls) {
    if (campaign?.status === 'CANCELLED') skipped.push({ productUrl, status: 'SKIPPED', reason: 'campaign cancelled' });
    else if (robots && parent.settings.respectRobotsTxt && !robots.isAllowed(productUrl)) skipped.push({ productUrl, status: 'SKIPPED', reason: 'robots.txt' });
    else eligible.push(productUrl);
  }
  return { eligible, skipped };
}

/**
 * Decides what happens to product URLs new to a campaign: queued as a job, or
 * skipped with a reason (robots.txt disallows it, the campaign's product cap
 * is reached: `slots` is what the store granted under the cap, the campaign
 * was cancelled). Pure.
 */
export function admitProducts(
  parent: JobData, campaign: Campaign | undefined, urls: readonly string[], category: CategoryRef | undefined,
  robots: RobotsPolicy | undefined, slots = Number.POSITIVE_INFINITY,
): AdmissionDecision {
  const { eligible, skipped } = eligibleProducts(parent, campaign, urls, robots);
  const decision: AdmissionDecision = { jobs: [], admitted: [...skipped] };
  for (const [i, productUrl] of eligible.entries()) {
    if (i >= slots) {
      decision.admitted.push({ productUrl, status: 'SKIPPED', reason: 'maxProducts' });
      continue;
    }
    const job = productJob(parent, productUrl, category);
    decision.jobs.push(job);
    decision.admitted.push({ productUrl, status: 'QUEUED', jobId: job.jobId });
  }
  return decision;
}
