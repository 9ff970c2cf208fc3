import type { Product } from '../entities/product.js';
import { notFound } from '../errors.js';
import type { Store } from '../ports/storage.port.js';

/** One exported product: flat, display-ready values (`categories`: the category paths it is linked to, sorted). */
export interface ProductExportRow {
  url: string;
  canonicalUrl: string;
  title: string;
  brand: string | null;
  sku: string | null;
  gtin: string | null;
  mpn: string | null;
  price: string | null;
  currency: string | null;
  compareAtPrice: string | null;
  availability: string;
  categories: string[];
  images: string[];
  site: string;
  completeness: number;
  scrapedAt: string;
  updatedAt: string;
}

/** The export columns, in order (the CSV header row). */
export const EXPORT_COLUMNS = [
  'url', 'canonicalUrl', 'title', 'brand', 'sku', 'gtin', 'mpn', 'price', 'currency', 'compareAtPrice', 'availability', 'categories', 'images',
  'site', 'completeness', 'scrapedAt', 'updatedAt',
] as const satisfies readonly (keyof ProductExportRow)[];

export interface ProductExportOptions {
  /** Products read from storage per page (memory stays bounded by one page). */
  pageSize?: number;
}

/**
 * A campaign's products for export, read page by page through storage (keyset
 * cursors): the caller pulls the next page only when it wants it, so a slow
 * reader holds one page in memory, never the whole catalog.
 */
export class ProductExportService {
  private readonly pageSize: number;

  constructor(private readonly store: Store, options: ProductExportOptions = {}) {
    this.pageSize = options.pageSize ?? 200;
  }

  /** Throws NOT_FOUND for an unknown campaign, before anything is written. */
  async assertCampaign(campaignId: string): Promise<void> {
    const [campaign] = await this.store.campaigns.getByIds([campaignId]);
    if (!campaign) throw notFound('Campaign', campaignId);
  }

  /** The campaign's products in creation order, one page of rows per step. */
  async *pages(campaignId: string): AsyncGenerator<ProductExportRow[]> {
    let after: string | undefined;
    for (;;) {
      const page = await this.store.products.list({ campaignId }, after ? { first: this.pageSize, after } : { first: this.pageSize });
      if (page.items.length > 0) yield await this.rows(page.items);
      if (!page.hasNextPage) return;
      after = page.cursors.at(-1);
    }
  }

  private async rows(products: Product[]): Promise<ProductExportRow[]> {
    const links = await this.store.products.categoryIdsOf(products.map((p) => p.id));
    const categoryIds = [...new Set([...links.values()].flat())];
    const categories = await this.store.categories.getByIds(categoryIds);
    const pathOf = new Map(categories.filter((c) => c !== null).map((c) => [c.id, c.path]));
    return products.map((p) => toRow(p, (links.get(p.id) ?? []).map((id) => pathOf.get(id)).filter((path) => path !== undefined).sort()));
  }
}

function toRow(p: Product, categories: string[]): ProductExportRow {
  return {
    url: p.url, canonicalUrl: p.canonicalUrl, title: p.title, brand: p.brand ?? null, sku: p.sku ?? null, gtin: p.gtin ?? null, mpn: p.mpn ?? null,
    price: p.price?.amount ?? null, currency: p.price?.currency ?? null, compareAtPrice: p.compareAtPrice?.amount ?? null, availability: p.availability,
    categories, images: p.images, site: p.site, completeness: p.completeness, scrapedAt: p.scrapedAt.toISOString(), updatedAt: p.updatedAt.toISOString(),
  };
}
