import type { ShopCategory, ShopProduct } from './shop-catalog.type.js';
import { escapeHtml } from './html.js';
import { shopifyVariantId } from './shopify.theme.js';
import type { SiteContext } from './site-context.js';
import { absoluteUrl } from './site-context.js';
import { pageNumber } from './url-params.js';

const DEFAULT_LIMIT = 30;
/** Shopify's cap: a larger `limit` is clamped to it. */
export const PRODUCTS_JSON_MAX_LIMIT = 250;
const PUBLISHED = '2025-01-15T09:00:00-05:00';

/**
 * `/collections/<handle>/products.json?limit=L&page=N`: the collection's
 * listing order in pages of `limit`; an empty `products` array past the end.
 */
export function renderCollectionProductsJson(site: SiteContext, category: ShopCategory, url: URL): string {
  const rawLimit = url.searchParams.get('limit');
  const limit = rawLimit !== null && /^\d{1,9}$/.test(rawLimit) && Number(rawLimit) > 0 ? Math.min(Number(rawLimit), PRODUCTS_JSON_MAX_LIMIT) : DEFAULT_LIMIT;
  const page = Math.max(1, pageNumber(url.searchParams.get('page')));
  const first = (page - 1) * limit;
  const shown = site.catalog.productsIn(category.handle).slice(first, first + limit);
  return JSON.stringify({ products: shown.map((product) => shopifyProductJson(site, product)) });
}

/** A product as Shopify's storefront JSON shows it; prices are decimal strings. */
export function shopifyProductJson(site: SiteContext, product: ShopProduct): object {
  const productId = 7_000_000_000 + product.id;
  const { variants, images } = product;
  return {
    id: productId,
    title: product.title,
    handle: product.handle,
    body_html: `<p>${escapeHtml(product.description)}</p>`,
    published_at: PUBLISHED,
    vendor: product.brand,
    product_type: product.productType,
    tags: product.categories,
    variants: variants.map((variant, index) => ({
      id: shopifyVariantId(product, index + 1),
      title: variant.title,
      option1: variant.options.Size,
      option2: variant.options.Color,
      sku: variant.sku,
      available: variant.availability !== 'OUT_OF_STOCK',
      price: variant.price,
      compare_at_price: product.compareAtPrice ?? null,
      position: index + 1,
      product_id: productId,
    })),
    images: images.map((image, index) => ({ id: productId * 10 + index, position: index + 1, src: absoluteUrl(site, image) })),
    options: [
      { name: 'Size', position: 1, values: [...new Set(variants.map((variant) => variant.options.Size))] },
      { name: 'Color', position: 2, values: [...new Set(variants.map((variant) => variant.options.Color))] },
    ],
  };
}
