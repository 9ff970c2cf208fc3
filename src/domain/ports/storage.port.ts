import type { Campaign, CampaignCounters, CampaignInput, CampaignStatus } from '../entities/campaign.js';
import type { Category, CategoryInput, CategoryType } from '../entities/category.js';
import type { Product, ProductInput } from '../entities/product.js';
import type { JobResultRecord, JobStatus, ProductJobResult, ScrapingJobRecord, AttemptError } from '../entities/scraping-job.js';
import type { SiteIntelligence } from '../entities/site.js';
import type { Page, PageRequest } from '../pagination.js';

export interface ProductFilter {
  campaignId?: string;
  site?: string;
  categoryId?: string;
}

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
}

export interface ProductScrapeOutcome {
  product: Product;
  category?: Category;
  /** False when the product already existed (a re-scrape or a replay). */
  created: boolean;
  /** The stored result record (with product and category ids). */
  result: JobResultRecord;
}

export interface ProductRepository {
  getByIds(ids: readonly string[]): Promise<(Product | null)[]>;
  getByUrl(site: string, canonicalUrl: string): Promise<Product | null>;
  list(filter: ProductFilter, page: PageRequest): Promise<Page<Product>>;
  /** Category ids per product id, for the categories field loader. */
  categoryIdsOf(productIds: readonly string[]): Promise<Map<string, string[]>>;
}

export interface CategoryRepository {
  upsert(input: CategoryInput): Promise<Category>;
  getByIds(ids: readonly string[]): Promise<(Category | null)[]>;
  getByUrl(url: string): Promise<Category | null>;
  list(filter: CategoryFilter, page: PageRequest): Promise<Page<Category>>;
}

export interface CampaignRepository {
  create(input: CampaignInput): Promise<Campaign>;
  getByIds(ids: readonly string[]): Promise<(Campaign | null)[]>;
  setStatus(id: string, status: CampaignStatus, at: Date): Promise<Campaign | null>;
  /** Adds the given deltas to the campaign's counters atomically. */
  incrementCounters(id: string, deltas: Partial<CampaignCounters>): Promise<void>;
}

export interface JobRecordRepository {
  /** Inserts job records; an id that already exists is left as it is. */
  insertMany(records: readonly ScrapingJobRecord[]): Promise<void>;
  get(id: string): Promise<ScrapingJobRecord | null>;
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
}

export interface SiteRepository {
  get(site: string): Promise<SiteIntelligence | null>;
  put(intelligence: SiteIntelligence): Promise<void>;
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
  recordProductScrape(write: ProductScrapeWrite): Promise<ProductScrapeOutcome>;
  /** Resolves when the store answers; throws STORE_UNAVAILABLE otherwise. */
  ping(): Promise<void>;
  /** Idempotent. */
  close(): Promise<void>;
}
