import { stmt } from './statements.js';
import type { Database } from 'better-sqlite3';
import type {
  CampaignCategoryEntry, CampaignLedgerRepository, CampaignQualityCounts, CampaignTally, CategoryChange, ProductSighting,
} from '../../domain/ports/storage.port.js';

/**
 * Links a product to the categories it was sighted in. INDEXED BY: without
 * table statistics SQLite picks the primary key's campaign prefix and reads
 * every sighting of the campaign for each product (quadratic in the campaign).
 */
const LINK_FROM_SIGHTINGS = `
  INSERT INTO product_categories (product_id, category_id, campaign_id, first_seen_at, listing_url, page, position, last_seen_at)
  SELECT @productId, s.category_id, s.campaign_id, s.first_seen_at, s.listing_url, s.page, s.position, s.last_seen_at
  FROM product_sightings s INDEXED BY product_sightings_url WHERE s.campaign_id = @campaignId AND s.product_url = @productUrl
  ON CONFLICT (product_id, category_id) DO UPDATE SET campaign_id = excluded.campaign_id, listing_url = excluded.listing_url,
    page = excluded.page, position = excluded.position, last_seen_at = MAX(COALESCE(product_categories.last_seen_at, 0), excluded.last_seen_at)`;

/** The campaign ledger on SQLite: every write is one transaction and idempotent. */
export class SqliteLedgerRepository implements CampaignLedgerRepository {
  constructor(private readonly db: Database) {}

  async addCategories(campaignId: string, entries: readonly CampaignCategoryEntry[], at: Date): Promise<void> {
    const insert = stmt(this.db, `INSERT OR IGNORE INTO campaign_categories (campaign_id, category_id, rank, job_id, status, created_at)
      VALUES (?, ?, ?, ?, 'QUEUED', ?)`);
    this.db.transaction(() => {
      for (const e of entries) insert.run(campaignId, e.categoryId, e.rank, e.jobId, at.getTime());
    }).immediate();
  }

  async finishCategory(campaignId: string, categoryId: string, status: 'SCRAPED' | 'FAILED' | 'SKIPPED', pages: number, at: Date): Promise<boolean> {
    return stmt(this.db, `UPDATE campaign_categories SET status = ?, pages = ?, finished_at = ?
      WHERE campaign_id = ? AND category_id = ? AND status = 'QUEUED'`).run(status, pages, at.getTime(), campaignId, categoryId).changes > 0;
  }

  async recordSightings(campaignId: string, site: string, sightings: readonly ProductSighting[], at: Date): Promise<string[]> {
    const now = at.getTime();
    const sight = stmt(this.db, `INSERT INTO product_sightings (campaign_id, category_id, product_url, site, listing_url, page, position, first_seen_at, last_seen_at)
      VALUES (@campaignId, @categoryId, @productUrl, @site, @listingUrl, @page, @position, @now, @now)
      ON CONFLICT (campaign_id, category_id, product_url) DO UPDATE SET last_seen_at = excluded.last_seen_at`);
    const item = stmt(this.db, `INSERT OR IGNORE INTO campaign_items (campaign_id, product_url, site, status, created_at, updated_at)
      VALUES (?, ?, ?, 'NEW', ?, ?)`);
    const status = stmt(this.db, 'SELECT status FROM campaign_items WHERE campaign_id = ? AND product_url = ?').pluck();
    const stored = stmt(this.db, 'SELECT id FROM products WHERE site = ? AND canonical_url = ?').pluck();
    const link = stmt(this.db, LINK_FROM_SIGHTINGS);
    const linkCampaign = stmt(this.db, 'INSERT OR IGNORE INTO product_campaigns (product_id, campaign_id) VALUES (?, ?)');
    return this.db.transaction(() => {
      const fresh = new Set<string>();
      for (const s of sightings) {
        sight.run({ ...s, campaignId, site, now });
        item.run(campaignId, s.productUrl, site, now, now);
        if (status.get(campaignId, s.productUrl) === 'NEW') fresh.add(s.productUrl);
        const productId = stored.get(site, s.productUrl) as string | undefined;
        if (productId) {
          link.run({ productId, campaignId, productUrl: s.productUrl });
          linkCampaign.run(productId, campaignId);
        }
      }
      return [...fresh];
    }).immediate();
  }

  async admitProducts(campaignId: string, items: readonly { productUrl: string; status: 'QUEUED' | 'SKIPPED'; jobId?: string; reason?: string }[], at: Date): Promise<void> {
    const update = stmt(this.db, `UPDATE campaign_items SET status = ?, job_id = ?, reason = ?, updated_at = ?
      WHERE campaign_id = ? AND product_url = ? AND status = 'NEW'`);
    this.db.transaction(() => {
      for (const i of items) update.run(i.status, i.jobId ?? null, i.reason ?? null, at.getTime(), campaignId, i.productUrl);
    }).immediate();
  }

  async finishProduct(campaignId: string, productUrl: string, status: 'FAILED' | 'SKIPPED', at: Date, reason?: string): Promise<boolean> {
    return stmt(this.db, `UPDATE campaign_items SET status = ?, reason = COALESCE(?, reason), updated_at = ?
      WHERE campaign_id = ? AND product_url = ? AND status IN ('NEW', 'QUEUED')`).run(status, reason ?? null, at.getTime(), campaignId, productUrl).changes > 0;
  }

  async reopenProducts(campaignId: string, productUrls: readonly string[], at: Date): Promise<number> {
    const update = stmt(this.db, `UPDATE campaign_items SET status = 'QUEUED', reason = NULL, updated_at = ?
      WHERE campaign_id = ? AND product_url = ? AND status = 'FAILED'`);
    return this.db.transaction(() => productUrls.reduce((moved, url) => moved + update.run(at.getTime(), campaignId, url).changes, 0)).immediate();
  }

  async reopenCategories(campaignId: string, categoryIds: readonly string[], _at: Date): Promise<number> {
    const update = stmt(this.db, `UPDATE campaign_categories SET status = 'QUEUED', finished_at = NULL
      WHERE campaign_id = ? AND category_id = ? AND status = 'FAILED'`);
    return this.db.transaction(() => categoryIds.reduce((moved, id) => moved + update.run(campaignId, id).changes, 0)).immediate();
  }

  /** Marks the item SCRAPED and links the product to every category it was sighted in. Runs inside the caller's transaction. */
  completeProductSync(campaignId: string, productUrl: string, productId: string, at: Date): void {
    stmt(this.db, LINK_FROM_SIGHTINGS).run({ productId, campaignId, productUrl });
    stmt(this.db, `UPDATE campaign_items SET status = 'SCRAPED', product_id = ?, updated_at = ?
      WHERE campaign_id = ? AND product_url = ? AND status IN ('NEW', 'QUEUED')`).run(productId, at.getTime(), campaignId, productUrl);
  }

  async tally(campaignId: string): Promise<CampaignTally> {
    const tally: CampaignTally = {
      categoriesSelected: 0, categoriesScraped: 0, categoriesFailed: 0, categoriesSkipped: 0,
      productsDiscovered: 0, productsQueued: 0, productsScraped: 0, productsFailed: 0, productsSkipped: 0, skippedReasons: {},
    };
    const categories = stmt(this.db, 'SELECT status, COUNT(*) AS n FROM campaign_categories WHERE campaign_id = ? GROUP BY status').all(campaignId) as { status: string; n: number }[];
    for (const { status, n } of categories) {
      tally.categoriesSelected += n;
      if (status === 'SCRAPED') tally.categoriesScraped = n;
      if (status === 'FAILED') tally.categoriesFailed = n;
      if (status === 'SKIPPED') tally.categoriesSkipped = n;
    }
    const items = stmt(this.db, 'SELECT status, reason, COUNT(*) AS n FROM campaign_items WHERE campaign_id = ? GROUP BY status, reason').all(campaignId) as { status: string; reason: string | null; n: number }[];
    for (const { status, reason, n } of items) {
      tally.productsDiscovered += n;
      if (status === 'QUEUED' || status === 'NEW') tally.productsQueued += n;
      if (status === 'SCRAPED') tally.productsScraped += n;
      if (status === 'FAILED') tally.productsFailed += n;
      if (status === 'SKIPPED') {
        tally.productsSkipped += n;
        tally.skippedReasons[reason ?? 'unspecified'] = (tally.skippedReasons[reason ?? 'unspecified'] ?? 0) + n;
      }
    }
    return tally;
  }

  async quality(campaignId: string): Promise<CampaignQualityCounts> {
    const row = stmt(this.db, `SELECT COUNT(*) AS products,
        SUM(CASE WHEN title <> '' AND price_amount IS NOT NULL AND price_currency IS NOT NULL AND availability <> 'UNKNOWN'
          AND json_array_length(json_extract(data, '$.images')) > 0 AND url <> '' THEN 1 ELSE 0 END) AS complete,
        SUM(CASE WHEN EXISTS (SELECT 1 FROM product_categories pc WHERE pc.product_id = p.id) THEN 1 ELSE 0 END) AS linked
      FROM products p WHERE p.id IN (SELECT product_id FROM product_campaigns WHERE campaign_id = ?)`).get(campaignId) as { products: number; complete: number | null; linked: number | null };
    const duplicates = stmt(this.db, `SELECT COALESCE(SUM(n - 1), 0) FROM (
        SELECT COUNT(*) AS n FROM products p JOIN product_campaigns pc ON pc.product_id = p.id AND pc.campaign_id = ?
        WHERE json_extract(p.data, '$.sku') IS NOT NULL GROUP BY p.site, json_extract(p.data, '$.sku') HAVING n > 1)`).pluck().get(campaignId) as number;
    return { products: row.products, completeProducts: row.complete ?? 0, linkedProducts: row.linked ?? 0, duplicateProducts: duplicates };
  }

  async errorsBySite(campaignId: string): Promise<Map<string, { failed: number; total: number }>> {
    const rows = stmt(this.db, `SELECT site, SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed, COUNT(*) AS total
      FROM campaign_items WHERE campaign_id = ? AND status IN ('SCRAPED', 'FAILED') GROUP BY site`).all(campaignId) as { site: string; failed: number; total: number }[];
    return new Map(rows.map((r) => [r.site, { failed: r.failed, total: r.total }]));
  }

  async categoryChanges(campaignId: string): Promise<CategoryChange[]> {
    const previous = stmt(this.db, `SELECT p.id FROM campaigns c JOIN campaigns p ON p.site = c.site AND p.created_at < c.created_at
      WHERE c.id = ? ORDER BY p.created_at DESC LIMIT 1`).pluck().get(campaignId) as string | undefined;
    if (!previous) return [];
    const both = `SELECT category_id FROM campaign_categories WHERE campaign_id = @current AND status = 'SCRAPED'
      INTERSECT SELECT category_id FROM campaign_categories WHERE campaign_id = @previous AND status = 'SCRAPED'`;
    const diff = (from: string, other: string, change: string): string => `SELECT category_id AS categoryId, product_url AS productUrl, '${change}' AS change
      FROM product_sightings a WHERE a.campaign_id = @${from} AND a.category_id IN (${both})
      AND NOT EXISTS (SELECT 1 FROM product_sightings b WHERE b.campaign_id = @${other} AND b.category_id = a.category_id AND b.product_url = a.product_url)`;
    return stmt(this.db, `${diff('current', 'previous', 'ENTERED')} UNION ALL ${diff('previous', 'current', 'LEFT')} ORDER BY categoryId, change, productUrl`)
      .all({ current: campaignId, previous }) as CategoryChange[];
  }
}
