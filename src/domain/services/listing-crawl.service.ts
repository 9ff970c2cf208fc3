import type { CategoryRef } from '../entities/category.js';
import type { Platform } from '../entities/site.js';
import { isHeldBack, TrawlError } from '../errors.js';
import type { CategorySearchJobData, JobData, JobPriority, ProductJobData, SearchJobData } from '../job-data.js';
import type { ListingPage, ListingScraper } from '../ports/listing-scraper.port.js';
import type { Logger } from '../ports/logger.port.js';
import type { FetchedPage, PageFetcher } from '../ports/page-fetcher.port.js';
import type { RobotsPolicy } from '../ports/site-explorer.port.js';
import type { PolitenessService } from './politeness.service.js';
import type { SiteIntelligenceService } from './site-intelligence.service.js';
import type { SiteIntelligence } from '../entities/site.js';
import type { ProductSighting, Store } from '../ports/storage.port.js';
import { canonicalProductUrl, canonicalUrl, isOnSite, siteOf } from '../url.js';
import { admitProducts, eligibleProducts } from './product-admission.js';
import { jobRecordsOf } from './child-jobs.js';

export interface ListingCrawlDeps {
  store: Store;
  fetcher: PageFetcher;
  listings: ListingScraper;
  /** Site intelligence (platform, robots.txt): learned first when a listing job meets an unknown site. */
  intelligence: SiteIntelligenceService;
  maxPageBytes: number;
  /** Page cap when a job sets none. */
  defaultMaxPages: number;
  logger: Logger;
  /** The queue a job of this priority goes to (for its stored record). */
  queueFor: (priority: JobPriority) => string;
  /** Robots.txt, spacing (`rateLimitDelayMs`), caps and circuit breaker shared by all workers; absent, requests go straight out. */
  politeness?: PolitenessService;
}

/** Queues product jobs under the running listing job (a BullMQ flow child in the adapter). */
export type EnqueueChildren = (jobs: readonly ProductJobData[]) => Promise<void>;

/** What a category_search or search job reports. */
export interface ListingJobResult {
  kind: 'listing';
  url: string;
  pages: number;
  productsFound: number;
  productsQueued: number;
  productsSkipped: number;
  subcategories: number;
  paginationStyles: string[];
  stoppedBecause: 'last-page' | 'repeat' | 'page-cap' | 'product-cap' | 'robots' | 'cancelled' | 'no-results';
}

type ListingJob = (CategorySearchJobData | SearchJobData) & { maxCategoryPages?: number; maxProducts?: number };

interface Walk {
  data: ListingJob;
  categoryId: string;
  category: CategoryRef;
  site: string;
  platform: Platform;
  robots: RobotsPolicy;
  enqueue: EnqueueChildren;
  state: CrawlState;
}

interface CrawlState {
  visited: Set<string>;
  seen: Set<string>;
  result: ListingJobResult;
}

/**
 * Lightweight listing scraping (seed 000, phase 2): walks a category's or a
 * search's result pages, collecting product URLs only, following every
 * pagination style until the last page, a repeat, or a cap; records each
 * sighting with its provenance and queues the product URLs new to the
 * campaign in bulk. Every request goes through the site's politeness
 * (robots.txt, `rateLimitDelayMs` spacing, caps, circuit breaker), shared by all workers.
 */
export class ListingCrawlService {
  constructor(private readonly deps: ListingCrawlDeps) {}

  async crawlCategory(data: CategorySearchJobData, enqueue: EnqueueChildren, signal?: AbortSignal): Promise<ListingJobResult> {
    const path = new URL(data.targetUrl).pathname;
    const category = data.category ?? { url: canonicalUrl(data.targetUrl), name: path, path };
    const site = await this.siteOf(data, signal);
    const json = this.deps.listings.jsonListingUrl(category.url, site.intelligence.platform, 1);
    return this.crawl(data, category, json ? [json, data.targetUrl] : [data.targetUrl], site, enqueue, signal);
  }

  /**
   * A search tries the platform's search URL first; the generic patterns only
   * when that one is not there (404, no results). A search robots.txt
   * disallows is not run at all.
   */
  async crawlSearch(data: SearchJobData, enqueue: EnqueueChildren, signal?: AbortSignal): Promise<ListingJobResult> {
    const site = await this.siteOf(data, signal);
    const candidates = this.deps.listings.searchUrls(data.targetUrl, site.intelligence.platform, data.query);
    const first = candidates[0] ?? data.targetUrl;
    const category: CategoryRef = { url: canonicalUrl(first), name: `Search: ${data.query}`, path: new URL(first).pathname };
    return this.crawl(data, category, candidates, site, enqueue, signal);
  }

  /** What the job needs to know of the site (platform, robots.txt), learning it first if trawl has never seen it. */
  private async siteOf(data: JobData, signal?: AbortSignal): Promise<{ intelligence: SiteIntelligence; robots: RobotsPolicy }> {
    const home = new URL('/', data.targetUrl).href;
    const { intelligence, robots } = await this.deps.intelligence.lookup(home, { checkMenu: false, ...(signal ? { signal } : {}) });
    return { intelligence, robots };
  }

  /** Tries each start URL in turn (JSON endpoint, then HTML; or each search URL) until one yields a listing. */
  private async crawl(data: ListingJob, category: CategoryRef, starts: readonly string[], known: { intelligence: SiteIntelligence; robots: RobotsPolicy }, enqueue: EnqueueChildren, signal?: AbortSignal): Promise<ListingJobResult> {
    const site = siteOf(data.targetUrl);
    const { robots } = known;
    const platform: Platform = known.intelligence.platform;
    const stored = await this.deps.store.categories.upsert({
      ...category, site, ...(data.type === 'search' ? { type: 'OTHER' as const } : {}), ...(data.campaignId ? { campaignId: data.campaignId } : {}),
    });
    const walk: Walk = { data, categoryId: stored.id, category, site, platform, robots, enqueue, state: { visited: new Set(), seen: new Set(), result: emptyResult(category.url) } };
    for (const [i, start] of starts.entries()) {
      const outcome = await this.walk(walk, start, i < starts.length - 1, signal);
      if (outcome) return outcome;
    }
    return this.stop(walk.state, 'no-results');
  }

  /** Follows one listing's pages. Returns undefined when `start` is an alternative that is not there. */
  private async walk(w: Walk, start: string, alternative: boolean, signal?: AbortSignal): Promise<ListingJobResult | undefined> {
    const { data, state } = w;
    const maxPages = data.maxCategoryPages ?? this.deps.defaultMaxPages;
    let url: string | undefined = start;
    let pages = 0;
    while (url) {
      if (signal?.aborted) throw new TrawlError('TIMEOUT', `Listing crawl of ${w.category.url} was aborted`, { url });
      if (state.result.pages >= maxPages) return this.stop(state, 'page-cap');
      if (data.settings.respectRobotsTxt && !w.robots.isAllowed(url)) {
        // A disallowed JSON endpoint falls back to the HTML listing; a disallowed search is not run another way.
        return pages === 0 && alternative && data.type !== 'search' ? undefined : this.stop(state, 'robots');
      }
      if (state.visited.has(canonicalUrl(url))) return this.stop(state, 'repeat');
      const listing = await this.fetchListing(w, url, pages === 0 && alternative, signal);
      if (!listing) return undefined;
      pages += 1;
      if (pages === 1 && alternative && listing.products.length === 0) return undefined;
      const fresh = listing.products.filter((p) => isOnSite(p.url, w.site)).map((p) => ({ ...p, url: canonicalProductUrl(p.url) })).filter((p) => !state.seen.has(p.url));
      const room = data.maxProducts !== undefined ? Math.max(0, data.maxProducts - state.result.productsFound) : fresh.length;
      const kept = fresh.slice(0, room);
      for (const p of kept) state.seen.add(p.url);
      await this.record(data, w.categoryId, w.category, listing.url, pages, kept, w.robots, w.enqueue, state);
      await this.recordSubcategories(listing, w.category, w.site, data.campaignId, state);
      if (listing.paginationStyle && !state.result.paginationStyles.includes(listing.paginationStyle)) state.result.paginationStyles.push(listing.paginationStyle);
      if (data.maxProducts !== undefined && state.result.productsFound >= data.maxProducts) return this.stop(state, 'product-cap');
      if (listing.products.length > 0 && fresh.length === 0) return this.stop(state, 'repeat');
      url = listing.nextPageUrl && isOnSite(listing.nextPageUrl, w.site) ? listing.nextPageUrl : undefined;
    }
    return this.stop(state, 'last-page');
  }

  /** Fetches and parses one listing page. For an alternative first page, a failure means "not there" (undefined). */
  private async fetchListing(w: Walk, url: string, optional: boolean, signal?: AbortSignal): Promise<ListingPage | undefined> {
    const isJson = /\/products\.json(\?|$)/.test(new URL(url).pathname + new URL(url).search);
    const fetcher = this.deps.politeness?.fetcherFor(this.deps.fetcher, { ...w.data.settings, ...(signal ? { signal } : {}) }) ?? this.deps.fetcher;
    let page: FetchedPage;
    try {
      page = await fetcher.fetch(url, { timeoutMs: w.data.settings.timeoutMs, maxBytes: this.deps.maxPageBytes, ...(isJson ? { accept: 'application/json' } : {}) });
    } catch (error) {
      // An alternative that is not there is skipped; a politeness hold is never mistaken for that.
      if (optional && !isHeldBack(error)) return undefined;
      throw error;
    }
    w.state.visited.add(canonicalUrl(url));
    w.state.result.pages += 1;
    try {
      return isJson ? this.deps.listings.parseJsonListing(page, w.category.url) : this.deps.listings.parse(page, w.platform);
    } catch (error) {
      if (!optional) throw error;
      w.state.result.pages -= 1;
      return undefined;
    }
  }

  private async record(data: JobData, categoryId: string, category: CategoryRef, listingUrl: string, page: number, products: readonly { url: string; position: number }[], robots: RobotsPolicy, enqueue: EnqueueChildren, state: CrawlState): Promise<void> {
    if (products.length === 0) return;
    state.result.productsFound += products.length;
    const { store } = this.deps;
    if (!data.campaignId) {
      const jobs = admitProducts(data, undefined, products.map((p) => p.url), category, robots);
      await store.jobs.insertMany(jobRecordsOf(jobs.jobs, this.deps.queueFor));
      await enqueue(jobs.jobs);
      state.result.productsQueued += jobs.jobs.length;
      state.result.productsSkipped += jobs.admitted.length - jobs.jobs.length;
      return;
    }
    const campaign = (await store.campaigns.getByIds([data.campaignId]))[0] ?? undefined;
    const sightings: ProductSighting[] = products.map((p) => ({ productUrl: p.url, categoryId, listingUrl, page, position: p.position }));
    const fresh = await store.ledger.recordSightings(data.campaignId, siteOf(data.targetUrl), sightings, new Date());
    const cap = campaign?.options.maxProducts;
    const slots = cap === undefined ? undefined : await store.campaigns.reserveProducts(data.campaignId, eligibleProducts(data, campaign, fresh, robots).eligible.length, cap);
    const decision = admitProducts(data, campaign, fresh, category, robots, slots);
    await store.jobs.insertMany(jobRecordsOf(decision.jobs, this.deps.queueFor));
    await enqueue(decision.jobs);
    await store.ledger.admitProducts(data.campaignId, decision.admitted, new Date());
    state.result.productsQueued += decision.jobs.length;
    state.result.productsSkipped += decision.admitted.length - decision.jobs.length;
  }

  private async recordSubcategories(listing: ListingPage, parent: CategoryRef, site: string, campaignId: string | undefined, state: CrawlState): Promise<void> {
    for (const sub of listing.subcategories) {
      if (!isOnSite(sub.url, site)) continue;
      const url = canonicalUrl(sub.url);
      if (url === parent.url) continue;
      await this.deps.store.categories.upsert({ url, name: sub.name, path: new URL(url).pathname, parentUrl: parent.url, site, ...(campaignId ? { campaignId } : {}) });
      state.result.subcategories += 1;
    }
  }

  private stop(state: CrawlState, reason: ListingJobResult['stoppedBecause']): ListingJobResult {
    state.result.stoppedBecause = reason;
    return state.result;
  }
}

function emptyResult(url: string): ListingJobResult {
  return { kind: 'listing', url, pages: 0, productsFound: 0, productsQueued: 0, productsSkipped: 0, subcategories: 0, paginationStyles: [], stoppedBecause: 'last-page' };
}

