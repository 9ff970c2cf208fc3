import type { Platform } from '../entities/site.js';
import type { FetchedPage } from './page-fetcher.port.js';

/** A product link found on a listing (category or search result) page. */
export interface ListedProduct {
  /** Absolute URL as linked (not yet canonicalised by the domain). */
  url: string;
  /** 1-based position on its page. */
  position: number;
}

/** A subcategory linked from a category page. */
export interface ListedCategory {
  name: string;
  url: string;
}

/** What one listing page yields. */
export interface ListingPage {
  url: string;
  products: ListedProduct[];
  /** The next page of this listing, if the page has one (any pagination style). */
  nextPageUrl?: string;
  /** Which pagination style found `nextPageUrl` (`rel-next`, `query-page`, `path-page`, `next-link`, `json-endpoint`). */
  paginationStyle?: string;
  subcategories: ListedCategory[];
}

/**
 * Extracts product URLs (not product data) from listing pages: the
 * lightweight category scraping of seed 000, phase 2. Never throws on
 * malformed HTML; throws NOT_HTML for a non-HTML body.
 */
export interface ListingScraper {
  /** Parses one fetched listing page. */
  parse(page: FetchedPage, platform: Platform): ListingPage;
  /**
   * Platform JSON listing endpoints, when the platform has them (Shopify
   * `/collections/<handle>/products.json?page=N`). Returns the URL of page
   * `page` for a category URL, or undefined when the platform has none.
   */
  jsonListingUrl(categoryUrl: string, platform: Platform, page: number): string | undefined;
  /** Parses such a JSON page into product URLs (empty list: past the last page). */
  parseJsonListing(page: FetchedPage, categoryUrl: string): ListingPage;
  /** Candidate search result URLs for a query on a site, best first. */
  searchUrls(siteUrl: string, platform: Platform, query: string): string[];
}
