import type { ExtractedProduct } from '../entities/product.js';
import type { Platform } from '../entities/site.js';
import type { FetchedPage } from './page-fetcher.port.js';

/** What the caller can give an extraction besides the page. */
export interface ExtractOptions {
  /**
   * Fetches a related URL of the same site through the worker's fetcher (and
   * its politeness rules), such as Shopify's `/products/<handle>.js`. Null or
   * a rejection means unreachable: the extractor falls back to the page
   * silently. An extractor asks for at most two related URLs per page.
   */
  fetchRelated?: (url: string) => Promise<FetchedPage | null>;
  /** The site's platform when already known (site intelligence); detected from the page otherwise. */
  platform?: Platform;
}

/**
 * Turns a product page into product data. Returns null when the page is not a
 * product page (the caller fails the job with NOT_A_PRODUCT). Throws NOT_HTML
 * for a body that is not HTML (binary served as text/html included). Never
 * throws on malformed HTML, and stays bounded on hostile pages (huge, deeply
 * nested, with megabytes of inline script).
 */
export interface ProductExtractor {
  extract(page: FetchedPage, options?: ExtractOptions): Promise<ExtractedProduct | null>;
}
