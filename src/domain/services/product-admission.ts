import type { Campaign } from '../entities/campaign.js';
import type { CategoryRef } from '../entities/category.js';
import type { JobData, ProductJobData } from '../job-data.js';
import type { RobotsPolicy } from '../ports/site-explorer.port.js';
import type { CampaignTally } from '../ports/storage.port.js';
import { productJob } from './child-jobs.js';

export interface AdmissionDecision {
  jobs: ProductJobData[];
  admitted: { productUrl: string; status: 'QUEUED' | 'SKIPPED'; jobId?: string; reason?: string }[];
}

/**
 * Decides what happens to product URLs new to a campaign: queued as a job, or
 * skipped with a reason (robots.txt disallows it, the campaign's product cap
 * is reached, the campaign was cancelled). Pure.
 */
export function admitProducts(
  parent: JobData, campaign: Campaign | undefined, tally: CampaignTally | undefined,
  urls: readonly string[], category: CategoryRef | undefined, robots: RobotsPolicy | undefined,
): AdmissionDecision {
  const decision: AdmissionDecision = { jobs: [], admitted: [] };
  const cap = campaign?.options.maxProducts;
  // `tally` is read before the new URLs were recorded, so it counts only URLs admitted earlier.
  let taken = tally ? tally.productsQueued + tally.productsScraped + tally.productsFailed : 0;
  for (const productUrl of urls) {
    const skip = (reason: string): void => void decision.admitted.push({ productUrl, status: 'SKIPPED', reason });
    if (campaign?.status === 'CANCELLED') skip('campaign cancelled');
    else if (robots && parent.settings.respectRobotsTxt && !robots.isAllowed(productUrl)) skip('robots.txt');
    else if (cap !== undefined && taken >= cap) skip('maxProducts');
    else {
      const job = productJob(parent, productUrl, category);
      decision.jobs.push(job);
      decision.admitted.push({ productUrl, status: 'QUEUED', jobId: job.jobId });
      taken += 1;
    }
  }
  return decision;
}
