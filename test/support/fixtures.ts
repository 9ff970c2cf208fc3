import type { ProductInput } from '../../src/domain/entities/product.js';
import type { CategoryInput } from '../../src/domain/entities/category.js';
import type { ProductScrapeWrite } from '../../src/domain/ports/storage.port.js';
import type { ScrapingJobRecord } from '../../src/domain/entities/scraping-job.js';
import { newId } from '../../src/domain/ids.js';

export const SITE = 'shop.example';

export function productInput(handle: string, overrides: Partial<ProductInput> = {}): ProductInput {
  const url = `https://${SITE}/products/${handle}`;
  return {
    site: SITE,
    url,
    canonicalUrl: url,
    title: `Product ${handle}`,
    brand: 'Northwind',
    sku: `SKU-${handle}`,
    price: { amount: '19.99', currency: 'USD' },
    availability: 'IN_STOCK',
    images: [`https://${SITE}/images/${handle}.svg`],
    variants: [{ title: 'M', options: { Size: 'M' }, availability: 'IN_STOCK' }],
    breadcrumbs: ['Home', 'Shoes'],
    sources: { title: 'json-ld', price: 'json-ld' },
    completeness: 0.8,
    scrapedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

export function categoryInput(handle: string, overrides: Partial<CategoryInput> = {}): CategoryInput {
  return { site: SITE, url: `https://${SITE}/collections/${handle}`, path: `/collections/${handle}`, name: handle, ...overrides };
}

export function productWrite(handle: string, category?: CategoryInput, overrides: Partial<ProductInput> = {}): ProductScrapeWrite {
  const product = productInput(handle, overrides);
  const write: ProductScrapeWrite = {
    jobId: newId(),
    product,
    summary: {
      kind: 'product', url: product.url, canonicalUrl: product.canonicalUrl, title: product.title, availability: product.availability,
      completeness: product.completeness, httpStatus: 200, bytes: 1000, durationMs: 5,
    },
    errors: [],
  };
  return category ? { ...write, category } : write;
}

export function jobRecord(overrides: Partial<ScrapingJobRecord> = {}): ScrapingJobRecord {
  const now = new Date();
  return {
    id: newId(), type: 'product', queue: 'scraping', url: `https://${SITE}/products/x`, site: SITE, priority: 'NORMAL',
    status: 'QUEUED', attempts: 0, createdAt: now, updatedAt: now, ...overrides,
  };
}
