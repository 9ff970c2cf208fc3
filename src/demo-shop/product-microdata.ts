import type { ShopProduct } from './shop-catalog.type.js';
import { escapeHtml } from './html.js';
import { schemaAvailability } from './product-json-ld.js';
import type { SiteContext } from './site-context.js';
import { absoluteUrl } from './site-context.js';

/** Attributes that make the product element a schema.org Product item. */
export const MICRODATA_PRODUCT_ATTRIBUTES = ' itemscope itemtype="https://schema.org/Product"';

/**
 * schema.org Product as microdata inside the product element: name, sku,
 * gtin13, brand, description, images, one Offer (the lowest price) and the
 * rating, as `<meta>`/`<link>` properties the way hand-rolled templates add them.
 */
export function renderProductMicrodata(site: SiteContext, product: ShopProduct, images: readonly string[]): string {
  const url = absoluteUrl(site, product.path);
  const meta = (name: string, value: string) => `<meta itemprop="${name}" content="${escapeHtml(value)}">`;
  const rating = product.rating === undefined ? '' :
    `<div itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating">${meta('ratingValue', String(product.rating.value))}${meta('reviewCount', String(product.rating.count))}</div>`;
  return `<div class="product__microdata" hidden>${meta('name', product.title)}${meta('sku', product.sku)}${meta('gtin13', product.gtin)}` +
    `${meta('description', product.description)}<link itemprop="url" href="${url}">` +
    images.map((image) => `<link itemprop="image" href="${absoluteUrl(site, image)}">`).join('') +
    `<div itemprop="brand" itemscope itemtype="https://schema.org/Brand">${meta('name', product.brand)}</div>` +
    `<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">${meta('price', product.price)}${meta('priceCurrency', product.currency)}` +
    `<link itemprop="availability" href="${schemaAvailability(product.availability)}"><link itemprop="url" href="${url}"></div>` +
    `${rating}</div>`;
}
