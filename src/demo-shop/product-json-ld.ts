import type { ShopAvailability, ShopCategory, ShopProduct, ShopVariant } from './shop-catalog.type.js';
import type { SiteContext } from './site-context.js';
import { absoluteUrl } from './site-context.js';

const SCHEMA_AVAILABILITY: Record<ShopAvailability, string> = {
  IN_STOCK: 'https://schema.org/InStock',
  OUT_OF_STOCK: 'https://schema.org/OutOfStock',
  PREORDER: 'https://schema.org/PreOrder',
  BACKORDER: 'https://schema.org/BackOrder',
};

export function schemaAvailability(availability: ShopAvailability): string {
  return SCHEMA_AVAILABILITY[availability];
}

/**
 * schema.org Product. Offers is a single Offer when every variant costs the
 * same, otherwise an AggregateOffer (lowPrice/highPrice) with one Offer per
 * variant. A sale adds a StrikethroughPrice price specification.
 */
export function productJsonLd(site: SiteContext, product: ShopProduct, variants: readonly ShopVariant[], images: readonly string[]): object {
  const url = absoluteUrl(site, product.path);
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    '@id': `${url}#product`,
    name: product.title,
    url,
    brand: { '@type': 'Brand', name: product.brand },
    sku: product.sku,
    gtin13: product.gtin,
    description: product.description,
    category: product.productType,
    image: images.map((image) => absoluteUrl(site, image)),
    offers: offers(product, variants, url),
  };
  if (product.rating) {
    data['aggregateRating'] = { '@type': 'AggregateRating', ratingValue: product.rating.value, reviewCount: product.rating.count, bestRating: 5, worstRating: 1 };
  }
  return data;
}

function offers(product: ShopProduct, variants: readonly ShopVariant[], url: string): object {
  const prices = new Set(variants.map((variant) => variant.price));
  if (prices.size <= 1) {
    const offer: Record<string, unknown> = {
      '@type': 'Offer', url, price: product.price, priceCurrency: product.currency,
      availability: schemaAvailability(product.availability), itemCondition: 'https://schema.org/NewCondition',
    };
    if (product.compareAtPrice !== undefined) {
      offer['priceSpecification'] = {
        '@type': 'UnitPriceSpecification', priceType: 'https://schema.org/StrikethroughPrice', price: product.compareAtPrice, priceCurrency: product.currency,
      };
    }
    return offer;
  }
  const sorted = [...prices].sort((a, b) => Number(a) - Number(b));
  return {
    '@type': 'AggregateOffer',
    lowPrice: sorted[0],
    highPrice: sorted[sorted.length - 1],
    priceCurrency: product.currency,
    offerCount: variants.length,
    availability: schemaAvailability(product.availability),
    offers: variants.map((variant) => ({
      '@type': 'Offer', name: variant.title, sku: variant.sku, url: `${url}?variant=${encodeURIComponent(variant.sku)}`,
      price: variant.price, priceCurrency: product.currency, availability: schemaAvailability(variant.availability),
    })),
  };
}

/** schema.org BreadcrumbList for Home > ancestors > product. */
export function breadcrumbJsonLd(site: SiteContext, trail: readonly ShopCategory[], product: ShopProduct): object {
  const items = [
    { name: 'Home', path: '/' },
    ...trail.map((category) => ({ name: category.name, path: category.path })),
    { name: product.title, path: product.path },
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.name, item: absoluteUrl(site, item.path) })),
  };
}
