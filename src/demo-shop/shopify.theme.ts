import type { ShopCategory, ShopProduct } from './shop-catalog.type.js';
import { escapeHtml } from './html.js';
import { renderProductGrid } from './product-card.js';
import type { ListingPage, ShopTheme, ThemeView } from './shop-theme.type.js';

const STYLESHEET = '/cdn/shop/t/1/assets/theme.css';

/**
 * The signals detectors look for: the theme asset path, `Shopify.theme`, a
 * `cdn.shopify.com` host in the storefront config (never fetched: nothing
 * in it is a `src` or `href`).
 */
const HEAD = `
<link rel="stylesheet" href="${STYLESHEET}?v=1736935200">
<meta name="shopify-digital-wallet" content="/61234567890/digital_wallets/dialog">
<script>window.Shopify = window.Shopify || {};
Shopify.shop = "trailhead-supply.myshopify.com";
Shopify.locale = "en";
Shopify.theme = {"name":"Dawn","id":136498782453,"schema_name":"Dawn","schema_version":"13.0.1","theme_store_id":887,"role":"main"};
Shopify.cdnHost = "cdn.shopify.com";</script>`;

/** First Shopify variant id of a product, as `?variant=` links carry it. */
export function shopifyVariantId(product: ShopProduct, n = 1): number {
  return 40_000_000_000 + product.id * 1000 + n;
}

/**
 * The link a listing card uses at a position of a category listing: every
 * fifth from the second is collection-scoped (`/collections/<c>/products/<p>`),
 * every fifth from the fourth selects a variant, every seventh from the fifth
 * (not already varied) carries a `utm_source`. Disallowed products are never
 * collection-scoped, so robots.txt covers every link to them.
 */
export function shopifyCardHref(view: ThemeView, product: ShopProduct, category: ShopCategory, position: number): string {
  if (position % 5 === 1 && !view.catalog.isDisallowed(product.path)) return `${category.path}/products/${product.handle}`;
  if (position % 5 === 3) return `${product.path}?variant=${shopifyVariantId(product)}`;
  if (position % 7 === 4) return `${product.path}?utm_source=collection_grid`;
  return product.path;
}

/** Previous, numbered (first, last and two either side of the current page), next. */
function pagerBody(listing: ListingPage): string {
  const { page, pages, pathOf } = listing;
  const href = (n: number) => escapeHtml(pathOf(n));
  const parts: string[] = [];
  if (page > 1) parts.push(`<a class="pagination__prev" rel="prev" href="${href(page - 1)}">Previous</a>`);
  const numbers = new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages]);
  let last = 0;
  for (const n of [...numbers].filter((k) => k >= 1 && k <= pages).sort((a, b) => a - b)) {
    if (n - last > 1) parts.push('<span class="pagination__gap">&hellip;</span>');
    parts.push(n === page
      ? `<span class="pagination__page pagination__page--current" aria-current="page">${n}</span>`
      : `<a class="pagination__page" href="${href(n)}">${n}</a>`);
    last = n;
  }
  if (page < pages) parts.push(`<a class="pagination__next" rel="next" href="${href(page + 1)}">Next</a>`);
  return `<nav class="pagination" aria-label="Pagination">${parts.join(' ')}</nav>`;
}

export const SHOPIFY_THEME: ShopTheme = {
  head: HEAD,
  stylesheets: [STYLESHEET, '/assets/theme.css'],
  responseHeaders: { 'powered-by': 'Shopify', 'x-shopify-stage': 'production' },
  headerActions: '<div class="site-header__actions"><a href="/search" class="icon-search">Search</a> <a href="/account" class="icon-account">Account</a> <a href="/cart" class="icon-cart">Cart (0)</a></div>',
  bodyClass: (template, extra) => (extra === '' ? `template-${template}` : `template-${template} ${extra}`),
  productGrid: (view, products, listing) => {
    const category = listing?.category;
    if (!listing) return renderProductGrid(view, products);
    const range = products.length === 0 ? '' : `Showing ${listing.first + 1}-${listing.first + products.length} of `;
    const count = `<p class="collection__count">${range}${listing.total} products</p>\n`;
    if (!category) return `${count}${renderProductGrid(view, products)}`;
    return `${count}${renderProductGrid(view, products, (product, index) => shopifyCardHref(view, product, category, listing.first + index))}`;
  },
  pager: (view, listing) => {
    if (listing.pages <= 1) return { head: '', body: '' };
    const absolute = (n: number) => escapeHtml(`${view.origin}${listing.pathOf(n)}`);
    const prev = listing.page > 1 ? `\n<link rel="prev" href="${absolute(listing.page - 1)}">` : '';
    const next = listing.page < listing.pages ? `\n<link rel="next" href="${absolute(listing.page + 1)}">` : '';
    return { head: `${prev}${next}`, body: pagerBody(listing) };
  },
  subcategories: (children) => {
    const tiles = children.map((child) =>
      `<li class="collection-tile"><a href="${child.path}"><img src="/images/collection-${child.handle}.svg" alt="" width="600" height="400" loading="lazy"><span>${escapeHtml(child.name)}</span></a></li>`);
    return `<ul class="collection-list subcategories">${tiles.join('')}</ul>`;
  },
  searchForm: (query) =>
    `<form class="search-form" action="/search" method="get" role="search"><label>Search <input type="search" name="q" value="${escapeHtml(query)}"></label><button type="submit">Search</button></form>`,
};
