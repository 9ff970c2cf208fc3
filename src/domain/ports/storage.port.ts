import type { Campaign, CampaignCounters, CampaignInput, CampaignStatus } from '../entities/campaign.js';
import type { Category, CategoryInput, CategoryType, ProductCategoryLink } from '../entities/category.js';
import type { Product, ProductInput } from '../entities/product.js';
import type { JobResultRecord, JobStatus, ProductJobResult, ScrapingJobRecord, AttemptError } from '../entities/scraping-job.js';
import type { RenderDecision, SiteIntelligence } from '../entities/site.js';
import type { Page, PageRequest } from '../pagination.js';
import type { DeadLetter, DeadLetterFilter } from '../entities/dead-letter.js';
import type { CampaignSchedule, CampaignScheduleInput, ScheduleRun } from '../entities/campaign-schedule.js';
import type { Availability } from '../entities/product.js';
import type { JobType } from '../job-data.js';
import type { ProductQuery, ProductSort } from '../catalog-query.js';
import type { ProductHistoryEntry, ProductState } from '../product-history.js';

/**
 * Product filters storage applies (all given ones must hold): the API's
 * query with the category tree already expanded into `categoryIds` (a
 * category and its subcategories).
 */
export type ProductFilter = Omit<ProductQuery, 'includeSubcategories'> & {
  /** Products linked to any of these categories. */
  categoryIds?: readonly string[];
};

export interface CategoryFilter {
  campaignId?: string;
  site?: string;
  type?: CategoryType;
  parentId?: string;
}

/**
 * Everything a finished product job writes, applied atomically and idempotently:
 * the category (upserted by URL), the product (upserted by site + canonical URL),
 * their link, the job's result and the job record's final status.
 * Replaying the same write leaves the store as it was after the first.
 */
export interface ProductScrapeWrite {
  jobId: string;
  product: ProductInput;
  category?: CategoryInput;
  /** The job's result, without the ids the store assigns. */
  summary: Omit<ProductJobResult, 'productId' | 'categoryId'>;
  /** Errors of this job's earlier attempts, kept with the result. */
  errors: AttemptError[];
  /**
   * For a campaign's product job: the campaign and the canonical URL the product
   * was discovered under. The store then links the product to every category the
   * campaign sighted it in and marks the campaign item SCRAPED, in the same write.
   */
  campaignItem?: { campaignId: string; productUrl: string };
}

export interface ProductScrapeOutcome {
  product: Product;
  category?: Category;
  /** False when the product already existed (a re-scrape or a replay). */
  created: boolean;
  /** The product's price and availability before this write, when it already existed. */
  previous?: ProductState;
  /** The stored result record (with product and category ids). */
  result: JobResultRecord;
}

export interface ProductRepository {
  getByIds(ids: readonly string[]): Promise<(Product | null)[]>;
  getByUrl(site: string, canonicalUrl: string): Promise<Product | null>;
  /** A filtered page in the given order (default CREATED_ASC); cursors are only valid for the same sort. */
  list(filter: ProductFilter, page: PageRequest, sort?: ProductSort): Promise<Page<Product>>;
  /**
   * Price and availability history per product id, newest first, at most
   * `limit` entries each. A product gets an entry when first stored and each
   * time a write changes its price or availability.
   */
  historyOf(productIds: readonly string[], limit: number): Promise<Map<string, ProductHistoryEntry[]>>;
  /** Category ids per product id, for the categories field loader. */
  categoryIdsOf(productIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Category links with their provenance per product id, oldest first. */
  linksOf(productIds: readonly string[]): Promise<Map<string, ProductCategoryLink[]>>;
}

export interface CategoryRepository {
  upsert(input: CategoryInput): Promise<Category>;
  getByIds(ids: readonly string[]): Promise<(Category | null)[]>;
  getByUrl(url: string): Promise<Category | null>;
  list(filter: CategoryFilter, page: PageRequest): Promise<Page<Category>>;
  /** Ids of every category below this one in the tree (children, their children, ...), without the category itself. */
  descendantIds(categoryId: string): Promise<string[]>;
}

export interface CampaignFilter {
  status?: CampaignStatus;
  site?: string;
}

export interface CampaignRepository {
  create(input: CampaignInput): Promise<Campaign>;
  getByIds(ids: readonly string[]): Promise<(Campaign | null)[]>;
  /** In creation order. */
  list(filter: CampaignFilter, page: PageRequest): Promise<Page<Campaign>>;
  setStatus(id: string, status: CampaignStatus, at: Date): Promise<Campaign | null>;
  /**
   * Moves a campaign to `to` only if its status is one of `from` (race-safe:
   * of two workers finishing a campaign, one wins). Returns the updated
   * campaign, or null when the status was not in `from` or the id is unknown.
   */
  transition(id: string, from: readonly CampaignStatus[], to: CampaignStatus, at: Date, failedReason?: string): Promise<Campaign | null>;
  /**
   * Reserves up to `wanted` product slots under the campaign's `cap`,
   * atomically across processes: concurrent category jobs never queue more
   * than the cap together. Returns how many slots were granted.
   */
  reserveProducts(id: string, wanted: number, cap: number): Promise<number>;
  /** Adds the given deltas to the campaign's counters atomically. */
  incrementCounters(id: string, deltas: Partial<CampaignCounters>): Promise<void>;
}

export interface JobRecordFilter {
  campaignId?: string;
  status?: JobStatus;
  /** Records in any of these statuses. */
  statuses?: readonly JobStatus[];
  type?: JobType;
  queue?: string;
  site?: string;
  /** Case-insensitive substring of the job's URL. */
  urlContains?: string;
  errorCode?: string;
}

export interface JobRecordRepository {
  /** Inserts job records; an id that already exists is left as it is. */
  insertMany(records: readonly ScrapingJobRecord[]): Promise<void>;
  get(id: string): Promise<ScrapingJobRecord | null>;
  /** In id order. */
  list(filter: JobRecordFilter, page: PageRequest): Promise<Page<ScrapingJobRecord>>;
  updateStatus(id: string, update: JobStatusUpdate): Promise<void>;
}

export interface JobStatusUpdate {
  status: JobStatus;
  attempts?: number;
  error?: AttemptError;
  at: Date;
}

export interface JobResultRepository {
  get(jobId: string): Promise<JobResultRecord | null>;
  /** Stores a failure result (successes are stored by `recordProductScrape`). */
  putFailure(record: JobResultRecord): Promise<void>;
  /** Stores or replaces a job's result (jobs other than product jobs). */
  put(record: JobResultRecord): Promise<void>;
}

export interface SiteRepository {
  get(site: string): Promise<SiteIntelligence | null>;
  put(intelligence: SiteIntelligence): Promise<void>;
  /** The site's render decision, if one was learned (kept apart from the intelligence, which expires). */
  getRenderDecision(site: string): Promise<RenderDecision | null>;
  /** Records a render decision; a later one replaces it. */
  putRenderDecision(decision: RenderDecision): Promise<void>;
}

/**
 * The storage port. Adapters: SQLite (embedded default) and MongoDB. Both pass
 * `defineStorageContract` in test/contracts.
 */
export interface Store {
  readonly kind: string;
  readonly products: ProductRepository;
  readonly categories: CategoryRepository;
  readonly campaigns: CampaignRepository;
  readonly jobs: JobRecordRepository;
  readonly results: JobResultRepository;
  readonly sites: SiteRepository;
  readonly ledger: CampaignLedgerRepository;
  readonly deadLetters: DeadLetterRepository;
  readonly schedules: CampaignScheduleRepository;
  recordProductScrape(write: ProductScrapeWrite): Promise<ProductScrapeOutcome>;
  /** Resolves when the store answers; throws STORE_UNAVAILABLE otherwise. */
  ping(): Promise<void>;
  /** Idempotent. */
  close(): Promise<void>;
}

/** Where a product URL was seen: one listing page of one category, during one campaign. */
export interface ProductSighting {
  /** Canonical product URL. */
  productUrl: string;
  categoryId: string;
  listingUrl: string;
  page: number;
  position: number;
}

/** State of one product URL within one campaign. */
export const CAMPAIGN_ITEM_STATUSES = ['NEW', 'QUEUED', 'SCRAPED', 'FAILED', 'SKIPPED'] as const;
export type CampaignItemStatus = (typeof CAMPAIGN_ITEM_STATUSES)[number];

/** State of one selected category within one campaign. */
export const CAMPAIGN_CATEGORY_STATUSES = ['QUEUED', 'SCRAPED', 'FAILED', 'SKIPPED'] as const;
export type CampaignCategoryStatus = (typeof CAMPAIGN_CATEGORY_STATUSES)[number];

export interface CampaignCategoryEntry {
  categoryId: string;
  rank: number;
  jobId: string;
}

/** Counts a campaign's progress is computed from: they always add up. */
export interface CampaignTally {
  categoriesSelected: number;
  categoriesScraped: number;
  categoriesFailed: number;
  categoriesSkipped: number;
  /** Distinct product URLs seen (each once per campaign). */
  productsDiscovered: number;
  productsQueued: number;
  productsScraped: number;
  productsFailed: number;
  productsSkipped: number;
  /** Why products were skipped: reason -> count. */
  skippedReasons: Record<string, number>;
}

/** A product that entered or left a category between two campaigns on a site. */
export interface CategoryChange {
  categoryId: string;
  productUrl: string;
  change: 'ENTERED' | 'LEFT';
}

/** Data-quality figures of a campaign (seed 000, success metrics). */
export interface CampaignQualityCounts {
  products: number;
  /** Products with title, price, currency, availability, an image and a URL. */
  completeProducts: number;
  /** Products linked to at least one category. */
  linkedProducts: number;
  /** Product rows sharing a canonical URL with another row of the campaign (should be 0). */
  duplicateProducts: number;
}

/**
 * The campaign ledger: which categories a campaign selected, which product URLs
 * it saw where, and what became of each. Writes are idempotent, so a retried
 * or replayed job never counts twice; progress is counted, never incremented.
 */
export interface CampaignLedgerRepository {
  /** Records the selected categories (QUEUED); an entry already there is left as it is. */
  addCategories(campaignId: string, entries: readonly CampaignCategoryEntry[], at: Date): Promise<void>;
  /** Moves a category from QUEUED to a final status with its page count. Returns false if it was already final. */
  finishCategory(campaignId: string, categoryId: string, status: Exclude<CampaignCategoryStatus, 'QUEUED'>, pages: number, at: Date): Promise<boolean>;
  /**
   * Records sightings (provenance: listing URL, page, position; first and last seen).
   * Links every already-stored product to the sighted category. Returns the product
   * URLs new to the campaign, in sighting order: those, and only those, need a job.
   */
  recordSightings(campaignId: string, site: string, sightings: readonly ProductSighting[], at: Date): Promise<string[]>;
  /** Sets new product URLs QUEUED (with their job id) or SKIPPED (with a reason). */
  admitProducts(campaignId: string, items: readonly { productUrl: string; status: 'QUEUED' | 'SKIPPED'; jobId?: string; reason?: string }[], at: Date): Promise<void>;
  /** Moves a product URL from QUEUED to FAILED or SKIPPED. Returns false if it was already final. */
  finishProduct(campaignId: string, productUrl: string, status: 'FAILED' | 'SKIPPED', at: Date, reason?: string): Promise<boolean>;
  /**
   * Moves product URLs from FAILED back to QUEUED (a re-driven job): they count
   * as pending again, not failed. Returns how many moved; others are left as they are.
   */
  reopenProducts(campaignId: string, productUrls: readonly string[], at: Date): Promise<number>;
  /** Moves categories from FAILED back to QUEUED (a re-driven category job). Returns how many moved. */
  reopenCategories(campaignId: string, categoryIds: readonly string[], at: Date): Promise<number>;
  tally(campaignId: string): Promise<CampaignTally>;
  quality(campaignId: string): Promise<CampaignQualityCounts>;
  /** Error counts by site of the campaign's product jobs: site -> { failed, total }. */
  errorsBySite(campaignId: string): Promise<Map<string, { failed: number; total: number }>>;
  /** Products that entered or left each category since the previous campaign on the same site. */
  categoryChanges(campaignId: string): Promise<CategoryChange[]>;
}

/**
 * Dead letters: jobs that failed for good, kept durably with their payload,
 * attempt history and failure bundle. One record per job id; `put` of a job
 * already recorded replaces its failure (status back to DEAD) and keeps its id
 * and retry count.
 */
export interface DeadLetterRepository {
  /** Inserts or replaces the record of `letter.jobId`; returns it as stored. */
  put(letter: Omit<DeadLetter, 'id' | 'retries' | 'status' | 'retriedAt'>): Promise<DeadLetter>;
  get(id: string): Promise<DeadLetter | null>;
  getByJobId(jobId: string): Promise<DeadLetter | null>;
  /** In the order they first died. */
  list(filter: DeadLetterFilter, page: PageRequest): Promise<Page<DeadLetter>>;
  /** Marks a DEAD letter RETRIED (retries + 1). Returns it, or null when it was not DEAD (a concurrent retry won). */
  markRetried(id: string, at: Date): Promise<DeadLetter | null>;
  /** Deletes one record. Returns whether it existed. */
  remove(id: string): Promise<boolean>;
  /** Deletes records that died before `before`. Returns how many. */
  purge(before: Date): Promise<number>;
}

export interface CampaignScheduleFilter {
  enabled?: boolean;
}

/**
 * Recurring campaigns and their run history. The store is the source of
 * truth: the queue's job schedulers are re-created from it at start-up.
 */
export interface CampaignScheduleRepository {
  create(input: CampaignScheduleInput, at: Date): Promise<CampaignSchedule>;
  getByIds(ids: readonly string[]): Promise<(CampaignSchedule | null)[]>;
  /** In creation order. */
  list(filter: CampaignScheduleFilter, page: PageRequest): Promise<Page<CampaignSchedule>>;
  /** Enables or disables a schedule. Returns it, or null for an unknown id. */
  setEnabled(id: string, enabled: boolean, at: Date): Promise<CampaignSchedule | null>;
  /**
   * Records one run, once per (scheduleId, runKey): a second call with the same
   * key stores nothing and returns the first run with `created: false`. A new
   * run sets the schedule's `lastRunAt`, and `lastCampaignId` when it started one.
   */
  recordRun(run: Omit<ScheduleRun, 'id'>): Promise<{ run: ScheduleRun; created: boolean }>;
  /** The schedule's most recent runs, newest first. */
  runs(scheduleId: string, limit: number): Promise<ScheduleRun[]>;
}
