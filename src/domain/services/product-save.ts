import { isTrawlError } from '../errors.js';
import type { ProductJobResult } from '../entities/scraping-job.js';
import type { ProductScrapeOutcome, ProductScrapeWrite, Store } from '../ports/storage.port.js';
import type { EventBus } from '../ports/event-bus.port.js';
import { diffProduct, type ProductChange } from '../product-history.js';
import { topics } from '../topics.js';

/**
 * Keeps an extracted product somewhere that outlives the attempt (the job's
 * own data in the queue) when the store cannot take it, so the next attempt
 * saves it without fetching the page again.
 */
export type KeepPendingWrite = (write: ProductScrapeWrite) => Promise<void>;

export function isStoreOutage(error: unknown): boolean {
  return isTrawlError(error) && error.code === 'STORE_UNAVAILABLE';
}

/**
 * Writes a finished product job (idempotent: upsert by site + canonical URL,
 * unique category links). When the store is unavailable the write is handed
 * to `keep` first, then the retryable STORE_UNAVAILABLE is rethrown.
 */
export async function saveProductWrite(store: Store, write: ProductScrapeWrite, keep?: KeepPendingWrite, events?: EventBus): Promise<ProductScrapeOutcome> {
  let outcome: ProductScrapeOutcome;
  try {
    outcome = await store.recordProductScrape(write);
  } catch (error) {
    if (keep && isStoreOutage(error)) await keep(write);
    throw error;
  }
  if (events) publishChange(events, write, outcome);
  return outcome;
}

/**
 * Announces a stored product's price or availability change (a product seen
 * for the first time is no change). The event names the campaign of this
 * write, not the product's first one. Publishing never fails the save.
 */
export function publishChange(events: EventBus, write: ProductScrapeWrite, outcome: ProductScrapeOutcome): ProductChange | undefined {
  if (!outcome.previous) return undefined;
  const change = diffProduct(outcome.previous, outcome.product);
  if (!change) return undefined;
  const { campaignId: _first, ...rest } = change;
  const event: ProductChange = write.product.campaignId ? { ...rest, campaignId: write.product.campaignId } : rest;
  try {
    events.publish(topics.productChanged, event);
  } catch {
    // A live-event fault must not turn a stored product into a failed job.
  }
  return event;
}

/** The job result a stored write produced. */
export function resultOf(outcome: ProductScrapeOutcome): ProductJobResult {
  return outcome.result.result as ProductJobResult;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads back a write kept in job data (JSON: dates are strings). Returns
 * undefined for anything that is not a pending write of this job, so a
 * tampered or stale payload makes the job scrape again instead of storing junk.
 */
export function revivePendingWrite(raw: unknown, jobId: string): ProductScrapeWrite | undefined {
  if (!isObject(raw) || raw.jobId !== jobId || !isObject(raw.product) || !isObject(raw.summary) || !Array.isArray(raw.errors)) return undefined;
  const product = raw.product;
  if (typeof product.canonicalUrl !== 'string' || typeof product.site !== 'string' || typeof product.title !== 'string') return undefined;
  const scrapedAt = new Date(String(product.scrapedAt));
  if (Number.isNaN(scrapedAt.getTime())) return undefined;
  const errors = raw.errors.filter(isObject).map((e) => ({ ...e, at: new Date(String(e.at)) }));
  return { ...(raw as unknown as ProductScrapeWrite), product: { ...(product as unknown as ProductScrapeWrite['product']), scrapedAt }, errors: errors as unknown as ProductScrapeWrite['errors'] };
}
