import type { CategoryInput } from '../../src/domain/entities/category.js';
import type { ProductInput } from '../../src/domain/entities/product.js';
import type { ScrapingJobRecord } from '../../src/domain/entities/scraping-job.js';
import { newId } from '../../src/domain/ids.js';
import type { ProductScrapeWrite } from '../../src/domain/ports/storage.port.js';
import type { ShopCatalog, ShopProduct } from '../../src/demo-shop/index.js';

/**
 * Store writes shaped like the ones a worker makes for demo-shop products
 * (full variants, images and descriptions), without fetching anything.
 */
export class CatalogWrites {
  readonly site: string;

  constructor(private readonly catalog: ShopCatalog, private readonly origin: string) {
    this.site = new URL(origin).host;
  }

  /** The write for `product` found in its `categoryIndex`-th category (0 = its product-type leaf). */
  write(product: ShopProduct, categoryIndex = 0): ProductScrapeWrite | undefined {
    const handle = product.categories[categoryIndex];
    if (handle === undefined) return undefined;
    const input = this.product(product);
    return {
      jobId: newId(),
      product: input,
      category: this.category(handle),
      summary: {
        kind: 'product', url: input.url, canonicalUrl: input.canonicalUrl, title: input.title, availability: input.availability,
        completeness: input.completeness, httpStatus: 200, bytes: 20_000, durationMs: 5, ...(input.price ? { price: input.price } : {}),
      },
      errors: [],
    };
  }

  /** The QUEUED record the job service inserts before a write's job runs. */
  jobRecord(write: ProductScrapeWrite): ScrapingJobRecord {
    const now = new Date();
    return {
      id: write.jobId, type: 'product', queue: 'scraping', url: write.product.url, site: this.site, priority: 'NORMAL', status: 'QUEUED',
      attempts: 0, createdAt: now, updatedAt: now, ...(write.category ? { categoryUrl: write.category.url } : {}),
    };
  }

  private product(product: ShopProduct): ProductInput {
    const url = `${this.origin}${product.path}`;
    const money = (amount: string) => ({ amount, currency: product.currency });
    const leaf = this.catalog.categoryByHandle(product.categories[0] ?? '');
    return {
      site: this.site, url, canonicalUrl: url, title: product.title, brand: product.brand, description: product.description, sku: product.sku,
      gtin: product.gtin, price: money(product.price), ...(product.compareAtPrice ? { compareAtPrice: money(product.compareAtPrice) } : {}),
      availability: product.availability, images: product.images.map((image) => `${this.origin}${image}`),
      variants: product.variants.map((v) => ({ title: v.title, sku: v.sku, options: { ...v.options }, price: money(v.price), availability: v.availability })),
      breadcrumbs: ['Home', ...(leaf ? [leaf.name] : []), product.title], language: 'en',
      ...(product.rating ? { rating: product.rating.value, reviewCount: product.rating.count } : {}),
      sources: { title: 'json-ld', price: 'json-ld', images: 'json-ld', variants: 'json-ld', breadcrumbs: 'json-ld' },
      completeness: 0.9, scrapedAt: new Date(),
    };
  }

  private category(handle: string): CategoryInput {
    const category = this.catalog.categoryByHandle(handle);
    if (!category) throw new Error(`Unknown demo-shop category ${handle}`);
    const parent = category.parentHandle === undefined ? undefined : this.catalog.categoryByHandle(category.parentHandle);
    return {
      site: this.site, url: `${this.origin}${category.path}`, path: category.path, name: category.name, depth: category.depth,
      ...(parent ? { parentUrl: `${this.origin}${parent.path}` } : {}),
    };
  }
}
