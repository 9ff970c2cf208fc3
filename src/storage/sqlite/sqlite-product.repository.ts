import { stmt } from './statements.js';
import type { Database } from 'better-sqlite3';
import type { Product, ProductInput } from '../../domain/entities/product.js';
import type { ProductCategoryLink } from '../../domain/entities/category.js';
import type { Page, PageRequest } from '../../domain/pagination.js';
import type { ProductFilter, ProductRepository } from '../../domain/ports/storage.port.js';
import { newId } from '../../domain/ids.js';
import { byIds, defined, toDate } from './paging.js';
import type { ProductSort } from '../../domain/catalog-query.js';
import { stateChanged, stateOf, type ProductHistoryEntry, type ProductState } from '../../domain/product-history.js';
import { pageProducts } from './sqlite-product-query.js';
import { appendHistory, historyOf } from './sqlite-product-history.js';

export interface ProductRow {
  id: string;
  site: string;
  canonical_url: string;
  url: string;
  campaign_id: string | null;
  data: string;
  first_seen_at: number;
  updated_at: number;
  scraped_at: number;
}

/** Fields kept in the JSON `data` column (the rest have columns of their own). */
type ProductData = Omit<ProductInput, 'site' | 'url' | 'canonicalUrl' | 'campaignId' | 'scrapedAt'>;

export function productFromRow(row: ProductRow): Product {
  const data = JSON.parse(row.data) as ProductData;
  return defined({
    ...data,
    id: row.id,
    site: row.site,
    url: row.url,
    canonicalUrl: row.canonical_url,
    campaignId: row.campaign_id ?? undefined,
    scrapedAt: new Date(row.scraped_at),
    firstSeenAt: new Date(row.first_seen_at),
    updatedAt: toDate(row.updated_at)!,
  }) as Product;
}

export class SqliteProductRepository implements ProductRepository {
  constructor(private readonly db: Database) {}

  /** Inserts or refreshes a product by (site, canonical URL). Runs inside the caller's transaction. */
  upsert(input: ProductInput, now: Date): { product: Product; created: boolean; previous?: ProductState } {
    const { site, url, canonicalUrl, campaignId, scrapedAt, ...data } = input;
    const before = stmt(this.db, 'SELECT id, price_amount, price_currency, availability FROM products WHERE site = ? AND canonical_url = ?')
      .get(site, canonicalUrl) as { id: string; price_amount: string | null; price_currency: string | null; availability: string } | undefined;
    const existing = before?.id;
    const row = stmt(this.db, `
      INSERT INTO products (id, site, canonical_url, url, title, brand, price_amount, price_currency, price_value, availability,
        completeness, campaign_id, data, first_seen_at, updated_at, scraped_at)
      VALUES (@id, @site, @canonicalUrl, @url, @title, @brand, @amount, @currency, @value, @availability, @completeness, @campaignId, @data, @now, @now, @scrapedAt)
      ON CONFLICT (site, canonical_url) DO UPDATE SET url = excluded.url, title = excluded.title, brand = excluded.brand,
        price_amount = excluded.price_amount, price_currency = excluded.price_currency, price_value = excluded.price_value,
        availability = excluded.availability, completeness = excluded.completeness,
        campaign_id = COALESCE(excluded.campaign_id, products.campaign_id), data = excluded.data,
        updated_at = excluded.updated_at, scraped_at = excluded.scraped_at
      RETURNING *`).get({
      id: existing ?? newId(now.getTime()), site, canonicalUrl, url, title: data.title, brand: data.brand ?? null,
      amount: data.price?.amount ?? null, currency: data.price?.currency ?? null, value: data.price ? Number(data.price.amount) : null,
      availability: data.availability, completeness: data.completeness, campaignId: campaignId ?? null,
      data: JSON.stringify(data), now: now.getTime(), scrapedAt: scrapedAt.getTime(),
    }) as ProductRow;
    if (campaignId) stmt(this.db, 'INSERT OR IGNORE INTO product_campaigns (product_id, campaign_id) VALUES (?, ?)').run(row.id, campaignId);
    const product = productFromRow(row);
    if (!before) {
      appendHistory(this.db, product.id, stateOf(product), now);
      return { product, created: true };
    }
    const previous = stateOf({
      availability: before.availability as Product['availability'],
      ...(before.price_amount !== null && before.price_currency !== null ? { price: { amount: before.price_amount, currency: before.price_currency } } : {}),
    });
    if (stateChanged(previous, product)) appendHistory(this.db, product.id, stateOf(product), now);
    return { product, created: false, previous };
  }

  link(productId: string, categoryId: string, campaignId: string | undefined, now: Date): void {
    stmt(this.db, 'INSERT OR IGNORE INTO product_categories (product_id, category_id, campaign_id, first_seen_at) VALUES (?, ?, ?, ?)')
      .run(productId, categoryId, campaignId ?? null, now.getTime());
  }

  async getByIds(ids: readonly string[]): Promise<(Product | null)[]> {
    return byIds(this.db, 'products', ids, productFromRow);
  }

  async getByUrl(site: string, canonicalUrl: string): Promise<Product | null> {
    const row = stmt(this.db, 'SELECT * FROM products WHERE site = ? AND canonical_url = ?').get(site, canonicalUrl) as ProductRow | undefined;
    return row ? productFromRow(row) : null;
  }

  async list(filter: ProductFilter, page: PageRequest, sort: ProductSort = 'CREATED_ASC'): Promise<Page<Product>> {
    return pageProducts(this.db, filter, page, sort, productFromRow);
  }

  async historyOf(productIds: readonly string[], limit: number): Promise<Map<string, ProductHistoryEntry[]>> {
    return historyOf(this.db, productIds, limit);
  }

  async categoryIdsOf(productIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(productIds.map((id) => [id, []]));
    for (let i = 0; i < productIds.length; i += 500) {
      const chunk = productIds.slice(i, i + 500);
      const rows = stmt(this.db, `SELECT product_id, category_id FROM product_categories WHERE product_id IN (${chunk.map(() => '?').join(',')}) ORDER BY first_seen_at, category_id`)
        .all(...chunk) as { product_id: string; category_id: string }[];
      for (const row of rows) result.get(row.product_id)?.push(row.category_id);
    }
    return result;
  }

  async linksOf(productIds: readonly string[]): Promise<Map<string, ProductCategoryLink[]>> {
    const result = new Map<string, ProductCategoryLink[]>(productIds.map((id) => [id, []]));
    for (let i = 0; i < productIds.length; i += 500) {
      const chunk = productIds.slice(i, i + 500);
      const rows = stmt(this.db, `SELECT * FROM product_categories WHERE product_id IN (${chunk.map(() => '?').join(',')}) ORDER BY first_seen_at, category_id`)
        .all(...chunk) as LinkRow[];
      for (const row of rows) result.get(row.product_id)?.push(linkFromRow(row));
    }
    return result;
  }
}

interface LinkRow {
  product_id: string;
  category_id: string;
  campaign_id: string | null;
  listing_url: string | null;
  page: number | null;
  position: number | null;
  first_seen_at: number;
  last_seen_at: number | null;
}

function linkFromRow(row: LinkRow): ProductCategoryLink {
  return defined({
    productId: row.product_id, categoryId: row.category_id, campaignId: row.campaign_id ?? undefined, listingUrl: row.listing_url ?? undefined,
    page: row.page ?? undefined, position: row.position ?? undefined, firstSeenAt: new Date(row.first_seen_at), lastSeenAt: toDate(row.last_seen_at),
  }) as ProductCategoryLink;
}
