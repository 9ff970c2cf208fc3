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
  /** The state of each job id; `unknown` when Redis holds no such job. Costs a scan per id: for a few ids (parents, roots). */
  statesOf(ids: readonly string[]): Promise<Map<string, QueueJobState>>;
  /**
   * Whether Redis holds each job at all, and whether it failed: constant
   * work per id, so it serves every job record of a large campaign.
   */
  presenceOf(ids: readonly string[]): Promise<Map<string, JobPresence>>;
  /** Moves a failed job back to waiting with its id and parent. Returns false when it is not failed (any more). */
  retryFailed(id: string): Promise<boolean>;
  /**
   * Failed jobs (newest first, at most `limit` per queue) that no trawl worker
   * failed: BullMQ failed them itself because they stalled too often (their
   * worker died with them each time) or their payload could not be read.
   */
  foreignFailures(limit: number): Promise<ForeignFailure[]>;
  /** Removes a stuck job (see ForeignFailure.stuck) from the queue. Returns false when it cannot yet (still locked). */
  discard(failure: ForeignFailure): Promise<boolean>;
}

/** Where a job is, as far as the reconciler cares: held by Redis, failed there, or lost. */
export type JobPresence = 'present' | 'failed' | 'unknown';

/** A job BullMQ failed without a trawl worker seeing it fail. */
export interface ForeignFailure {
  jobId: string;
  queue: string;
  name: string;
  /** The payload: parsed JSON, or the raw text when it is not JSON. */
  rawData: unknown;
  /** The payload exactly as Redis holds it. */
  rawText: string;
  attemptsMade: number;
  failedReason: string;
  finishedAt: Date;
  /**
   * Not failed but stuck: its payload is not JSON, so no worker can even load
   * it; it cycles between active and waiting until it is taken out.
   */
  stuck?: boolean;
}

export interface ReconcilerDeps {
  store: Store;
  queue: JobQueue;
  inventory: QueueInventory;
  /** Completes a campaign whose root job Redis lost once all its work has ended (the lifecycle's `complete`). */
  complete: (campaignId: string) => Promise<unknown>;
  logger: Logger;
  /**
   * Does for a foreign failure what a worker does for a final failure (storage,
   * campaign ledger, dead letter). Absent: foreign failures are left alone.
   */
  settleForeignFailure?: (failure: ForeignFailure) => Promise<void>;
  /** Has this job already been dead-lettered at or after `at`? (settled earlier) */
  deadLetteredSince?: (jobId: string, at: Date) => Promise<boolean>;
  /** Fetch time limit of rebuilt jobs (campaigns do not store it). */
  timeoutMs: number;
  /** Records changed more recently than this are left alone (their job may be on its way into the queue). */
  graceMs: number;
  now?: () => number;
}

/** What one pass did, per campaign and in total. */
export interface ReconcileReport {
  /** Foreign failures (stalled too often, unreadable payload) settled as final failures and dead-lettered. */
  settled?: number;
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
    // Foreign failures first: settling them ends their job records, so the campaign pass below does not retry them.
    const report: ReconcileReport = { settled: await this.settleForeignFailures(), campaigns: 0, requeued: 0, retried: 0, completed: 0 };
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

  /**
   * A job BullMQ failed on its own (stalled more than allowed: it took its
   * worker down each time, or its payload could not be parsed) never reached
   * a worker's failure handling. It is a poison job: it is settled as a final
   * failure (JOB_STALLED, or POISON_JOB for an unreadable payload) and
   * dead-lettered, not retried, so a job that kills workers cannot loop.
   */
  async settleForeignFailures(limit = 500): Promise<number> {
    const { settleForeignFailure, deadLetteredSince } = this.deps;
    if (!settleForeignFailure) return 0;
    let settled = 0;
    for (const failure of await this.deps.inventory.foreignFailures(limit)) {
      const known = deadLetteredSince ? await deadLetteredSince(failure.jobId, failure.finishedAt) : false;
      if (!known) {
        await settleForeignFailure(failure);
        settled += 1;
        this.deps.logger.warn({ jobId: failure.jobId, queue: failure.queue, reason: failure.failedReason }, 'dead-lettered a job BullMQ failed on its own');
      }
      if (failure.stuck) await this.deps.inventory.discard(failure);
    }
    return settled;
  }

  /**
   * One campaign: its unfinished job records are read a page at a time (a
   * campaign of 100,000 products is never held in memory at once) and
   * checked against Redis with constant work per job; only lost jobs cost more.
   */
  async reconcile(campaign: Campaign): Promise<Omit<ReconcileReport, 'campaigns'>> {
    const outcome = { requeued: 0, retried: 0, completed: 0 };
    const site = siteJobOf(campaign, this.deps.timeoutMs);
    const tally = await this.deps.store.ledger.tally(campaign.id);
    const categoriesOpen = tally.categoriesScraped + tally.categoriesFailed + tally.categoriesSkipped < tally.categoriesSelected;
    let openRecords = 0;
    for await (const page of this.unfinishedRecords(campaign.id)) {
      const records = page.filter((r) => r.type === 'product' || (r.type === 'category_search' && categoriesOpen));
      openRecords += records.length;
      const presence = await this.deps.inventory.presenceOf(records.map((r) => r.id));
      const lost: ScrapingJobRecord[] = [];
      for (const record of records) {
        const where = presence.get(record.id) ?? 'unknown';
        if (where === 'failed' && (await this.deps.inventory.retryFailed(record.id))) outcome.retried += 1;
        if (where === 'unknown') lost.push(record);
      }
      if (lost.length === 0) continue;
      const parentIds = lost.map((r) => (r.type === 'product' ? parentCategoryJobId(site, r) : undefined)).filter((id): id is string => id !== undefined);
      const states = await this.deps.inventory.statesOf([...new Set([site.jobId, ...parentIds])]);
      const stateOf = (id: string): QueueJobState => states.get(id) ?? 'unknown';
      for (const record of lost) {
        if (await this.requeue(campaign, site, record, stateOf)) outcome.requeued += 1;
      }
    }
    const rootState = (await this.deps.inventory.statesOf([site.jobId])).get(site.jobId) ?? 'unknown';
    outcome.completed = await this.rootJob(campaign, site, tally, openRecords, rootState);
    if (outcome.requeued + outcome.retried + outcome.completed > 0) {
      this.deps.logger.warn({ campaignId: campaign.id, ...outcome }, 'reconciler re-created work Redis had lost');
    }
    return outcome;
  }

  /** Pages of the campaign's job records still expected to run, older than the grace period. */
  private async *unfinishedRecords(campaignId: string): AsyncGenerator<ScrapingJobRecord[]> {
    const cutoff = (this.deps.now ?? Date.now)() - this.deps.graceMs;
    let after: string | undefined;
    for (;;) {
      const page = await this.deps.store.jobs.list({ campaignId, status: 'QUEUED' }, { first: 500, ...(after ? { after } : {}) });
      yield page.items.filter((r) => r.updatedAt.getTime() <= cutoff);
      after = page.cursors.at(-1);
      if (!page.hasNextPage || !after) return;
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
