import { escapeHtml, renderBreadcrumbs } from './html.js';
import { listingPage } from './category.page.js';
import { SHOP_NAME } from './site-chrome.js';
import type { SiteContext } from './site-context.js';
import { absoluteUrl, renderSitePage } from './site-context.js';

/**
 * Search results page `page` for a query, paginated like the flavour's
 * categories, or undefined past the end. A blank query shows the form only.
 */
export function renderSearchPage(site: SiteContext, rawQuery: string, page: number): string | undefined {
  const query = rawQuery.trim();
  const results = site.catalog.searchResults(query);
  const slice = listingPage(site, results, page, (n) => site.scheme.searchPath(query, n));
  if (!slice) return undefined;
  const pager = site.theme.pager(site, slice.listing);
  const summary = query === ''
    ? '<p class="search__prompt">Enter a search term.</p>'
    : `<p class="search__count">${results.length} results for &ldquo;${escapeHtml(query)}&rdquo;</p>\n${site.theme.productGrid(site, slice.shown, slice.listing)}\n${pager.body}`;
  return renderSitePage(site, {
    title: `${query === '' ? 'Search' : `Search: ${query}`}${page > 1 ? ` - Page ${page}` : ''} | ${SHOP_NAME}`,
    canonical: absoluteUrl(site, site.scheme.searchPath(query, page)),
    head: `${pager.head}\n<meta name="robots" content="noindex, follow">`,
    template: 'search',
    main: `${renderBreadcrumbs([{ name: 'Home', path: '/' }, { name: 'Search' }])}
<section class="search"><h1 class="search__title">Search</h1>
${site.theme.searchForm(query)}
${summary}</section>`,
  });
}
