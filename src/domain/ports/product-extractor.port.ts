import type { ExtractedProduct } from '../entities/product.js';
import type { FetchedPage } from './page-fetcher.port.js';

/**
 * Turns a product page into product data. Returns null when the page is not a
 * product page (the caller fails the job with NOT_A_PRODUCT). Throws NOT_HTML
 * for a body that is not HTML. Never throws on malformed HTML.
 */
export interface ProductExtractor {
  extract(page: FetchedPage): Promise<ExtractedProduct | null>;
}
