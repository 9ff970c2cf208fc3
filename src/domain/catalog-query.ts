import type { Availability } from './entities/product.js';
import type { JobType } from './job-data.js';
import type { JobStatus } from './entities/scraping-job.js';
import { invalidInput } from './errors.js';

/**
 * Orders of a product listing. Every order is total: ties break on the
 * product id (creation order), so pages never repeat or skip a product.
 * Products without a price sort first under PRICE_ASC and last under PRICE_DESC.
 */
export const PRODUCT_SORTS = ['CREATED_ASC', 'UPDATED_AT_DESC', 'PRICE_ASC', 'PRICE_DESC', 'TITLE_ASC'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** Which product field a sort orders by, and in which direction. */
export const SORT_KEYS: Record<Exclude<ProductSort, 'CREATED_ASC'>, { field: 'updatedAt' | 'price' | 'title'; descending: boolean }> = {
  UPDATED_AT_DESC: { field: 'updatedAt', descending: true },
  PRICE_ASC: { field: 'price', descending: false },
  PRICE_DESC: { field: 'price', descending: true },
  TITLE_ASC: { field: 'title', descending: false },
};

/** Where a sorted page continues: the sort value of the last item (null for a missing price) and its id. */
export interface SortPosition {
  value: string | number | null;
  id: string;
}

/** Opaque cursor of a sorted listing; it names its sort, so it cannot be replayed under another. */
export function encodeSortCursor(sort: ProductSort, position: SortPosition): string {
  return Buffer.from(`s:${JSON.stringify([sort, position.value, position.id])}`, 'utf8').toString('base64url');
}

export function decodeSortCursor(cursor: string, sort: ProductSort, field = 'after'): SortPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  let parsed: unknown;
  try {
    parsed = text.startsWith('s:') ? JSON.parse(text.slice(2)) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[2] !== 'string') throw invalidInput(field, `${field} is not a cursor this API issued for sort ${sort}`);
  if (parsed[0] !== sort) throw invalidInput(field, `${field} is a cursor of sort ${String(parsed[0])}, not of ${sort}`);
  const value = parsed[1] as unknown;
  if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw invalidInput(field, `${field} is not a cursor this API issued`);
  return { value, id: parsed[2] };
}

/** The longest text a product search accepts. */
export const MAX_SEARCH_TEXT = 200;

/** Product filters as the API states them, before the category tree is expanded. */
export interface ProductQuery {
  campaignId?: string;
  site?: string;
  categoryId?: string;
  /** With `categoryId`: also products of its subcategories, at any depth. */
  includeSubcategories?: boolean;
  /** Products in any of these stock states. */
  availability?: readonly Availability[];
  /** Price bounds, inclusive, on the numeric amount. Products without a price never match a bound. */
  minPrice?: number;
  maxPrice?: number;
  currency?: string;
  /** Case-insensitive substring of the title or the brand. */
  text?: string;
  /** Products whose record changed at or after this time. */
  updatedSince?: Date;
}

/** Checks the parts of a product query storage cannot: ranges and lengths. Messages name the field. */
export function checkProductQuery(query: ProductQuery, prefix = 'filter'): void {
  if (query.minPrice !== undefined && (!Number.isFinite(query.minPrice) || query.minPrice < 0)) throw invalidInput(`${prefix}.minPrice`, `${prefix}.minPrice must be a number of 0 or more, got ${query.minPrice}`);
  if (query.maxPrice !== undefined && (!Number.isFinite(query.maxPrice) || query.maxPrice < 0)) throw invalidInput(`${prefix}.maxPrice`, `${prefix}.maxPrice must be a number of 0 or more, got ${query.maxPrice}`);
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    throw invalidInput(`${prefix}.maxPrice`, `${prefix}.maxPrice (${query.maxPrice}) is below ${prefix}.minPrice (${query.minPrice})`);
  }
  if (query.text !== undefined && (query.text.trim() === '' || query.text.length > MAX_SEARCH_TEXT)) {
    throw invalidInput(`${prefix}.text`, `${prefix}.text must be 1 to ${MAX_SEARCH_TEXT} characters`);
  }
  if (query.currency !== undefined && !/^[A-Z]{3}$/.test(query.currency)) throw invalidInput(`${prefix}.currency`, `${prefix}.currency must be an ISO 4217 code like USD, got ${query.currency}`);
  if (query.includeSubcategories && !query.categoryId) throw invalidInput(`${prefix}.includeSubcategories`, `${prefix}.includeSubcategories needs ${prefix}.categoryId`);
  if (query.updatedSince !== undefined && Number.isNaN(query.updatedSince.getTime())) throw invalidInput(`${prefix}.updatedSince`, `${prefix}.updatedSince is not a date`);
}

/** Job record search (backed by storage, so it reaches jobs the queue has trimmed). */
export interface JobSearch {
  campaignId?: string;
  statuses?: readonly JobStatus[];
  type?: JobType;
  queue?: string;
  site?: string;
  /** Case-insensitive substring of the job's URL. */
  urlContains?: string;
  errorCode?: string;
}

export function checkJobSearch(search: JobSearch, prefix = 'filter'): void {
  if (search.urlContains !== undefined && (search.urlContains === '' || search.urlContains.length > MAX_SEARCH_TEXT)) {
    throw invalidInput(`${prefix}.urlContains`, `${prefix}.urlContains must be 1 to ${MAX_SEARCH_TEXT} characters`);
  }
}

/** Escapes `%`, `_` and the escape character itself for a SQL LIKE with `ESCAPE '\\'`. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Escapes regular-expression metacharacters, for a literal substring match. */
export function literalRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
