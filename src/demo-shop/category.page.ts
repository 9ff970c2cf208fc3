import type { ShopCategory } from './shop-catalog.type.js';
import type { Crumb } from './html.js';
import { escapeHtml, renderBreadcrumbs, renderDocument } from './html.js';
import { renderProductGrid } from './product-card.js';
import { SHOP_NAME } from './site-chrome.js';
import type { SiteContext } from './site-context.js';
import { absoluteUrl, categoryTrail } from './site-context.js';

/** Path of a category's listing page; page 1 has no query. */
export function categoryPagePath(category: ShopCategory, page: number): string {
  return page <= 1 ? category.path : `${category.path}?page=${page}`;
}

/**
 * A category page, or undefined when `page` is past the end. Listing pages
 * slice the precomputed listing (no scan of the catalog); landing pages
 * (gender and product-group sections) link to their subcategories.
 */
export function renderCategoryPage(site: SiteContext, category: ShopCategory, page: number): string | undefined {
  const pages = site.catalog.pageCount(category.handle);
  if (page < 1 || page > pages) return undefined;
  const trail = categoryTrail(site.catalog, category);
  const crumbs: Crumb[] = [{ name: 'Home', path: '/' }, ...trail.slice(0, -1).map(({ name, path }) => ({ name, path })), { name: category.name }];
  const content = category.listsProducts ? listing(site, category, page, pages) : landing(site, category);
  const pageSuffix = page > 1 ? ` - Page ${page}` : '';
  return renderDocument({
    title: `${trail.map((c) => c.name).join(' ')}${pageSuffix} | ${SHOP_NAME}`,
    description: `Shop ${trail.map((c) => c.name).join(' ')} at ${SHOP_NAME}`,
    canonical: absoluteUrl(site, categoryPagePath(category, page)),
    head: relLinks(site, category, page, pages),
    bodyClass: `template-collection collection-${category.handle}`,
    header: site.header,
    footer: site.footer,
    main: `${renderBreadcrumbs(crumbs)}
<header class="collection__header"><h1 class="collection__title">${escapeHtml(category.name)}</h1></header>
${content}`,
  });
}

function relLinks(site: SiteContext, category: ShopCategory, page: number, pages: number): string {
  const prev = page > 1 ? `\n<link rel="prev" href="${absoluteUrl(site, categoryPagePath(category, page - 1))}">` : '';
  const next = page < pages ? `\n<link rel="next" href="${absoluteUrl(site, categoryPagePath(category, page + 1))}">` : '';
  return `${prev}${next}\n<meta property="og:type" content="website">\n<meta property="og:title" content="${escapeHtml(category.name)}">`;
}

function listing(site: SiteContext, category: ShopCategory, page: number, pages: number): string {
  const all = site.catalog.productsIn(category.handle);
  const size = site.catalog.productsPerPage;
  const first = (page - 1) * size;
  const shown = all.slice(first, first + size);
  const range = shown.length === 0 ? '' : `Showing ${first + 1}-${first + shown.length} of `;
  return `<p class="collection__count">${range}${all.length} products</p>
${renderProductGrid(site, shown)}
${renderPager(category, page, pages)}`;
}

function landing(site: SiteContext, category: ShopCategory): string {
  const tiles = site.catalog.childrenOf(category.handle).map((child) =>
    `<li class="collection-tile"><a href="${child.path}"><img src="/images/collection-${child.handle}.svg" alt="" width="600" height="400" loading="lazy"><span>${escapeHtml(child.name)}</span></a></li>`);
  return `<ul class="collection-list">${tiles.join('')}</ul>`;
}

/** Previous, numbered (first, last and two either side of the current page), next. */
export function renderPager(category: ShopCategory, page: number, pages: number): string {
  if (pages <= 1) return '';
  const parts: string[] = [];
  if (page > 1) parts.push(`<a class="pagination__prev" rel="prev" href="${categoryPagePath(category, page - 1)}">Previous</a>`);
  const numbers = new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages]);
  let last = 0;
  for (const n of [...numbers].filter((k) => k >= 1 && k <= pages).sort((a, b) => a - b)) {
    if (n - last > 1) parts.push('<span class="pagination__gap">&hellip;</span>');
    parts.push(n === page
      ? `<span class="pagination__page pagination__page--current" aria-current="page">${n}</span>`
      : `<a class="pagination__page" href="${categoryPagePath(category, n)}">${n}</a>`);
    last = n;
  }
  if (page < pages) parts.push(`<a class="pagination__next" rel="next" href="${categoryPagePath(category, page + 1)}">Next</a>`);
  return `<nav class="pagination" aria-label="Pagination">${parts.join(' ')}</nav>`;
}
