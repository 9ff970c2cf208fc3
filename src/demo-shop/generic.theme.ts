import type { ShopCategory, ShopProduct } from './shop-catalog.type.js';
import { escapeHtml } from './html.js';
import type { ListingPage, ShopTheme, ThemeView } from './shop-theme.type.js';

const STYLESHEET = '/static/css/site.css';

/**
 * Featured and brand collections page with a "Load more" button (its
 * `data-next-url` is the next page); the others with a "Next ›" link. Neither
 * carries rel=next.
 */
export function usesLoadMore(category: ShopCategory): boolean {
  return category.kind === 'featured' || category.kind === 'brand';
}

function tile(view: ThemeView, product: ShopProduct): string {
  const title = escapeHtml(product.title);
  const was = product.compareAtPrice === undefined ? '' : ` <span class="item-tile__was">was ${view.formatPrice(product.compareAtPrice)}</span>`;
  return `<div class="item-tile" id="item-${product.id}">
<a class="item-tile__link" href="${product.path}"><img src="/images/${product.handle}-1.png" alt="${title}" width="300" height="300"><span class="item-tile__name">${title}</span></a>
<span class="item-tile__price" data-price="${product.price}">${view.formatPrice(product.price)}</span>${was}
</div>`;
}

function pagerBody(listing: ListingPage): string {
  const { page, pages, pathOf, category } = listing;
  const next = escapeHtml(pathOf(page + 1));
  if (category && usesLoadMore(category)) {
    return page < pages ? `<div class="load-more-wrap"><button type="button" class="load-more" data-next-url="${next}">Load more</button></div>` : '';
  }
  const prev = page > 1 ? `<a class="pager__prev" href="${escapeHtml(pathOf(page - 1))}">&lsaquo; Prev</a> ` : '';
  const forward = page < pages ? ` <a class="pager__next" href="${next}">Next &rsaquo;</a>` : '';
  return `<div class="pager">${prev}<span class="pager__status">Page ${page} of ${pages}</span>${forward}</div>`;
}

export const GENERIC_THEME: ShopTheme = {
  head: `\n<link rel="stylesheet" href="${STYLESHEET}?v=3">`,
  stylesheets: [STYLESHEET],
  responseHeaders: {},
  headerActions: '<div class="site-header__actions"><a href="/search">Search</a> <a href="/account">Account</a> <a href="/basket">Basket</a></div>',
  bodyClass: (template, extra) => (extra === '' ? `page-${template}` : `page-${template} ${extra}`),
  productGrid: (view, products) => {
    if (products.length === 0) return '<p class="items-empty">Nothing here yet.</p>';
    return `<div class="items">\n${products.map((product) => tile(view, product)).join('\n')}\n</div>`;
  },
  pager: (_view, listing) => ({ head: '', body: listing.pages <= 1 ? '' : pagerBody(listing) }),
  subcategories: (children) => {
    const links = children.map((child) => `<a class="subcat" href="${child.path}">${escapeHtml(child.name)}</a>`);
    return `<div class="subcats">${links.join(' ')}</div>`;
  },
  searchForm: (query) =>
    `<form action="/search" method="get"><input type="text" name="q" value="${escapeHtml(query)}" placeholder="Search"><button>Go</button></form>`,
};
