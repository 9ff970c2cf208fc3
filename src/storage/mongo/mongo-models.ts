import { Schema, type Connection, type Model } from 'mongoose';
import type { CampaignCounters, CampaignOptions, CampaignStatus } from '../../domain/entities/campaign.js';
import type { CategoryType } from '../../domain/entities/category.js';
import type { ProductInput } from '../../domain/entities/product.js';
import type { AttemptError, JobResult, JobStatus } from '../../domain/entities/scraping-job.js';
import type { NavigationEntry, Platform } from '../../domain/entities/site.js';
import type { ErrorCode } from '../../domain/errors.js';
import type { JobPriority, JobType } from '../../domain/job-data.js';
import type { DeadLetter } from '../../domain/entities/dead-letter.js';
import type { CampaignCategoryStatus, CampaignItemStatus } from '../../domain/ports/storage.port.js';

/*
 * Documents keep the domain's camelCase field names and BSON dates. Ids are
 * strings: UUIDv7 (time-sortable, so keyset pages come out in creation order)
 * for products, categories and campaigns; the job id for jobs and results; the
 * site for domains. Schemas are strict, unversioned (no `__v`) and never drop
 * empty objects, so what goes in comes back out.
 */

export interface ProductDoc extends ProductInput {
  _id: string;
  /** Every campaign that saw the product (filter for `campaignId`). */
  campaignIds?: string[];
  /** Every category the product was found in; mirrors `product_categories` (filter for `categoryId`). */
  categoryIds?: string[];
  /** The price amount as a number, for price ranges and price order (absent without a price). */
  priceValue?: number;
  firstSeenAt: Date;
  updatedAt: Date;
}

/** One entry of a product's price and availability history (`product_history`). */
export interface ProductHistoryDoc {
  productId: string;
  at: Date;
  price?: { amount: string; currency: string };
  availability: string;
}

export interface CategoryDoc {
  _id: string;
  site: string;
  url: string;
  path: string;
  name: string;
  parentUrl?: string;
  parentId?: string;
  type: CategoryType;
  depth: number;
  /** Every campaign that saw the category (filter for `campaignId`). */
  campaignIds?: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** A product found in a category. Provenance (listing, page, position, last seen) comes from campaign sightings. */
export interface ProductCategoryDoc {
  productId: string;
  categoryId: string;
  campaignId?: string;
  firstSeenAt: Date;
  listingUrl?: string;
  page?: number;
  position?: number;
  lastSeenAt?: Date;
}

/** A category a campaign selected, keyed by (campaignId, categoryId). */
export interface CampaignCategoryDoc {
  campaignId: string;
  categoryId: string;
  rank: number;
  jobId: string;
  status: CampaignCategoryStatus;
  pages: number;
  createdAt: Date;
  finishedAt?: Date;
}

/** A product URL within a campaign, keyed by (campaignId, productUrl). */
export interface CampaignItemDoc {
  campaignId: string;
  productUrl: string;
  site: string;
  status: CampaignItemStatus;
  jobId?: string;
  reason?: string;
  productId?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Where a campaign saw a product URL, keyed by (campaignId, categoryId, productUrl); the first listing, page and position are kept. */
export interface ProductSightingDoc {
  campaignId: string;
  categoryId: string;
  productUrl: string;
  site: string;
  listingUrl: string;
  page: number;
  position: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface CampaignDoc {
  _id: string;
  seedUrl: string;
  site: string;
  status: CampaignStatus;
  options: CampaignOptions;
  counters: CampaignCounters;
  createdAt: Date;
  updatedAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
  /** Why a FAILED campaign failed. */
  failedReason?: string;
}

export interface JobDoc {
  _id: string;
  type: JobType;
  queue: string;
  url: string;
  site: string;
  priority: JobPriority;
  status: JobStatus;
  campaignId?: string;
  categoryUrl?: string;
  attempts: number;
  errorCode?: ErrorCode;
  failedReason?: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt?: Date;
}

export interface JobResultDoc {
  _id: string;
  type: JobType;
  url: string;
  status: 'SUCCEEDED' | 'FAILED';
  result?: JobResult;
  errors: AttemptError[];
  createdAt: Date;
}

export interface DomainDoc {
  _id: string;
  platform: Platform;
  homeUrl: string;
  navigation: NavigationEntry[];
  sitemaps: string[];
  robotsTxt?: string;
  platformSignals?: string[];
  navigationHash?: string;
  sitemapCategoryUrls?: string[];
  sitemapProductCount?: number;
  learnedAt: Date;
  expiresAt: Date;
}

/** A site's render decision (`render_decisions`, `_id` = site). */
export interface RenderDecisionDoc {
  _id: string;
  mode: 'STATIC' | 'BROWSER';
  reason: string;
  decidedAt: Date;
}

const OPTIONS = { versionKey: false, minimize: false, strict: true } as const;
const id = { type: String, required: true };
const text = { type: String, required: true };
/** Arrays stay absent unless written (no implicit `[]` that would clash with `$addToSet` on upsert). */
const strings = { type: [String], default: undefined };
const money = new Schema({ amount: text, currency: text }, { _id: false, versionKey: false });

/** The product's own fields. Must name every `ProductInput` key: the compiler flags one added to the entity but not here. */
export const PRODUCT_FIELDS = {
  site: text,
  url: text,
  canonicalUrl: text,
  title: text,
  brand: String,
  description: String,
  sku: String,
  gtin: String,
  mpn: String,
  price: money,
  compareAtPrice: money,
  availability: text,
  images: strings,
  variants: Schema.Types.Mixed,
  breadcrumbs: strings,
  rating: Number,
  reviewCount: Number,
  language: String,
  sources: { type: Schema.Types.Mixed },
  completeness: { type: Number, required: true },
  platform: String,
  campaignId: String,
  scrapedAt: { type: Date, required: true },
} satisfies Record<keyof ProductInput, unknown>;

const productSchema = new Schema<ProductDoc>(
  { _id: id, ...PRODUCT_FIELDS, campaignIds: strings, categoryIds: strings, priceValue: Number, firstSeenAt: Date, updatedAt: Date },
  OPTIONS,
);
productSchema.index({ updatedAt: -1, _id: 1 });
productSchema.index({ priceValue: 1, _id: 1 });
productSchema.index({ title: 1, _id: 1 });
productSchema.index({ availability: 1, _id: 1 });

const productHistorySchema = new Schema<ProductHistoryDoc>({ productId: text, at: { type: Date, required: true }, price: money, availability: text }, OPTIONS);
productHistorySchema.index({ productId: 1, at: -1 });
productSchema.index({ site: 1, canonicalUrl: 1 }, { unique: true });
productSchema.index({ site: 1, _id: 1 });
productSchema.index({ campaignIds: 1, _id: 1 });
productSchema.index({ categoryIds: 1, _id: 1 });

const categorySchema = new Schema<CategoryDoc>({
  _id: id, site: text, url: text, path: text, name: text, parentUrl: String, parentId: String,
  type: text, depth: { type: Number, required: true }, campaignIds: strings, createdAt: Date, updatedAt: Date,
}, OPTIONS);
categorySchema.index({ url: 1 }, { unique: true });
categorySchema.index({ site: 1, _id: 1 });
categorySchema.index({ parentUrl: 1 });
categorySchema.index({ parentId: 1, _id: 1 });
categorySchema.index({ campaignIds: 1, _id: 1 });
categorySchema.index({ type: 1, _id: 1 });

const productCategorySchema = new Schema<ProductCategoryDoc>({
  productId: text, categoryId: text, campaignId: String, firstSeenAt: Date,
  listingUrl: String, page: Number, position: Number, lastSeenAt: Date,
}, OPTIONS);
productCategorySchema.index({ productId: 1, categoryId: 1 }, { unique: true });
productCategorySchema.index({ categoryId: 1, productId: 1 });

const campaignCategorySchema = new Schema<CampaignCategoryDoc>({
  campaignId: text, categoryId: text, rank: { type: Number, required: true }, jobId: text, status: text,
  pages: { type: Number, required: true, default: 0 }, createdAt: Date, finishedAt: Date,
}, OPTIONS);
campaignCategorySchema.index({ campaignId: 1, categoryId: 1 }, { unique: true });

const campaignItemSchema = new Schema<CampaignItemDoc>({
  campaignId: text, productUrl: text, site: text, status: text, jobId: String, reason: String, productId: String,
  createdAt: Date, updatedAt: Date,
}, OPTIONS);
campaignItemSchema.index({ campaignId: 1, productUrl: 1 }, { unique: true });
campaignItemSchema.index({ campaignId: 1, status: 1 });

const productSightingSchema = new Schema<ProductSightingDoc>({
  campaignId: text, categoryId: text, productUrl: text, site: text, listingUrl: text,
  page: { type: Number, required: true }, position: { type: Number, required: true }, firstSeenAt: Date, lastSeenAt: Date,
}, OPTIONS);
productSightingSchema.index({ campaignId: 1, categoryId: 1, productUrl: 1 }, { unique: true });
productSightingSchema.index({ campaignId: 1, productUrl: 1 });

const counter = { type: Number, required: true, default: 0 };
const campaignSchema = new Schema<CampaignDoc>({
  _id: id, seedUrl: text, site: text, status: text, options: { type: Schema.Types.Mixed, required: true },
  counters: {
    categoriesDiscovered: counter, categoriesScraped: counter, productsDiscovered: counter,
    productsQueued: counter, productsScraped: counter, productsFailed: counter,
  },
  createdAt: Date, updatedAt: Date, startedAt: Date, finishedAt: Date, failedReason: String,
}, OPTIONS);
campaignSchema.index({ status: 1, _id: 1 });
// The previous campaign on a site (category changes).
campaignSchema.index({ site: 1, createdAt: -1 });

const jobSchema = new Schema<JobDoc>({
  _id: id, type: text, queue: text, url: text, site: text, priority: text, status: text, campaignId: String,
  categoryUrl: String, attempts: { type: Number, required: true, default: 0 }, errorCode: String, failedReason: String,
  createdAt: Date, updatedAt: Date, finishedAt: Date,
}, OPTIONS);
jobSchema.index({ campaignId: 1, status: 1 });
jobSchema.index({ status: 1, _id: 1 });
jobSchema.index({ type: 1, _id: 1 });
jobSchema.index({ queue: 1, _id: 1 });
jobSchema.index({ errorCode: 1, _id: 1 });
jobSchema.index({ site: 1, _id: 1 });

const attemptErrorSchema = new Schema({
  attempt: Number, code: String, message: String, httpStatus: Number, url: String, durationMs: Number, stack: String, at: Date,
}, { _id: false, versionKey: false });
// `errors` shadows a mongoose document property; results are only written by update and read lean, never hydrated.
const resultSchema = new Schema<JobResultDoc>({
  _id: id, type: text, url: text, status: text, result: Schema.Types.Mixed, errors: [attemptErrorSchema], createdAt: Date,
}, { ...OPTIONS, suppressReservedKeysWarning: true });

const domainSchema = new Schema<DomainDoc>({
  _id: id, platform: text, homeUrl: text, navigation: Schema.Types.Mixed,
  sitemaps: strings, robotsTxt: String, platformSignals: strings, navigationHash: String,
  sitemapCategoryUrls: strings, sitemapProductCount: Number, learnedAt: Date, expiresAt: Date,
}, OPTIONS);

/** A dead letter (`_id` = its own UUIDv7, unique `jobId`); payload and bundle stay as written. */
export interface DeadLetterDoc extends Omit<DeadLetter, 'id'> {
  _id: string;
}

const deadLetterSchema = new Schema<DeadLetterDoc>({
  _id: id, jobId: text, queue: text, type: text, priority: String, campaignId: String, url: String, code: text, message: { type: String, default: '' },
  data: Schema.Types.Mixed, rawData: { type: String, default: '' }, attempts: [attemptErrorSchema], bundle: { type: Schema.Types.Mixed, required: true },
  status: text, retries: { type: Number, required: true, default: 0 }, deadAt: { type: Date, required: true }, retriedAt: Date,
}, OPTIONS);
deadLetterSchema.index({ jobId: 1 }, { unique: true });
deadLetterSchema.index({ campaignId: 1, status: 1, _id: 1 });
deadLetterSchema.index({ deadAt: 1 });

const renderDecisionSchema = new Schema<RenderDecisionDoc>({ _id: id, mode: text, reason: text, decidedAt: Date }, OPTIONS);

export interface MongoModels {
  deadLetters: Model<DeadLetterDoc>;
  products: Model<ProductDoc>;
  productHistory: Model<ProductHistoryDoc>;
  categories: Model<CategoryDoc>;
  productCategories: Model<ProductCategoryDoc>;
  campaigns: Model<CampaignDoc>;
  jobs: Model<JobDoc>;
  results: Model<JobResultDoc>;
  domains: Model<DomainDoc>;
  renderDecisions: Model<RenderDecisionDoc>;
  campaignCategories: Model<CampaignCategoryDoc>;
  campaignItems: Model<CampaignItemDoc>;
  productSightings: Model<ProductSightingDoc>;
}

/** Compiles the models on a dedicated connection, with the seed's collection names. */
export function createModels(connection: Connection): MongoModels {
  return {
    deadLetters: connection.model<DeadLetterDoc>('DeadLetter', deadLetterSchema, 'dead_letters'),
    products: connection.model<ProductDoc>('Product', productSchema, 'products'),
    productHistory: connection.model<ProductHistoryDoc>('ProductHistory', productHistorySchema, 'product_history'),
    categories: connection.model<CategoryDoc>('Category', categorySchema, 'categories'),
    productCategories: connection.model<ProductCategoryDoc>('ProductCategory', productCategorySchema, 'product_categories'),
    campaigns: connection.model<CampaignDoc>('Campaign', campaignSchema, 'campaigns'),
    jobs: connection.model<JobDoc>('ScrapingJob', jobSchema, 'scraping_jobs'),
    results: connection.model<JobResultDoc>('ScrapingJobResult', resultSchema, 'scraping_job_results'),
    domains: connection.model<DomainDoc>('Domain', domainSchema, 'domains'),
    renderDecisions: connection.model<RenderDecisionDoc>('RenderDecision', renderDecisionSchema, 'render_decisions'),
    campaignCategories: connection.model<CampaignCategoryDoc>('CampaignCategory', campaignCategorySchema, 'campaign_categories'),
    campaignItems: connection.model<CampaignItemDoc>('CampaignItem', campaignItemSchema, 'campaign_items'),
    productSightings: connection.model<ProductSightingDoc>('ProductSighting', productSightingSchema, 'product_sightings'),
  };
}

/**
 * Creates the collections that do not exist yet and the indexes the schemas
 * declare. Additive only (never drops an index), so several processes may run
 * it at once against the same database.
 */
export async function ensureCollections(connection: Connection, models: MongoModels): Promise<void> {
  const existing = new Set((await connection.listCollections()).map((collection) => collection.name));
  for (const model of Object.values(models) as Model<unknown>[]) {
    if (!existing.has(model.collection.collectionName)) await model.createCollection();
    await model.createIndexes();
  }
}
