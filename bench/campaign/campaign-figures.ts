import type { ShopCatalog } from '../../src/demo-shop/index.js';
import { allPages } from '../../src/domain/pagination.js';
import type { Store } from '../../src/domain/ports/storage.port.js';
import type { ScrapingJobRecord } from '../../src/domain/entities/scraping-job.js';
import { perMinute, summarize } from '../support/timing.js';

/** What a finished campaign's stored records say about its speed. */
export interface CampaignFigures {
  jobs: number;
  productJobs: number;
  failedJobs: number;
  productsStored: number;
  /** Public products in the categories the campaign selected (robots.txt-allowed, listed): what it should store. */
  productsExpected: number;
  productsSkipped: number;
  productsFailed: number;
  /** Product jobs per minute from the first to the last product job enqueued by the listing fan-out. */
  fanOutJobsPerMin: number;
  fanOutMs: number;
  /** Products stored per minute between 10 % and 90 % of the product jobs finished. */
  steadyProductsPerMin: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyMaxMs: number;
  /** From the campaign's creation to its first stored product. */
  firstProductMs: number;
}


const canonical = (origin: string, path: string): string => new URL(path, origin).href.replace(/\/$/, '');

/** Products a campaign that selected these categories should store: public, and listed in one of them. */
export function expectedProducts(catalog: ShopCatalog, origin: string, selectedCategoryUrls: ReadonlySet<string>): number {
  const selected = new Set(catalog.publicCategories().filter((c) => selectedCategoryUrls.has(canonical(origin, catalog.categoryUrlPath(c)))).map((c) => c.handle));
  return catalog.publicProducts().filter((p) => p.categories.some((handle) => selected.has(handle))).length;
}

export async function campaignFigures(store: Store, campaignId: string, catalog: ShopCatalog, origin: string, createdAt: Date): Promise<CampaignFigures> {
  const records = await allPages((page) => store.jobs.list({ campaignId }, page));
  const products = records.filter((r) => r.type === 'product');
  const categories = await allPages((page) => store.categories.list({ campaignId }, page));
  const tally = await store.ledger.tally(campaignId);
  const stored = (await store.products.list({ campaignId }, { first: 0 })).totalCount;
  const finished = products.filter((r): r is ScrapingJobRecord & { finishedAt: Date } => r.status === 'COMPLETED' && r.finishedAt !== undefined);
  const latency = summarize(finished.map((r) => r.finishedAt.getTime() - r.createdAt.getTime()));
  const ends = finished.map((r) => r.finishedAt.getTime()).sort((a, b) => a - b);
  const enqueued = products.map((r) => r.createdAt.getTime()).sort((a, b) => a - b);
  const fanOutMs = (enqueued.at(-1) ?? 0) - (enqueued[0] ?? 0);
  return {
    jobs: records.length,
    productJobs: products.length,
    failedJobs: records.filter((r) => r.status === 'FAILED').length,
    productsStored: stored,
    productsExpected: expectedProducts(catalog, origin, new Set(categories.map((c) => c.url))),
    productsSkipped: tally.productsSkipped,
    productsFailed: tally.productsFailed,
    fanOutJobsPerMin: perMinute(Math.max(enqueued.length - 1, 0), fanOutMs),
    fanOutMs,
    steadyProductsPerMin: steadyRate(ends),
    latencyP50Ms: latency.medianMs,
    latencyP95Ms: latency.p95Ms,
    latencyMaxMs: latency.maxMs,
    firstProductMs: ends.length > 0 ? ends[0]! - createdAt.getTime() : Number.NaN,
  };
}

/** Completions per minute between the 10th and the 90th percentile of completion times (ascending). */
export function steadyRate(ends: readonly number[]): number {
  if (ends.length < 10) return Number.NaN;
  const from = Math.floor(ends.length * 0.1);
  const to = Math.ceil(ends.length * 0.9) - 1;
  return perMinute(to - from, ends[to]! - ends[from]!);
}
