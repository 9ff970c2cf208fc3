import type { AnyBulkWriteOperation } from 'mongoose';
import type {
  CampaignCategoryEntry, CampaignLedgerRepository, CampaignQualityCounts, CampaignTally, CategoryChange, ProductSighting,
} from '../../domain/ports/storage.port.js';
import { retryOnDuplicateKey } from './mongo-errors.js';
import { categoryChanges, errorsBySite, quality, tally } from './mongo-ledger-reports.js';
import type { CampaignItemDoc, MongoModels, ProductCategoryDoc, ProductDoc, ProductSightingDoc } from './mongo-models.js';
import { chunks } from './mongo-paging.js';

/** Item statuses a product job may still move on from. */
const OPEN_ITEM: CampaignItemDoc['status'][] = ['NEW', 'QUEUED'];

/**
 * The campaign ledger on MongoDB, without multi-document transactions: every
 * write is an idempotent upsert (`$setOnInsert`) or a conditional update (a
 * `status` filter), so a replay changes nothing and a lost race is retried.
 *
 * Linking a product to the categories it was sighted in spans two writers:
 * `recordSightings` (sighting first) and `recordProductScrape` (product first).
 * Each writes its own document before it reads the other's: a sighting is
 * stored before products are looked up, and a product is stored before its
 * sightings are read. Whichever of two concurrent writers reads second sees
 * the other's write, so no sighting of a stored product goes unlinked (both
 * may link it, and the link upsert makes that harmless).
 */
export class MongoLedgerRepository implements CampaignLedgerRepository {
  constructor(private readonly models: MongoModels) {}

  async addCategories(campaignId: string, entries: readonly CampaignCategoryEntry[], at: Date): Promise<void> {
    if (entries.length === 0) return;
    await retryOnDuplicateKey(() => this.models.campaignCategories.bulkWrite(entries.map((e) => ({
      updateOne: {
        filter: { campaignId, categoryId: e.categoryId },
        update: { $setOnInsert: { rank: e.rank, jobId: e.jobId, status: 'QUEUED', pages: 0, createdAt: at } },
        upsert: true,
      },
    }))));
  }

  async finishCategory(campaignId: string, categoryId: string, status: 'SCRAPED' | 'FAILED' | 'SKIPPED', pages: number, at: Date): Promise<boolean> {
    const result = await this.models.campaignCategories.updateOne(
      { campaignId, categoryId, status: 'QUEUED' }, { $set: { status, pages, finishedAt: at } });
    return result.matchedCount > 0;
  }

  /** Sightings and items first, then the reads (item statuses, stored products): see the class comment. */
  async recordSightings(campaignId: string, site: string, sightings: readonly ProductSighting[], at: Date): Promise<string[]> {
    if (sightings.length === 0) return [];
    const urls = [...new Set(sightings.map((s) => s.productUrl))];
    await retryOnDuplicateKey(() => this.models.productSightings.bulkWrite(sightings.map((s) => ({
      updateOne: {
        filter: { campaignId, categoryId: s.categoryId, productUrl: s.productUrl },
        update: { $setOnInsert: { site, listingUrl: s.listingUrl, page: s.page, position: s.position, firstSeenAt: at }, $set: { lastSeenAt: at } },
        upsert: true,
      },
    }))));
    await retryOnDuplicateKey(() => this.models.campaignItems.bulkWrite(urls.map((productUrl) => ({
      updateOne: {
        filter: { campaignId, productUrl },
        update: { $setOnInsert: { site, status: 'NEW', createdAt: at, updatedAt: at } },
        upsert: true,
      },
    }))));
    const fresh = new Set<string>();
    for (const chunk of chunks(urls)) {
      const items = await this.models.campaignItems.find({ campaignId, productUrl: { $in: chunk }, status: 'NEW' }, { productUrl: 1 })
        .lean<Pick<CampaignItemDoc, 'productUrl'>[]>();
      for (const item of items) fresh.add(item.productUrl);
      const stored = await this.models.products.find({ site, canonicalUrl: { $in: chunk } }, { _id: 1, canonicalUrl: 1 })
        .lean<Pick<ProductDoc, '_id' | 'canonicalUrl'>[]>();
      await this.linkFromSightings(campaignId, new Map(stored.map((p) => [p.canonicalUrl, p._id])), true);
    }
    return urls.filter((url) => fresh.has(url));
  }

  async admitProducts(campaignId: string, items: readonly { productUrl: string; status: 'QUEUED' | 'SKIPPED'; jobId?: string; reason?: string }[], at: Date): Promise<void> {
    if (items.length === 0) return;
    await this.models.campaignItems.bulkWrite(items.map((i) => ({
      updateOne: {
        filter: { campaignId, productUrl: i.productUrl, status: 'NEW' },
        update: { $set: { status: i.status, updatedAt: at, ...(i.jobId ? { jobId: i.jobId } : {}), ...(i.reason ? { reason: i.reason } : {}) } },
      },
    })));
  }

  async finishProduct(campaignId: string, productUrl: string, status: 'FAILED' | 'SKIPPED', at: Date, reason?: string): Promise<boolean> {
    const result = await this.models.campaignItems.updateOne(
      { campaignId, productUrl, status: { $in: OPEN_ITEM } }, { $set: { status, updatedAt: at, ...(reason ? { reason } : {}) } });
    return result.matchedCount > 0;
  }

  /**
   * Links a stored product to every category it was sighted in during the
   * campaign and marks its item SCRAPED. Called after the product upsert (see
   * the class comment); a replay finds the item final and relinks nothing new.
   */
  async completeProduct(campaignId: string, productUrl: string, productId: string, at: Date): Promise<void> {
    await this.linkFromSightings(campaignId, new Map([[productUrl, productId]]), false);
    await this.models.campaignItems.updateOne(
      { campaignId, productUrl, status: { $in: OPEN_ITEM } }, { $set: { status: 'SCRAPED', productId, updatedAt: at } });
  }

  async reopenProducts(campaignId: string, productUrls: readonly string[], at: Date): Promise<number> {
    if (productUrls.length === 0) return 0;
    const result = await this.models.campaignItems.updateMany(
      { campaignId, productUrl: { $in: [...productUrls] }, status: 'FAILED' }, { $set: { status: 'QUEUED', updatedAt: at }, $unset: { reason: 1 } });
    return result.modifiedCount;
  }

  async reopenCategories(campaignId: string, categoryIds: readonly string[], _at: Date): Promise<number> {
    if (categoryIds.length === 0) return 0;
    const result = await this.models.campaignCategories.updateMany(
      { campaignId, categoryId: { $in: [...categoryIds] }, status: 'FAILED' }, { $set: { status: 'QUEUED' }, $unset: { finishedAt: 1 } });
    return result.modifiedCount;
  }

  async tally(campaignId: string): Promise<CampaignTally> {
    return tally(this.models, campaignId);
  }

  async quality(campaignId: string): Promise<CampaignQualityCounts> {
    return quality(this.models, campaignId);
  }

  async errorsBySite(campaignId: string): Promise<Map<string, { failed: number; total: number }>> {
    return errorsBySite(this.models, campaignId);
  }

  async categoryChanges(campaignId: string): Promise<CategoryChange[]> {
    return categoryChanges(this.models, campaignId);
  }

  /**
   * Upserts a link per sighting of the given products (product URL -> id) in
   * the campaign, with the SQLite rules: the first-seen time is kept; campaign,
   * listing, page and position are replaced; last seen only moves forward.
   * Then mirrors the categories (and, if asked, the campaign) onto the products.
   */
  private async linkFromSightings(campaignId: string, productIds: ReadonlyMap<string, string>, withMembership: boolean): Promise<void> {
    if (productIds.size === 0) return;
    const sightings = await this.models.productSightings.find({ campaignId, productUrl: { $in: [...productIds.keys()] } })
      .lean<ProductSightingDoc[]>();
    const categoriesOf = new Map<string, string[]>([...productIds.values()].map((id) => [id, []]));
    const links: AnyBulkWriteOperation<ProductCategoryDoc>[] = [];
    for (const s of sightings) {
      const productId = productIds.get(s.productUrl)!;
      categoriesOf.get(productId)!.push(s.categoryId);
      links.push({
        updateOne: {
          filter: { productId, categoryId: s.categoryId },
          update: {
            $setOnInsert: { firstSeenAt: s.firstSeenAt },
            $set: { campaignId, listingUrl: s.listingUrl, page: s.page, position: s.position },
            $max: { lastSeenAt: s.lastSeenAt },
          },
          upsert: true,
        },
      });
    }
    if (links.length > 0) await retryOnDuplicateKey(() => this.models.productCategories.bulkWrite(links));
    const mirrors: AnyBulkWriteOperation<ProductDoc>[] = [];
    for (const [productId, categoryIds] of categoriesOf) {
      const addToSet: Record<string, unknown> = {};
      if (categoryIds.length > 0) addToSet.categoryIds = { $each: categoryIds };
      if (withMembership) addToSet.campaignIds = campaignId;
      if (Object.keys(addToSet).length > 0) mirrors.push({ updateOne: { filter: { _id: productId }, update: { $addToSet: addToSet } } });
    }
    if (mirrors.length > 0) await this.models.products.bulkWrite(mirrors);
  }
}
