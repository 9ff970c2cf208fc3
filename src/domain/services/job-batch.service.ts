import { TrawlError, invalidInput } from '../errors.js';
import { parseTargetUrl, type TargetPolicy } from '../url.js';
import type { CampaignService } from './campaign.service.js';
import { siteJobId } from './campaign.service.js';
import type { EnqueueRequest, JobService, JobView } from './job.service.js';

/** Most jobs one `enqueueJobs` call may queue. */
export const MAX_BATCH_JOBS = 500;

export interface JobBatchDeps {
  jobs: JobService;
  campaigns: CampaignService;
  targetPolicy: TargetPolicy;
}

/**
 * Queues jobs of every type in one call. Every request is validated first,
 * each error naming its entry (`input[3].url`), so a bad entry queues
 * nothing; then the jobs go to the queue in one bulk add, and FULL_SITE
 * entries start their campaigns. Results come back in input order.
 */
export class JobBatchService {
  constructor(private readonly deps: JobBatchDeps) {}

  /** Queues one job of any type; errors name `field.url` and so on. */
  async enqueueOne(request: EnqueueRequest, field = 'input'): Promise<JobView> {
    if (request.type !== 'full_site') return this.deps.jobs.enqueue(request, field);
    return this.startCampaign(request, field);
  }

  async enqueue(requests: readonly EnqueueRequest[], field = 'input'): Promise<JobView[]> {
    if (requests.length === 0) throw invalidInput(field, `${field} is empty; give 1 to ${MAX_BATCH_JOBS} jobs`);
    if (requests.length > MAX_BATCH_JOBS) throw invalidInput(field, `${field} has ${requests.length} jobs; at most ${MAX_BATCH_JOBS} per call`);
    requests.forEach((request, i) => {
      if (request.type === 'full_site') parseTargetUrl(request.url, `${field}[${i}].url`, this.deps.targetPolicy);
      else this.deps.jobs.buildJobData(request, `${field}[${i}]`);
    });
    const plain = requests.filter((request) => request.type !== 'full_site');
    const queued = plain.length > 0 ? await this.deps.jobs.enqueueMany(plain, field) : [];
    const views: JobView[] = [];
    let next = 0;
    for (const request of requests) {
      if (request.type !== 'full_site') {
        views.push(queued[next++]!);
        continue;
      }
      views.push(await this.startCampaign(request, field));
    }
    return views;
  }

  /** A FULL_SITE request runs as a campaign; its job is the campaign's site job. */
  private async startCampaign(request: EnqueueRequest, field: string): Promise<JobView> {
    const campaign = await this.deps.campaigns.start({ seedUrl: request.url, priority: request.priority ?? null }, field, `${field}.url`);
    const view = await this.deps.jobs.get(siteJobId(campaign.id));
    if (!view) throw new TrawlError('QUEUE_UNAVAILABLE', `The site job of campaign ${campaign.id} is missing`, { id: campaign.id });
    return view;
  }
}
