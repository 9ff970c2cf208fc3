import type { CampaignQualityCounts, CampaignTally, CategoryChange } from '../../domain/ports/storage.port.js';
import type { CampaignCategoryDoc, CampaignDoc, MongoModels, ProductDoc, ProductSightingDoc } from './mongo-models.js';

/*
 * The ledger's read-side figures, computed so that they run on FerretDB 1.x
 * as well as MongoDB: aggregation is limited to `$match` + `$group` with
 * `$sum` over field paths (FerretDB 1.24 has no `$lookup`, no `$cond` and no
 * `$setDifference`). Joins and conditions are done here, over projected
 * documents read in keyset pages.
 */

/** Products read per page for the quality report. */
const QUALITY_PAGE = 500;

interface StatusCount {
  _id: { status?: string; reason?: string | null; site?: string };
  n: number;
}

export async function tally(models: MongoModels, campaignId: string): Promise<CampaignTally> {
  const result: CampaignTally = {
    categoriesSelected: 0, categoriesScraped: 0, categoriesFailed: 0, categoriesSkipped: 0,
    productsDiscovered: 0, productsQueued: 0, productsScraped: 0, productsFailed: 0, productsSkipped: 0, skippedReasons: {},
  };
  const categories = await models.campaignCategories.aggregate<StatusCount>([
    { $match: { campaignId } }, { $group: { _id: { status: '$status' }, n: { $sum: 1 } } },
  ]);
  for (const { _id: { status }, n } of categories) {
    result.categoriesSelected += n;
    if (status === 'SCRAPED') result.categoriesScraped += n;
    if (status === 'FAILED') result.categoriesFailed += n;
    if (status === 'SKIPPED') result.categoriesSkipped += n;
  }
  const items = await models.campaignItems.aggregate<StatusCount>([
    { $match: { campaignId } }, { $group: { _id: { status: '$status', reason: '$reason' }, n: { $sum: 1 } } },
  ]);
  for (const { _id: { status, reason }, n } of items) {
    result.productsDiscovered += n;
    if (status === 'QUEUED' || status === 'NEW') result.productsQueued += n;
    if (status === 'SCRAPED') result.productsScraped += n;
    if (status === 'FAILED') result.productsFailed += n;
    if (status === 'SKIPPED') {
      result.productsSkipped += n;
      const key = reason ?? 'unspecified';
      result.skippedReasons[key] = (result.skippedReasons[key] ?? 0) + n;
    }
  }
  return result;
}

type QualityFields = Pick<ProductDoc, '_id' | 'site' | 'url' | 'title' | 'price' | 'availability' | 'images' | 'sku'>;

/** The SQLite definition: title, price amount and currency, a known availability, an image and a URL. */
function isComplete(p: QualityFields): boolean {
  return Boolean(p.title) && p.price?.amount != null && p.price?.currency != null && p.availability !== 'UNKNOWN'
    && Array.isArray(p.images) && p.images.length > 0 && Boolean(p.url);
}

/** Products of the campaign (its `campaignIds` members), read page by page; linked = has a `product_categories` row. */
export async function quality(models: MongoModels, campaignId: string): Promise<CampaignQualityCounts> {
  const counts: CampaignQualityCounts = { products: 0, completeProducts: 0, linkedProducts: 0, duplicateProducts: 0 };
  const skus = new Map<string, number>();
  let after: string | undefined;
  for (;;) {
    const filter = after ? { campaignIds: campaignId, _id: { $gt: after } } : { campaignIds: campaignId };
    const page = await models.products.find(filter, { site: 1, url: 1, title: 1, price: 1, availability: 1, images: 1, sku: 1 })
      .sort({ _id: 1 }).limit(QUALITY_PAGE).lean<QualityFields[]>();
    if (page.length === 0) break;
    after = page[page.length - 1]!._id;
    const linked = await models.productCategories.distinct('productId', { productId: { $in: page.map((p) => p._id) } });
    counts.products += page.length;
    counts.linkedProducts += linked.length;
    for (const p of page) {
      if (isComplete(p)) counts.completeProducts++;
      if (p.sku != null) {
        const key = JSON.stringify([p.site, p.sku]);
        skus.set(key, (skus.get(key) ?? 0) + 1);
      }
    }
    if (page.length < QUALITY_PAGE) break;
  }
  for (const n of skus.values()) counts.duplicateProducts += n - 1;
  return counts;
}

/** Product jobs that reached SCRAPED or FAILED, by site. */
export async function errorsBySite(models: MongoModels, campaignId: string): Promise<Map<string, { failed: number; total: number }>> {
  const rows = await models.campaignItems.aggregate<StatusCount>([
    { $match: { campaignId, status: { $in: ['SCRAPED', 'FAILED'] } } },
    { $group: { _id: { site: '$site', status: '$status' }, n: { $sum: 1 } } },
  ]);
  const result = new Map<string, { failed: number; total: number }>();
  for (const { _id: { site, status }, n } of rows) {
    const entry = result.get(site!) ?? { failed: 0, total: 0 };
    entry.total += n;
    if (status === 'FAILED') entry.failed += n;
    result.set(site!, entry);
  }
  return result;
}

/** Plain code-unit order, like SQLite's BINARY collation for ASCII URLs and ids. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function scrapedCategories(models: MongoModels, campaignId: string): Promise<Set<string>> {
  const docs = await models.campaignCategories.find({ campaignId, status: 'SCRAPED' }, { categoryId: 1 }).lean<Pick<CampaignCategoryDoc, 'categoryId'>[]>();
  return new Set(docs.map((d) => d.categoryId));
}

async function sightedUrls(models: MongoModels, campaignId: string, categoryId: string): Promise<Set<string>> {
  const docs = await models.productSightings.find({ campaignId, categoryId }, { productUrl: 1 }).lean<Pick<ProductSightingDoc, 'productUrl'>[]>();
  return new Set(docs.map((d) => d.productUrl));
}

/**
 * Against the latest campaign on the same site created before this one, for
 * the categories both SCRAPED: URLs sighted now but not then (ENTERED) and
 * then but not now (LEFT), ordered by category, change, URL. One category at a
 * time, so memory holds two categories' URLs, not two campaigns'.
 */
export async function categoryChanges(models: MongoModels, campaignId: string): Promise<CategoryChange[]> {
  const current = await models.campaigns.findById(campaignId, { site: 1, createdAt: 1 }).lean<Pick<CampaignDoc, 'site' | 'createdAt'>>();
  if (!current) return [];
  const previous = await models.campaigns.findOne({ site: current.site, createdAt: { $lt: current.createdAt } }, { _id: 1 })
    .sort({ createdAt: -1, _id: -1 }).lean<Pick<CampaignDoc, '_id'>>();
  if (!previous) return [];
  const before = await scrapedCategories(models, previous._id);
  const both = [...(await scrapedCategories(models, campaignId))].filter((id) => before.has(id)).sort(compare);
  const changes: CategoryChange[] = [];
  for (const categoryId of both) {
    const now = await sightedUrls(models, campaignId, categoryId);
    const then = await sightedUrls(models, previous._id, categoryId);
    for (const productUrl of [...now].filter((url) => !then.has(url)).sort(compare)) changes.push({ categoryId, productUrl, change: 'ENTERED' });
    for (const productUrl of [...then].filter((url) => !now.has(url)).sort(compare)) changes.push({ categoryId, productUrl, change: 'LEFT' });
  }
  return changes;
}
