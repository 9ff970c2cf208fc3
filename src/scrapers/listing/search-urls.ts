/** Search result URLs of a site for a query, per platform. */
import type { Platform } from '../../domain/entities/site.js';
import { invalidInput, TrawlError } from '../../domain/errors.js';

/** `{q}` stands for the URL-encoded query. */
const PLATFORM_SEARCH: Record<Platform, readonly string[]> = {
  SHOPIFY: ['/search?q={q}&type=product'],
  WOOCOMMERCE: ['/?s={q}&post_type=product'],
  MAGENTO: ['/catalogsearch/result/?q={q}'],
  BIGCOMMERCE: ['/search.php?search_query={q}'],
  SALESFORCE: ['/search?q={q}'],
  GENERIC: [],
};

/** Conventions most other shops follow, tried after the platform's own. */
const GENERIC_SEARCH: readonly string[] = ['/search?q={q}', '/?s={q}', '/search?query={q}'];

/**
 * Candidate search result URLs for `query` on the site of `siteUrl` (its
 * origin), best first: the platform's own search page, then the generic
 * conventions, each once. Throws INVALID_URL for a site URL that is not
 * absolute http(s), INVALID_INPUT for an empty query.
 */
export function searchUrls(siteUrl: string, platform: Platform, query: string): string[] {
  const origin = siteOrigin(siteUrl);
  const text = query.trim();
  if (text.length === 0) throw invalidInput('query', 'Search query is empty');
  const encoded = encodeURIComponent(text);
  const urls = [...PLATFORM_SEARCH[platform], ...GENERIC_SEARCH].map((template) => `${origin}${template.replace('{q}', encoded)}`);
  return [...new Set(urls)];
}

function siteOrigin(siteUrl: string): string {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new TrawlError('INVALID_URL', `Site URL "${siteUrl}" is not an absolute URL`, { field: 'siteUrl' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TrawlError('INVALID_URL', `Site URL "${siteUrl}" is not http(s)`, { field: 'siteUrl' });
  }
  return url.origin;
}
