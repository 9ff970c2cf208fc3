/** Shopify's JSON listing endpoint: `/collections/<handle>/products.json`, 250 products a page. */
import type { Platform } from '../../domain/entities/site.js';
import { TrawlError } from '../../domain/errors.js';
import type { ListedProduct, ListingPage } from '../../domain/ports/listing-scraper.port.js';
import type { FetchedPage } from '../../domain/ports/page-fetcher.port.js';

/** The most products Shopify returns per `products.json` page. */
export const SHOPIFY_JSON_PAGE_SIZE = 250;

/** `/collections/<handle>`, optionally under a market prefix (`/en-ca`); not a product under a collection. */
const COLLECTION_PATH = /^(?:\/[a-z]{2}(?:-[a-z]{2,4})?)?\/collections\/([^/]+)\/?$/i;

/**
 * URL of page `page` (1-based) of a Shopify collection's `products.json`, or
 * undefined for another platform, a URL that is not a collection, or a page
 * number below 1. The market prefix and the query of the collection URL are dropped.
 */
export function jsonListingUrl(categoryUrl: string, platform: Platform, page: number): string | undefined {
  if (platform !== 'SHOPIFY' || !Number.isSafeInteger(page) || page < 1) return undefined;
  const url = parseUrl(categoryUrl);
  const handle = url && COLLECTION_PATH.exec(url.pathname)?.[1];
  if (!url || !handle || handle.toLowerCase() === 'products.json') return undefined;
  return `${url.origin}/collections/${handle}/products.json?limit=${SHOPIFY_JSON_PAGE_SIZE}&page=${page}`;
}

/**
 * Parses a `products.json` page (`{ "products": [{ "handle": ... }] }`) into
 * `<origin>/products/<handle>` URLs in order. An empty list is past the last
 * page: no `nextPageUrl`; otherwise the next page is the same endpoint with
 * `page` + 1 (`json-endpoint`). A body that is not such JSON throws INVALID_RESPONSE
 */
export function parseJsonListing(page: FetchedPage, categoryUrl: string): ListingPage {
  const origin = parseUrl(categoryUrl)?.origin;
  if (!origin) throw new TrawlError('INVALID_URL', `Category URL "${categoryUrl}" is not an absolute URL`, { field: 'categoryUrl' });
  const seen = new Set<string>();
  const products: ListedProduct[] = [];
  for (const handle of productHandles(page)) {
    const url = `${origin}/products/${encodeURIComponent(handle)}`;
    if (seen.has(url)) continue;
    seen.add(url);
    products.push({ url, position: products.length + 1 });
  }
  const listing: ListingPage = { url: page.url, products, subcategories: [] };
  const next = products.length > 0 ? jsonListingUrl(categoryUrl, 'SHOPIFY', jsonPageNumber(page) + 1) : undefined;
  return next === undefined ? listing : { ...listing, nextPageUrl: next, paginationStyle: 'json-endpoint' };
}

function productHandles(page: FetchedPage): string[] {
  let data: unknown;
  try {
    data = JSON.parse(page.body.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw notJsonListing(page, 'is not JSON', error);
  }
  const products = typeof data === 'object' && data !== null ? (data as { products?: unknown }).products : undefined;
  if (!Array.isArray(products)) throw notJsonListing(page, 'has no "products" array');
  return products
    .map((product: unknown) => (typeof product === 'object' && product !== null ? (product as { handle?: unknown }).handle : undefined))
    .filter((handle): handle is string => typeof handle === 'string' && handle.trim().length > 0)
    .map((handle) => handle.trim());
}

function notJsonListing(page: FetchedPage, problem: string, cause?: unknown): TrawlError {
  return new TrawlError('INVALID_RESPONSE', `${page.url} ${problem}: not a Shopify products.json listing (Content-Type "${page.contentType || 'none'}")`, {
    url: page.url, httpStatus: page.status, contentType: page.contentType, expected: 'application/json',
  }, cause === undefined ? undefined : { cause });
}

/** The `page` parameter of the fetched (or else requested) endpoint URL; 1 when absent. */
function jsonPageNumber(page: FetchedPage): number {
  for (const raw of [page.url, page.requestedUrl]) {
    const value = parseUrl(raw)?.searchParams.get('page');
    if (value && /^\d{1,6}$/.test(value)) return Number(value);
  }
  return 1;
}

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}
