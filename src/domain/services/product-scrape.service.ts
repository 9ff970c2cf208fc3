import type { CategoryInput } from '../entities/category.js';
import type { ProductInput } from '../entities/product.js';
import type { AttemptError, ProductJobResult } from '../entities/scraping-job.js';
import { isTrawlError, TrawlError, toTrawlError } from '../errors.js';
import type { ProductJobData, JobData } from '../job-data.js';
import type { Logger } from '../ports/logger.port.js';
import type { PageFetcher } from '../ports/page-fetcher.port.js';
import type { ProductExtractor } from '../ports/product-extractor.port.js';
import type { ProductScrapeWrite, Store } from '../ports/storage.port.js';
import type { EventBus } from '../ports/event-bus.port.js';
import { resultOf, saveProductWrite, type KeepPendingWrite } from './product-save.js';
import type { PolitenessService } from './politeness.service.js';
import type { PageRenderer } from '../ports/browser.port.js';
import type { FetchedPage } from '../ports/page-fetcher.port.js';
import { PageAcquirer } from './page-acquisition.js';
import { TtlCache } from '../ttl-cache.js';
import { RelatedEndpointMemory } from '../related-endpoint-memory.js';
import type { Platform } from '../entities/site.js';
import { completenessOf } from '../product-quality.js';
import { canonicalProductUrl, isOnSite, siteOf } from '../url.js';

export interface ProductScrapeDeps {
  store: Store;
  fetcher: PageFetcher;
  extractor: ProductExtractor;
  maxPageBytes: number;
  logger: Logger;
  /** Robots.txt, spacing (the job's `rateLimitDelayMs`), caps and circuit breaker shared by all workers; absent, requests go straight out. */
  politeness?: PolitenessService;
  /** Renders pages that need JavaScript (renderJs); absent, pages are fetched over HTTP only. */
  renderer?: PageRenderer;
  looksLikeAppShell?: (html: string) => { appShell: boolean; reason: string };
  /** Where price and availability changes are announced (`topics.productChanged`); absent, they are only kept in history. */
  events?: EventBus;
}

/** Where a job is in its retry budget, as the queue tells the processor. */
export interface AttemptContext {
  /** 1-based number of this attempt. */
  attempt: number;
  maxAttempts: number;
  signal?: AbortSignal;
  /** Keeps the extracted product when the store is unavailable, so the next attempt only saves it (see `savePending`). */
  keepPending?: KeepPendingWrite;
}

/**
 * The product job use case (seed 000, phase 4): fetch the page, extract the
 * product, store it linked to the job's category, and return the result that
 * BullMQ keeps as the job's return value.
 */
export class ProductScrapeService {
  private readonly acquirer: PageAcquirer;
  /** Each site's platform, read from its intelligence at most every 30 s per process. */
  private readonly platforms = new TtlCache<Platform | undefined>(30_000);
  /** Related endpoints (product JSON) each site turned out not to serve: not requested again for every product. */
  private readonly endpoints = new RelatedEndpointMemory();

  constructor(private readonly deps: ProductScrapeDeps) {
    this.acquirer = new PageAcquirer({
      store: deps.store, fetcher: deps.fetcher, maxPageBytes: deps.maxPageBytes, logger: deps.logger,
      looksLikeAppShell: deps.looksLikeAppShell ?? (() => ({ appShell: false, reason: 'no app-shell check' })),
      ...(deps.renderer ? { renderer: deps.renderer } : {}), ...(deps.politeness ? { politeness: deps.politeness } : {}),
    });
  }

  async scrape(data: ProductJobData, context: AttemptContext): Promise<ProductJobResult> {
    const started = Date.now();
    // The platform learned from the site's home page beats detecting it again on every product page.
    const platform = await this.platforms.get(data.siteIntelligenceId, async () => (await this.deps.store.sites.get(data.siteIntelligenceId).catch(() => null))?.platform);
    const extract = (target: FetchedPage) => this.deps.extractor.extract(target, {
      ...(platform ? { platform } : {}),
      fetchRelated: async (url) => {
        if (!this.endpoints.shouldTry(url)) return null;
        const fetcher = this.deps.politeness?.fetcherFor(this.deps.fetcher, { ...data.settings, ...(context.signal ? { signal: context.signal } : {}) }) ?? this.deps.fetcher;
        try {
          const related = await fetcher.fetch(url, {
            timeoutMs: data.settings.timeoutMs, maxBytes: this.deps.maxPageBytes, accept: 'application/json', ...(context.signal ? { signal: context.signal } : {}),
          });
          this.endpoints.record(url, related.status >= 200 && related.status < 300);
          return related;
        } catch (error) {
          if (isTrawlError(error) && error.details.httpStatus !== undefined) this.endpoints.record(url, false);
          throw error;
        }
      },
    });
    const { page, product: extracted } = await this.acquirer.acquire(data.targetUrl, {
      timeoutMs: data.settings.timeoutMs, renderJs: data.settings.renderJs ?? 'AUTO', polite: data.settings, ...(context.signal ? { signal: context.signal } : {}),
    }, extract);
    if (!extracted) {
      throw new TrawlError('NOT_A_PRODUCT', `${page.url} is not a product page (no product data found)`, { url: page.url, httpStatus: page.status });
    }
    const site = siteOf(page.url);
    const canonical = canonicalProductUrl(extracted.canonicalUrl && isOnSite(extracted.canonicalUrl, site) ? extracted.canonicalUrl : page.url);
    const product: ProductInput = {
      ...extracted, site, url: page.url, canonicalUrl: canonical, completeness: completenessOf(extracted), scrapedAt: new Date(),
      ...(data.campaignId ? { campaignId: data.campaignId } : {}),
    };
    const summary: Omit<ProductJobResult, 'productId' | 'categoryId'> = {
      kind: 'product', url: page.url, canonicalUrl: canonical, title: product.title, availability: product.availability,
      completeness: product.completeness, httpStatus: page.status, bytes: page.bytes, durationMs: Date.now() - started,
      ...(product.price ? { price: product.price } : {}),
    };
    const category = data.category ? categoryInput(data, site) : undefined;
    const outcome = await saveProductWrite(this.deps.store, {
      jobId: data.jobId, product, summary, errors: [], ...(category ? { category } : {}),
      ...(data.campaignId ? { campaignItem: { campaignId: data.campaignId, productUrl: data.targetUrl } } : {}),
    }, context.keepPending, this.deps.events);
    return resultOf(outcome);
  }

  /** Saves a product an earlier attempt extracted but could not store (the store was unavailable): no fetch this time. */
  async savePending(write: ProductScrapeWrite, context: AttemptContext): Promise<ProductJobResult> {
    const outcome = await saveProductWrite(this.deps.store, write, undefined, this.deps.events);
    return resultOf(outcome);
  }

  /**
   * Records a failed attempt: the job record always, and on the final attempt
   * (or a permanent error) a FAILED result with the error history.
   */
  async recordFailure(data: JobData, error: unknown, context: AttemptContext & { durationMs: number; final: boolean }): Promise<TrawlError> {
    const failure = toTrawlError(error);
    const at = new Date();
    const attemptError: AttemptError = {
      attempt: context.attempt, code: failure.code, message: failure.message, at, durationMs: context.durationMs,
      url: failure.details.url ?? data.targetUrl,
      ...(failure.details.httpStatus ? { httpStatus: failure.details.httpStatus } : {}),
      ...stackOf(error, failure),
    };
    const { store } = this.deps;
    await store.jobs.updateStatus(data.jobId, { status: context.final ? 'FAILED' : 'QUEUED', attempts: context.attempt, error: attemptError, at });
    const previous = await store.results.get(data.jobId);
    await store.results.putFailure({
      jobId: data.jobId, type: data.type, url: data.targetUrl, status: 'FAILED', createdAt: previous?.createdAt ?? at,
      errors: [...(previous?.errors ?? []), attemptError],
    });
    if (context.final && data.campaignId && data.type === 'product') await store.ledger.finishProduct(data.campaignId, data.targetUrl, 'FAILED', at, failure.code);
    return failure;
  }
}


/** The first lines of the original error's stack (the cause's when the error was translated), capped at 2 KB. */
function stackOf(error: unknown, failure: TrawlError): { stack?: string } {
  const cause = failure.cause instanceof Error ? failure.cause : undefined;
  const source = cause ?? (error instanceof Error ? error : failure);
  const stack = (source.stack ?? '').split('\n').slice(0, 12).join('\n').slice(0, 2048);
  return stack ? { stack } : {};
}

function categoryInput(data: ProductJobData, site: string): CategoryInput {
  const ref = data.category!;
  return { ...ref, site, ...(data.campaignId ? { campaignId: data.campaignId } : {}) };
}
