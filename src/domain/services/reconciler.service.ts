import type { Campaign } from '../entities/campaign.js';
import type { ScrapingJobRecord } from '../entities/scraping-job.js';
import type { FullSiteJobData, JobData } from '../job-data.js';
import type { JobQueue, ParentJobRef, QueueJobState } from '../ports/job-queue.port.js';
import type { Logger } from '../ports/logger.port.js';
import type { CampaignTally, Store } from '../ports/storage.port.js';
import { siteJobId } from './campaign.service.js';
import { categoryJobOf, parentCategoryJobId, productJobOf, siteJobOf } from './reconciler-jobs.js';

/**
 * What the reconciler needs from the queue beyond the queue port: where each
 * job is (by id, across every queue) and a way to give a failed job another go.
 */
export interface QueueInventory {
  /** The state of each job id; `unknown` when Redis holds no such job. */
  statesOf(ids: readonly string[]): Promise<Map<string, QueueJobState>>;
  /** Moves a failed job back to waiting with its id and parent. Returns false when it is not failed (any more). */
  retryFailed(id: string): Promise<boolean>;
}

export interface ReconcilerDeps {
  store: Store;
  queue: JobQueue;
  inventory: QueueInventory;
  /** Completes a campaign whose root job Redis lost once all its work has ended (the lifecycle's `complete`). */
  complete: (campaignId: string) => Promise<unknown>;
  logger: Logger;
  /** Fetch time limit of rebuilt jobs (campaigns do not store it). */
  timeoutMs: number;
  /** Records changed more recently than this are left alone (their job may be on its way into the queue). */
  graceMs: number;
  now?: () => number;
}

/** What one pass did, per campaign and in total. */
export interface ReconcileReport {
  campaigns: number;
  requeued: number;
  retried: number;
  completed: number;
}

const RUNNING = ['DISCOVERING', 'SCRAPING'] as const;
const PRESENT_IN_FLOW: readonly QueueJobState[] = ['waiting-children'];

/**
 * Storage is the record of what should happen; Redis only holds the work in
 * flight. For every running campaign this compares the jobs storage still
 * expects (job records not finished, categories not final) with the jobs Redis
 * holds, and re-creates what was lost: a lost job is queued again under its
 * derived id (and under a parent still waiting for children, so the flow
 * completes), a job that failed without storage hearing of it (stalled too
 * often) is retried, and a campaign whose root job is gone is completed once
 * all its work has ended. Every action is idempotent: two passes at once
 * would queue nothing twice (derived ids), though the runner lets only one act.
 */
export class ReconcilerService {
  constructor(private readonly deps: ReconcilerDeps) {}

  async reconcileAll(): Promise<ReconcileReport> {
    const report: ReconcileReport = { campaigns: 0, requeued: 0, retried: 0, completed: 0 };
    for (const status of RUNNING) {
      let after: string | undefined;
      for (;;) {
        const page = await this.deps.store.campaigns.list({ status }, { first: 100, ...(after ? { after } : {}) });
        for (const campaign of page.items) {
          const one = await this.reconcile(campaign);
          report.campaigns += 1;
          report.requeued += one.requeued;
          report.retried += one.retried;
          report.completed += one.completed;
        }
        after = page.cursors.at(-1);
        if (!page.hasNextPage || !after) break;
      }
    }
    return report;
  }

  async reconcile(campaign: Campaign): Promise<Omit<ReconcileReport, 'campaigns'>> {
    const outcome = { requeued: 0, retried: 0, completed: 0 };
    const site = siteJobOf(campaign, this.deps.timeoutMs);
    const tally = await this.deps.store.ledger.tally(campaign.id);
    const categoriesOpen = tally.categoriesScraped + tally.categoriesFailed + tally.categoriesSkipped < tally.categoriesSelected;
    const records = (await this.unfinishedRecords(campaign.id))
      .filter((r) => r.type === 'product' || (r.type === 'category_search' && categoriesOpen));
    const parentIds = records.map((r) => (r.type === 'product' ? parentCategoryJobId(site, r) : undefined)).filter((id): id is string => id !== undefined);
    const states = await this.deps.inventory.statesOf([...new Set([site.jobId, ...records.map((r) => r.id), ...parentIds])]);
    const stateOf = (id: string): QueueJobState => states.get(id) ?? 'unknown';
    for (const record of records) {
      const state = stateOf(record.id);
      if (state === 'failed' && (await this.deps.inventory.retryFailed(record.id))) outcome.retried += 1;
      if (state !== 'unknown') continue;
      if (await this.requeue(campaign, site, record, stateOf)) outcome.requeued += 1;
    }
    outcome.completed = await this.rootJob(campaign, site, tally, records.length, stateOf(site.jobId));
    if (outcome.requeued + outcome.retried + outcome.completed > 0) {
      this.deps.logger.warn({ campaignId: campaign.id, ...outcome }, 'reconciler re-created work Redis had lost');
    }
    return outcome;
  }

  /** Job records of the campaign still expected to run, older than the grace period. */
  private async unfinishedRecords(campaignId: string): Promise<ScrapingJobRecord[]> {
    const cutoff = (this.deps.now ?? Date.now)() - this.deps.graceMs;
    const records: ScrapingJobRecord[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await this.deps.store.jobs.list({ campaignId, status: 'QUEUED' }, { first: 500, ...(after ? { after } : {}) });
      records.push(...page.items.filter((r) => r.updatedAt.getTime() <= cutoff));
      after = page.cursors.at(-1);
      if (!page.hasNextPage || !after) return records;
    }
  }

  private async requeue(campaign: Campaign, site: FullSiteJobData, record: ScrapingJobRecord, stateOf: (id: string) => QueueJobState): Promise<boolean> {
    const job: JobData | undefined = record.type === 'product'
      ? await productJobOf(this.deps.store, site, record)
      : await categoryJobOf(this.deps.store, site, campaign, record);
    if (!job) {
      this.deps.logger.warn({ campaignId: campaign.id, jobId: record.id, url: record.url }, 'reconciler cannot rebuild a lost job from storage');
      return false;
    }
    const parent = this.parentFor(site, record, stateOf);
    await this.deps.queue.enqueue([job], parent ? { parent } : {});
    return true;
  }

  /** A parent that still waits for children adopts the re-created job (its category job, else the root job), so the flow ends after it. */
  private parentFor(site: FullSiteJobData, record: ScrapingJobRecord, stateOf: (id: string) => QueueJobState): ParentJobRef | undefined {
    const candidates = record.type === 'product' ? [parentCategoryJobId(site, record), site.jobId] : [site.jobId];
    const parentId = candidates.find((id) => id !== undefined && PRESENT_IN_FLOW.includes(stateOf(id)));
    return parentId ? { id: parentId, queue: this.deps.queue.queueFor(site.priority) } : undefined;
  }

  /**
   * The root (`full_site`) job: lost before it selected categories, it is
   * queued again; lost after, the campaign is completed here once nothing
   * is left to do; failed without storage hearing of it, it is retried.
   */
  private async rootJob(campaign: Campaign, site: FullSiteJobData, tally: CampaignTally, openRecords: number, state: QueueJobState): Promise<number> {
    if (state === 'failed') {
      await this.deps.inventory.retryFailed(site.jobId);
      return 0;
    }
    if (state !== 'unknown') return 0;
    if (tally.categoriesSelected === 0 && tally.productsDiscovered === 0) {
      await this.deps.queue.enqueue([site]);
      return 0;
    }
    const allEnded = openRecords === 0 && tally.productsQueued === 0
      && tally.categoriesScraped + tally.categoriesFailed + tally.categoriesSkipped >= tally.categoriesSelected;
    if (!allEnded) return 0;
    await this.deps.complete(campaign.id);
    return 1;
  }
}
