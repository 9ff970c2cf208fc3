import type { Model, UpdateQuery } from 'mongoose';
import type { Product, ProductInput } from '../../domain/entities/product.js';
import type { ProductCategoryLink } from '../../domain/entities/category.js';
import type { Page, PageRequest } from '../../domain/pagination.js';
import type { ProductFilter, ProductRepository } from '../../domain/ports/storage.port.js';
import { newId } from '../../domain/ids.js';
import { retryOnDuplicateKey } from './mongo-errors.js';
import { PRODUCT_FIELDS, type ProductCategoryDoc, type ProductDoc, type ProductHistoryDoc } from './mongo-models.js';
import { byIds, chunks, defined } from './mongo-paging.js';
import type { ProductSort } from '../../domain/catalog-query.js';
import { stateChanged, stateOf, type ProductHistoryEntry, type ProductState } from '../../domain/product-history.js';
import { pageProducts } from './mongo-product-query.js';

const INPUT_FIELDS = Object.keys(PRODUCT_FIELDS) as (keyof ProductInput)[];

/**
 * Fields a re-scrape replaces wholesale: set when the scrape has them, unset
 * when it does not. Site and canonical URL are the key; the campaign id is
 * kept when a later scrape has none.
 */
const REPLACED_FIELDS = INPUT_FIELDS.filter((field) => field !== 'site' && field !== 'canonicalUrl' && field !== 'campaignId');

export function productFromDoc(doc: ProductDoc): Product {
  const product: Record<string, unknown> = { id: doc._id, firstSeenAt: doc.firstSeenAt, updatedAt: doc.updatedAt };
  for (const field of INPUT_FIELDS) {
    const value = doc[field];
    if (value !== undefined && value !== null) product[field] = value;
  }
  return product as unknown as Product;
}

function upsertUpdate(input: ProductInput, id: string, categoryId: string | undefined, now: Date): UpdateQuery<ProductDoc> {
  const set: Record<string, unknown> = { updatedAt: now };
  const unset: Record<string, ''> = {};
  for (const field of REPLACED_FIELDS) {
    const value = input[field];
    if (value === undefined || value === null) unset[field] = '';
    else set[field] = value;
  }
  if (input.campaignId) set.campaignId = input.campaignId;
  if (input.price) set.priceValue = Number(input.price.amount);
  else unset.priceValue = '';
  const update: UpdateQuery<ProductDoc> = { $set: set, $setOnInsert: { _id: id, firstSeenAt: now } };
  if (Object.keys(unset).length > 0) update.$unset = unset;
  const seenBy: Record<string, string> = {};
  if (input.campaignId) seenBy.campaignIds = input.campaignId;
  if (categoryId) seenBy.categoryIds = categoryId;
  if (Object.keys(seenBy).length > 0) update.$addToSet = seenBy;
  return update;
}

export class MongoProductRepository implements ProductRepository {
  constructor(
    private readonly model: Model<ProductDoc>,
    private readonly links: Model<ProductCategoryDoc>,
    private readonly history: Model<ProductHistoryDoc>,
  ) {}

  /**
   * Inserts or refreshes a product by (site, canonical URL) in one document
   * write, so a product is never half-written. `created` is true when this call
   * inserted it (the id it offered is the one stored).
   */
  async upsert(input: ProductInput, categoryId: string | undefined, now: Date): Promise<{ product: Product; created: boolean; previous?: ProductState }> {
    const offeredId = newId(now.getTime());
    const before = await this.model.findOne({ site: input.site, canonicalUrl: input.canonicalUrl }, { price: 1, availability: 1 }).lean<Pick<ProductDoc, 'price' | 'availability'>>();
    const doc = await retryOnDuplicateKey(() =>
      this.model.findOneAndUpdate({ site: input.site, canonicalUrl: input.canonicalUrl }, upsertUpdate(input, offeredId, categoryId, now), { upsert: true, returnDocument: 'after' })
        .lean<ProductDoc>().orFail());
    const product = productFromDoc(doc);
    const created = doc._id === offeredId;
    const previous = before && !created ? stateOf(defined({ price: before.price ? { amount: before.price.amount, currency: before.price.currency } : undefined, availability: before.availability })) : undefined;
    if (!previous || stateChanged(previous, product)) await this.history.create(defined({ productId: product.id, at: now, ...stateOf(product) }));
    return previous ? { product, created, previous } : { product, created };
  }

  /** Newest first, at most `limit` per product. */
  async historyOf(productIds: readonly string[], limit: number): Promise<Map<string, ProductHistoryEntry[]>> {
    const result = new Map<string, ProductHistoryEntry[]>(productIds.map((id) => [id, []]));
    for (const chunk of chunks(productIds)) {
      const docs = await this.history.find({ productId: { $in: chunk } }).sort({ productId: 1, at: -1, _id: -1 }).lean<ProductHistoryDoc[]>();
      for (const doc of docs) {
        const entries = result.get(doc.productId);
        if (!entries || entries.length >= limit) continue;
        entries.push(defined({ productId: doc.productId, at: doc.at, availability: doc.availability, price: doc.price ? { amount: doc.price.amount, currency: doc.price.currency } : undefined }) as ProductHistoryEntry);
      }
    }
    return result;
  }

  /** Records that the product was found in the category; a link that exists is left as it is. */
  async link(productId: string, categoryId: string, campaignId: string | undefined, now: Date): Promise<void> {
    const onInsert: Partial<ProductCategoryDoc> = campaignId ? { campaignId, firstSeenAt: now } : { firstSeenAt: now };
    await retryOnDuplicateKey(() => this.links.updateOne({ productId, categoryId }, { $setOnInsert: onInsert }, { upsert: true }));
  }

  async getByIds(ids: readonly string[]): Promise<(Product | null)[]> {
    return byIds(this.model, ids, productFromDoc);
  }

  async getByUrl(site: string, canonicalUrl: string): Promise<Product | null> {
    const doc = await this.model.findOne({ site, canonicalUrl }).lean<ProductDoc>();
    return doc ? productFromDoc(doc) : null;
  }

  async list(filter: ProductFilter, page: PageRequest, sort: ProductSort = 'CREATED_ASC'): Promise<Page<Product>> {
    return pageProducts(this.model, filter, page, sort, productFromDoc);
  }

  async categoryIdsOf(productIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(productIds.map((id) => [id, []]));
    for (const chunk of chunks(productIds)) {
      const links = await this.links.find({ productId: { $in: chunk } }, { productId: 1, categoryId: 1 })
        .sort({ firstSeenAt: 1, categoryId: 1 }).lean<Pick<ProductCategoryDoc, 'productId' | 'categoryId'>[]>();
      for (const link of links) result.get(link.productId)?.push(link.categoryId);
    }
    return result;
  }

  async linksOf(productIds: readonly string[]): Promise<Map<string, ProductCategoryLink[]>> {
    const result = new Map<string, ProductCategoryLink[]>(productIds.map((id) => [id, []]));
    for (const chunk of chunks(productIds)) {
      const links = await this.links.find({ productId: { $in: chunk } }).sort({ firstSeenAt: 1, categoryId: 1 }).lean<ProductCategoryDoc[]>();
      for (const link of links) {
        result.get(link.productId)?.push(defined({
          productId: link.productId, categoryId: link.categoryId, campaignId: link.campaignId, listingUrl: link.listingUrl,
          page: link.page, position: link.position, firstSeenAt: link.firstSeenAt, lastSeenAt: link.lastSeenAt,
        }) as ProductCategoryLink);
      }
    }
    return result;
  }
}
