import type { ShopProduct } from './shop-catalog.type.js';
import { escapeHtml } from './html.js';
import type { SiteContext } from './site-context.js';

/** Price markup: the price and, on sale, the struck-through compare-at price. */
export function renderPrice(site: SiteContext, product: ShopProduct, className: string): string {
  const price = `<span class="price${product.compareAtPrice ? ' price--sale' : ''}" data-price="${product.price}">${site.formatPrice(product.price)}</span>`;
  if (product.compareAtPrice === undefined) return `<div class="${className}">${price}</div>`;
  const compare = `<s class="price price--compare" data-compare-at-price="${product.compareAtPrice}">${site.formatPrice(product.compareAtPrice)}</s>`;
  return `<div class="${className}">${price} ${compare} <span class="badge badge--sale">Sale</span></div>`;
}

/** A grid card: image, title, price, all linking to the product page. */
export function renderProductCard(site: SiteContext, product: ShopProduct): string {
  const title = escapeHtml(product.title);
  const image = `/images/${product.handle}-1.svg`;
  const soldOut = product.availability === 'OUT_OF_STOCK' ? '<span class="badge badge--sold-out">Sold out</span>' : '';
  return `<li class="product-card" data-product-handle="${product.handle}">
<a class="product-card__link" href="${product.path}"><img class="product-card__image" src="${image}" alt="${title}" width="400" height="400" loading="lazy"></a>
<h3 class="product-card__title"><a href="${product.path}">${title}</a></h3>
<p class="product-card__vendor">${escapeHtml(product.brand)}</p>
${renderPrice(site, product, 'product-card__price')}${soldOut}
</li>`;
}

export function renderProductGrid(site: SiteContext, products: readonly ShopProduct[]): string {
  if (products.length === 0) return '<p class="collection__empty">No products found in this collection.</p>';
  return `<ul class="product-grid">\n${products.map((product) => renderProductCard(site, product)).join('\n')}\n</ul>`;
}
