import type { ShopProduct } from './shop-catalog.type.js';
import { escapeHtml } from './html.js';
import type { ListingPage, PageTemplate, ShopTheme, ThemeView } from './shop-theme.type.js';

const WOO_CSS = '/wp-content/plugins/woocommerce/assets/css/woocommerce.css';
const THEME_CSS = '/wp-content/themes/storefront/style.css';

/** WordPress and WooCommerce generator tags, the plugin's stylesheet, `woocommerce_params`. */
const HEAD = `
<meta name="generator" content="WordPress 6.5.2">
<meta name="generator" content="WooCommerce 8.9.1">
<link rel="stylesheet" id="storefront-style-css" href="${THEME_CSS}?ver=4.5.5" media="all">
<link rel="stylesheet" id="woocommerce-general-css" href="${WOO_CSS}?ver=8.9.1" media="all">
<script id="woocommerce-js-extra">var woocommerce_params = {"ajax_url":"\\/wp-admin\\/admin-ajax.php","wc_ajax_url":"\\/?wc-ajax=%%endpoint%%"};</script>`;

const BODY_CLASSES: Record<PageTemplate, string> = {
  index: 'home page-template-default page theme-storefront woocommerce-js',
  collection: 'archive tax-product_cat theme-storefront woocommerce woocommerce-page woocommerce-js',
  product: 'product-template-default single single-product theme-storefront woocommerce woocommerce-page woocommerce-js',
  page: 'page-template-default page theme-storefront woocommerce-js',
  search: 'search search-results post-type-archive-product theme-storefront woocommerce woocommerce-page woocommerce-js',
};

function amount(view: ThemeView, price: string): string {
  return `<span class="woocommerce-Price-amount amount"><bdi>${view.formatPrice(price)}</bdi></span>`;
}

function priceHtml(view: ThemeView, product: ShopProduct): string {
  if (product.compareAtPrice === undefined) return `<span class="price" data-price="${product.price}">${amount(view, product.price)}</span>`;
  return `<span class="price" data-price="${product.price}"><del aria-hidden="true">${amount(view, product.compareAtPrice)}</del> <ins>${amount(view, product.price)}</ins></span>`;
}

/** A `li.product` with the loop link around image, title and price, and a "Select options" button. */
export function wooProductCard(view: ThemeView, product: ShopProduct): string {
  const title = escapeHtml(product.title);
  const stock = product.availability === 'OUT_OF_STOCK' ? 'outofstock' : 'instock';
  const sale = product.compareAtPrice === undefined ? '' : ' sale';
  const onSale = product.compareAtPrice === undefined ? '' : '<span class="onsale">Sale!</span>';
  return `<li class="product type-product post-${product.id} status-publish ${stock} product_cat-${product.categories[0] ?? ''} has-post-thumbnail${sale} product-type-variable">
<a href="${product.path}" class="woocommerce-LoopProduct-link woocommerce-loop-product__link"><img width="324" height="324" src="/images/${product.handle}-1.png" class="attachment-woocommerce_thumbnail size-woocommerce_thumbnail" alt="${title}" loading="lazy"><h2 class="woocommerce-loop-product__title">${title}</h2>${onSale}
${priceHtml(view, product)}</a>
<a href="${product.path}" data-quantity="1" class="button product_type_variable add_to_cart_button" data-product_id="${product.id}" aria-label="Select options for &ldquo;${title}&rdquo;" rel="nofollow">Select options</a></li>`;
}

/** `← 1 … 4 [5] 6 … 9 →` as `a.page-numbers`; the arrows are `a.prev`/`a.next` without any rel. */
function pagerBody(listing: ListingPage): string {
  const { page, pages, pathOf } = listing;
  const link = (n: number, className: string, text: string) => `<li><a class="${className}" href="${escapeHtml(pathOf(n))}">${text}</a></li>`;
  const items: string[] = [];
  if (page > 1) items.push(link(page - 1, 'prev page-numbers', '&larr;'));
  let last = 0;
  for (const n of [...new Set([1, page - 1, page, page + 1, pages])].filter((k) => k >= 1 && k <= pages).sort((a, b) => a - b)) {
    if (n - last > 1) items.push('<li><span class="page-numbers dots">&hellip;</span></li>');
    items.push(n === page ? `<li><span aria-current="page" class="page-numbers current">${n}</span></li>` : link(n, 'page-numbers', String(n)));
    last = n;
  }
  if (page < pages) items.push(link(page + 1, 'next page-numbers', '&rarr;'));
  return `<nav class="woocommerce-pagination"><ul class="page-numbers">${items.join('')}</ul></nav>`;
}

export const WOOCOMMERCE_THEME: ShopTheme = {
  head: HEAD,
  stylesheets: [WOO_CSS, THEME_CSS],
  responseHeaders: { 'x-powered-by': 'PHP/8.2.18' },
  headerActions: `<div class="site-header__actions">${searchForm('')} <a href="/my-account/" class="icon-account">My account</a> <a class="cart-contents" href="/cart/">Cart (0)</a></div>`,
  bodyClass: (template, extra) => (extra === '' ? BODY_CLASSES[template] : `${BODY_CLASSES[template]} ${extra}`),
  productGrid: (view, products, listing) => {
    if (products.length === 0) return '<p class="woocommerce-info woocommerce-no-products-found">No products were found matching your selection.</p>';
    const count = listing ? `<p class="woocommerce-result-count">Showing ${listing.first + 1}&ndash;${listing.first + products.length} of ${listing.total} results</p>\n` : '';
    return `${count}<ul class="products columns-4">\n${products.map((product) => wooProductCard(view, product)).join('\n')}\n</ul>`;
  },
  pager: (_view, listing) => ({ head: '', body: listing.pages <= 1 ? '' : pagerBody(listing) }),
  subcategories: (children) => {
    const items = children.map((child) =>
      `<li class="product-category product"><a aria-label="Visit product category ${escapeHtml(child.name)}" href="${child.path}"><img src="/images/collection-${child.handle}.svg" alt="${escapeHtml(child.name)}" width="324" height="324"><h2 class="woocommerce-loop-category__title">${escapeHtml(child.name)}</h2></a></li>`);
    return `<ul class="products columns-4 subcategories">${items.join('')}</ul>`;
  },
  searchForm,
};

function searchForm(query: string): string {
  return `<form role="search" method="get" class="woocommerce-product-search" action="/"><label class="screen-reader-text" for="woocommerce-product-search-field">Search for:</label><input type="search" id="woocommerce-product-search-field" class="search-field" placeholder="Search products&hellip;" value="${escapeHtml(query)}" name="s"><button type="submit" value="Search">Search</button><input type="hidden" name="post_type" value="product"></form>`;
}
