import type { Model, QueryFilter } from 'mongoose';
import { EMPTY_COUNTERS, type Campaign, type CampaignCounters, type CampaignInput, type CampaignStatus } from '../../domain/entities/campaign.js';
import type { Page, PageRequest } from '../../domain/pagination.js';
import type { CampaignFilter, CampaignRepository } from '../../domain/ports/storage.port.js';
import { newId } from '../../domain/ids.js';
import type { CampaignDoc } from './mongo-models.js';
import { byIds, defined, pageBy } from './mongo-paging.js';

/** The only counters `incrementCounters` may touch. */
const COUNTERS = Object.keys(EMPTY_COUNTERS) as (keyof CampaignCounters)[];

const TERMINAL: readonly CampaignStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

function campaignFromDoc(doc: CampaignDoc): Campaign {
  return defined({
    id: doc._id,
    seedUrl: doc.seedUrl,
    site: doc.site,
    status: doc.status,
    options: doc.options,
    counters: { ...EMPTY_COUNTERS, ...doc.counters },
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    startedAt: doc.startedAt,
    finishedAt: doc.finishedAt,
    failedReason: doc.failedReason,
  }) as Campaign;
}

export class MongoCampaignRepository implements CampaignRepository {
  constructor(private readonly model: Model<CampaignDoc>) {}

  async create(input: CampaignInput): Promise<Campaign> {
    const now = new Date();
    const doc: CampaignDoc = {
      _id: newId(now.getTime()), seedUrl: input.seedUrl, site: input.site, status: 'PENDING', options: input.options,
      counters: { ...EMPTY_COUNTERS }, createdAt: now, updatedAt: now,
    };
    await this.model.create(doc);
    return campaignFromDoc(doc);
  }

  async getByIds(ids: readonly string[]): Promise<(Campaign | null)[]> {
    return byIds(this.model, ids, campaignFromDoc);
  }

  /**
   * Moves the status. A start time is kept once set (the first of DISCOVERING
   * or SCRAPING); a terminal status stamps the finish time. The first try only
   * matches a campaign not started yet, so setting the start time stays atomic.
   */
  async setStatus(id: string, status: CampaignStatus, at: Date): Promise<Campaign | null> {
    const set: Partial<CampaignDoc> = TERMINAL.includes(status) ? { status, updatedAt: at, finishedAt: at } : { status, updatedAt: at };
    if (status === 'DISCOVERING' || status === 'SCRAPING') {
      const started = await this.model.findOneAndUpdate({ _id: id, startedAt: null }, { $set: { ...set, startedAt: at } }, { returnDocument: 'after' }).lean<CampaignDoc>();
      if (started) return campaignFromDoc(started);
    }
    const doc = await this.model.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' }).lean<CampaignDoc>();
    return doc ? campaignFromDoc(doc) : null;
  }

  async list(filter: CampaignFilter, page: PageRequest): Promise<Page<Campaign>> {
    const query: QueryFilter<CampaignDoc> = {};
    if (filter.status) query.status = filter.status;
    if (filter.site) query.site = filter.site;
    return pageBy(this.model, query, page, campaignFromDoc);
  }

  /**
   * A conditional update on the status, so of two racing callers one wins.
   * Start time, finish time and failure reason follow `setStatus`: the start
   * time is kept once set (the first try only matches a campaign not started
   * yet, the second any other), a reason given replaces the one stored.
   */
  async transition(id: string, from: readonly CampaignStatus[], to: CampaignStatus, at: Date, failedReason?: string): Promise<Campaign | null> {
    if (from.length === 0) return null;
    const set: Partial<CampaignDoc> = { status: to, updatedAt: at };
    if (TERMINAL.includes(to)) set.finishedAt = at;
    if (failedReason) set.failedReason = failedReason;
    const filter = { _id: id, status: { $in: [...from] } };
    if (to === 'DISCOVERING' || to === 'SCRAPING') {
      const started = await this.model.findOneAndUpdate({ ...filter, startedAt: null }, { $set: { ...set, startedAt: at } }, { returnDocument: 'after' }).lean<CampaignDoc>();
      if (started) return campaignFromDoc(started);
    }
    const doc = await this.model.findOneAndUpdate(filter, { $set: set }, { returnDocument: 'after' }).lean<CampaignDoc>();
    return doc ? campaignFromDoc(doc) : null;
  }

  /** Compare-and-set on the campaign document's admitted count: one document, so atomic without a transaction. */
  async reserveProducts(id: string, wanted: number, cap: number): Promise<number> {
    if (wanted <= 0) return 0;
    for (let attempt = 0; attempt < 100; attempt++) {
      const doc = await this.model.findById(id, { 'counters.productsQueued': 1 }).lean<Pick<CampaignDoc, 'counters'>>();
      if (!doc) return 0;
      const current = doc.counters?.productsQueued ?? 0;
      const granted = Math.max(0, Math.min(wanted, cap - current));
      if (granted === 0) return 0;
      const result = await this.model.updateOne({ _id: id, 'counters.productsQueued': current }, { $inc: { 'counters.productsQueued': granted } });
      if (result.modifiedCount === 1) return granted;
    }
    return 0;
  }

  async incrementCounters(id: string, deltas: Partial<CampaignCounters>): Promise<void> {
    const inc: Record<string, number> = {};
    for (const counter of COUNTERS) {
      const delta = deltas[counter];
      if (delta) inc[`counters.${counter}`] = delta;
    }
    if (Object.keys(inc).length === 0) return;
    await this.model.updateOne({ _id: id }, { $inc: inc, $set: { updatedAt: new Date() } });
  }
}
