import type { ShopProduct } from './shop-catalog.type.js';
import { escapeHtml } from './html.js';

/** What price markup needs from the site. */
export interface PriceFormat {
  /** `49.99` -> `$49.99` in the shop's currency. */
  formatPrice(amount: string): string;
}

/** Price markup: the price and, on sale, the struck-through compare-at price. */
export function renderPrice(site: PriceFormat, product: ShopProduct, className: string): string {
  const price = `<span class="price${product.compareAtPrice ? ' price--sale' : ''}" data-price="${product.price}">${site.formatPrice(product.price)}</span>`;
  if (product.compareAtPrice === undefined) return `<div class="${className}">${price}</div>`;
  const compare = `<s class="price price--compare" data-compare-at-price="${product.compareAtPrice}">${site.formatPrice(product.compareAtPrice)}</s>`;
  return `<div class="${className}">${price} ${compare} <span class="badge badge--sale">Sale</span></div>`;
}

/** A Shopify-style grid card: image, title, price, all linking to `href` (the product path by default). */
export function renderProductCard(site: PriceFormat, product: ShopProduct, href: string = product.path): string {
  const title = escapeHtml(product.title);
  const link = escapeHtml(href);
  const image = `/images/${product.handle}-1.png`;
  const soldOut = product.availability === 'OUT_OF_STOCK' ? '<span class="badge badge--sold-out">Sold out</span>' : '';
  return `<li class="product-card" data-product-handle="${product.handle}">
<a class="product-card__link" href="${link}"><img class="product-card__image" src="${image}" alt="${title}" width="400" height="400" loading="lazy"></a>
<h3 class="product-card__title"><a href="${link}">${title}</a></h3>
<p class="product-card__vendor">${escapeHtml(product.brand)}</p>
${renderPrice(site, product, 'product-card__price')}${soldOut}
</li>`;
}

/** Shopify-style grid; `hrefOf(product, i)` picks each card's link. */
export function renderProductGrid(
  site: PriceFormat,
  products: readonly ShopProduct[],
  hrefOf: (product: ShopProduct, index: number) => string = (product) => product.path,
): string {
  if (products.length === 0) return '<p class="collection__empty">No products found in this collection.</p>';
  return `<ul class="product-grid">\n${products.map((product, index) => renderProductCard(site, product, hrefOf(product, index))).join('\n')}\n</ul>`;
}
