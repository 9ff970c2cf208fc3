import { load } from 'cheerio/slim';
import type { Platform } from '../../domain/entities/site.js';
import { TrawlError } from '../../domain/errors.js';
import type { ListingPage, ListingScraper } from '../../domain/ports/listing-scraper.port.js';
import type { FetchedPage } from '../../domain/ports/page-fetcher.port.js';
import { capTreeDepth } from '../extract/cap-depth.js';
import { looksLikeHtml } from '../extract/cheerio-product.extractor.js';
import { listingDocument } from './listing-dom.js';
import { findNextPage } from './pagination.js';
import { findProductLinks } from './product-links.js';
import { jsonListingUrl, parseJsonListing } from './shopify-json.js';
import { searchUrls } from './search-urls.js';
import { findSubcategories } from './subcategories.js';

const HTML_CONTENT_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i;

/**
 * ListingScraper over cheerio (htmlparser2): product URLs with their
 * positions, the next page (any pagination style) and subcategories of a
 * category or search result page, plus Shopify's JSON listing endpoint and
 * per-platform search URLs. Tolerates any malformed HTML; NOT_HTML for a
 * body that is not HTML by Content-Type nor by its start.
 */
export class HtmlListingScraper implements ListingScraper {
  parse(page: FetchedPage, platform: Platform): ListingPage {
    if (!HTML_CONTENT_TYPE.test(page.contentType) && !looksLikeHtml(page.body)) {
      throw new TrawlError('NOT_HTML', `${page.url} is not HTML (Content-Type "${page.contentType || 'none'}")`, {
        url: page.url, httpStatus: page.status, contentType: page.contentType,
      });
    }
    const $ = load(page.body);
    capTreeDepth($);
    const doc = listingDocument($, page.url);
    const next = findNextPage(doc);
    return {
      url: page.url,
      products: findProductLinks(doc, platform),
      ...(next ? { nextPageUrl: next.url, paginationStyle: next.style } : {}),
      subcategories: findSubcategories(doc),
    };
  }

  jsonListingUrl(categoryUrl: string, platform: Platform, page: number): string | undefined {
    return jsonListingUrl(categoryUrl, platform, page);
  }

  parseJsonListing(page: FetchedPage, categoryUrl: string): ListingPage {
    return parseJsonListing(page, categoryUrl);
  }

  searchUrls(siteUrl: string, platform: Platform, query: string): string[] {
    return searchUrls(siteUrl, platform, query);
  }
}
