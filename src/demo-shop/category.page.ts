import type { ShopCategory, ShopProduct } from './shop-catalog.type.js';
import type { Crumb } from './html.js';
import { escapeHtml, renderBreadcrumbs } from './html.js';
import type { ListingPage } from './shop-theme.type.js';
import { SHOP_NAME } from './site-chrome.js';
import type { SiteContext } from './site-context.js';
import { absoluteUrl, categoryTrail, renderSitePage } from './site-context.js';

/** Path of a category's listing page in the site's flavour; page 1 is the category path. */
export function categoryPagePath(site: SiteContext, category: ShopCategory, page: number): string {
  return site.scheme.listingPath(category.path, page);
}

/** Page `page` of a listing of `all`, or undefined when `page` is out of range. */
export function listingPage(site: SiteContext, all: readonly ShopProduct[], page: number, pathOf: (n: number) => string): { listing: ListingPage; shown: readonly ShopProduct[] } | undefined {
  const size = site.catalog.productsPerPage;
  const pages = Math.max(1, Math.ceil(all.length / size));
  if (page < 1 || page > pages) return undefined;
  const first = (page - 1) * size;
  return { listing: { page, pages, first, total: all.length, pathOf }, shown: all.slice(first, first + size) };
}

/**
 * A category page, or undefined when `page` is past the end. Listing pages
 * slice the precomputed listing (no scan of the catalog); landing pages
 * (gender and product-group sections) show a subcategories block and list no
 * products.
 */
export function renderCategoryPage(site: SiteContext, category: ShopCategory, page: number): string | undefined {
  const slice = listingPage(site, site.catalog.productsIn(category.handle), page, (n) => categoryPagePath(site, category, n));
  if (!slice) return undefined;
  const listing: ListingPage = { ...slice.listing, category };
  const trail = categoryTrail(site.catalog, category);
  const crumbs: Crumb[] = [{ name: 'Home', path: '/' }, ...trail.slice(0, -1).map(({ name, path }) => ({ name, path })), { name: category.name }];
  const pager = site.theme.pager(site, listing);
  const content = category.listsProducts
    ? `${site.theme.productGrid(site, slice.shown, listing)}\n${pager.body}`
    : site.theme.subcategories(site.catalog.childrenOf(category.handle));
  const pageSuffix = page > 1 ? ` - Page ${page}` : '';
  return renderSitePage(site, {
    title: `${trail.map((c) => c.name).join(' ')}${pageSuffix} | ${SHOP_NAME}`,
    description: `Shop ${trail.map((c) => c.name).join(' ')} at ${SHOP_NAME}`,
    canonical: absoluteUrl(site, categoryPagePath(site, category, page)),
    head: `${pager.head}\n<meta property="og:type" content="website">\n<meta property="og:title" content="${escapeHtml(category.name)}">`,
    template: 'collection',
    bodyClass: `collection-${category.handle}`,
    main: `${renderBreadcrumbs(crumbs)}
<header class="collection__header"><h1 class="collection__title">${escapeHtml(category.name)}</h1></header>
${content}`,
  });
}
