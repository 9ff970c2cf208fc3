import type { LabelledMoney } from '../../corpus.types.js';
import { selectedVariant, type ProductSpec } from '../catalog.js';
import { esc, jsonScript, schemaAvailability } from '../html.js';
import { formatNumber } from '../money.js';
import type { PageContext } from '../page.types.js';

/** Shopify numeric ids: products 7-8e12, variants 4e13. */
export function shopifyProductId(product: ProductSpec): number {
  return 7_000_000_000_000 + product.id * 7919;
}

export function shopifyVariantId(product: ProductSpec, index: number): number {
  return 40_000_000_000_000 + product.id * 104_729 + index;
}

/** Image URL on the shop's own /cdn/shop path (2023+ themes) or the older cdn.shopify.com path. */
export function shopifyImage(context: PageContext, key: string, width: number | null, legacyCdn: boolean): string {
  const version = 1_690_000_000 + (context.product.id % 9_000_000);
  if (legacyCdn) {
    const store = `${String(context.store.host.length * 1234567).slice(0, 4)}/${String(context.product.id * 7).padStart(4, '0')}`;
    const size = width ? `_${width}x` : '';
    return `//cdn.shopify.com/s/files/1/${store}/products/${key}${size}.jpg?v=${version}`;
  }
  return `//${context.store.host}/cdn/shop/files/${key}.jpg?v=${version}${width ? `&width=${width}` : ''}`;
}

/** Absolute https form of a theme image URL (what the label stores). */
export function absolute(url: string): string {
  return url.startsWith('//') ? `https:${url}` : url;
}

/** Cents, as Shopify's JSON carries money. */
export function cents(money: LabelledMoney | null, decimals: number): number | null {
  return money ? Math.round(Number(money.amount) * 10 ** decimals) : null;
}

/** `money_without_currency`: the number as the shop's money format writes it ("1.299,00" in a German shop). */
export function moneyWithoutCurrency(context: PageContext, money: LabelledMoney): string {
  return formatNumber(money.amount, context.format);
}

/** The og:/twitter: tags every Shopify theme prints, price included. */
export function shopifySocialMeta(context: PageContext, images: string[]): string {
  const { product, store } = context;
  const image = images[0] ? images[0].replace(/^\/\//, 'http://') : '';
  return `<meta property="og:site_name" content="${esc(store.name)}">
<meta property="og:url" content="${esc(context.url)}">
<meta property="og:title" content="${esc(product.title)}">
<meta property="og:type" content="product">
<meta property="og:description" content="${esc(product.description)}">
${image ? `<meta property="og:image" content="${esc(image)}">\n<meta property="og:image:secure_url" content="${esc(image.replace('http://', 'https://'))}">\n<meta property="og:image:width" content="1946">\n<meta property="og:image:height" content="1946">` : ''}
<meta property="og:price:amount" content="${esc(moneyWithoutCurrency(context, product.price))}">
<meta property="og:price:currency" content="${esc(product.price.currency)}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${esc(product.title)}">
<meta name="twitter:description" content="${esc(product.description)}">`;
}

/** `Shopify.*` globals and `ShopifyAnalytics.meta` (vendor, variants with SKUs and cent prices). */
export function shopifyGlobals(context: PageContext, themeName: string, themeStoreId: number): string {
  const { product, locale, store } = context;
  const variants = product.variants.length > 0 ? product.variants : [null];
  const meta = {
    product: {
      id: shopifyProductId(product),
      gid: `gid://shopify/Product/${shopifyProductId(product)}`,
      vendor: product.brand ?? store.name,
      type: product.trail[product.trail.length - 1],
      variants: variants.map((variant, index) => ({
        id: shopifyVariantId(product, index),
        price: cents(variant?.price ?? product.price, locale.decimals),
        name: variant ? `${product.title} - ${variant.value}` : product.title,
        public_title: variant ? variant.value : null,
        sku: variant ? variant.sku : product.sku ?? '',
      })),
    },
    page: { pageType: 'product', resourceType: 'product', resourceId: shopifyProductId(product) },
  };
  const json = JSON.stringify(meta).replace(/\//g, '\\/').replace(/&/g, '\\u0026');
  return `<script>
var Shopify = Shopify || {};
Shopify.shop = "${store.host.split('.')[0]}.myshopify.com";
Shopify.locale = "${locale.lang}";
Shopify.currency = {"active":"${product.price.currency}","rate":"1.0"};
Shopify.country = "${locale.tag.split('-')[1]}";
Shopify.theme = {"name":"${themeName}","id":${130_000_000_000 + product.id},"schema_name":"${themeName}","schema_version":"12.0.0","theme_store_id":${themeStoreId},"role":"main"};
</script>
<script>
window.ShopifyAnalytics = window.ShopifyAnalytics || {};
window.ShopifyAnalytics.meta = window.ShopifyAnalytics.meta || {};
window.ShopifyAnalytics.meta.currency = '${product.price.currency}';
var meta = ${json};
for (var attr in meta) {
  window.ShopifyAnalytics.meta[attr] = meta[attr];
}
</script>`;
}

/** The product JSON older themes embed (`ProductJson-...`): cents, compare_at_price, variants with barcode and availability. */
export function shopifyProductJson(context: PageContext, images: string[]): Record<string, unknown> {
  const { product, locale } = context;
  const variants = product.variants.length > 0 ? product.variants : [null];
  return {
    id: shopifyProductId(product), title: product.title, handle: product.slug, description: `<p>${product.description}</p>`,
    published_at: '2023-09-14T10:12:03-04:00', vendor: product.brand ?? context.store.name, type: product.trail[product.trail.length - 1],
    tags: ['new', product.trail[0]], price: cents(product.price, locale.decimals), price_min: cents(product.price, locale.decimals),
    available: product.availability !== 'OUT_OF_STOCK' && product.availability !== 'DISCONTINUED',
    compare_at_price: cents(product.compareAt, locale.decimals),
    variants: variants.map((variant, index) => ({
      id: shopifyVariantId(product, index), title: variant?.value ?? 'Default Title', option1: variant?.value ?? 'Default Title',
      sku: variant?.sku ?? product.sku ?? '', requires_shipping: true, taxable: true,
      available: variant ? variant.available : product.availability !== 'OUT_OF_STOCK' && product.availability !== 'DISCONTINUED',
      name: variant ? `${product.title} - ${variant.value}` : product.title,
      price: cents(variant?.price ?? product.price, locale.decimals), compare_at_price: cents(variant ? variant.compareAt : product.compareAt, locale.decimals),
      inventory_management: 'shopify', barcode: variant?.gtin ?? product.gtin ?? '',
    })),
    images: images.map((image) => image.replace(/_\d+x(?=\.jpg)/, '')),
    featured_image: images[0]?.replace(/_\d+x(?=\.jpg)/, '') ?? null,
    options: [product.optionName ?? 'Title'],
  };
}

/** Options of the Dawn-era JSON-LD. */
export interface ClassicJsonLdOptions {
  /** Price every offer carries instead of the variant's (a stale cache). */
  staleAmount: LabelledMoney | null;
  /** The schema.org availability of a variant's offer. */
  availability(variantAvailable: boolean): string;
}

/** The JSON-LD Dawn-era themes print: one Offer per variant, prices as numbers. */
export function shopifyClassicJsonLd(context: PageContext, images: string[], options: ClassicJsonLdOptions): string {
  const { product } = context;
  const variants = product.variants.length > 0 ? product.variants : [null];
  const chosen = selectedVariant(product);
  const productAvailable = product.availability !== 'OUT_OF_STOCK' && product.availability !== 'DISCONTINUED';
  const data: Record<string, unknown> = {
    '@context': 'http://schema.org/', '@type': 'Product', name: product.title, url: context.url,
    image: images.map(absolute), description: product.description,
    sku: chosen?.sku ?? product.sku ?? undefined,
    ...(product.gtin ? { gtin13: chosen?.gtin ?? product.gtin } : {}),
    brand: { '@type': 'Brand', name: product.brand ?? context.store.name },
    offers: variants.map((variant, index) => ({
      '@type': 'Offer', ...(variant ? { sku: variant.sku } : {}),
      availability: options.availability(variant ? variant.available : productAvailable),
      price: Number((options.staleAmount ?? variant?.price ?? product.price).amount),
      priceCurrency: product.price.currency,
      url: `${context.url}?variant=${shopifyVariantId(product, index)}`,
    })),
  };
  return jsonScript(data, { pretty: true });
}

/** The separate JSON-LD a review app (Judge.me, Yotpo, Okendo) injects: a second Product node with only the rating. */
export function reviewAppJsonLd(context: PageContext): string {
  const { product } = context;
  if (product.rating === null) return '';
  return jsonScript({
    '@context': 'http://schema.org', '@type': 'Product', '@id': `${context.url}#product`, name: product.title,
    aggregateRating: { '@type': 'AggregateRating', ratingValue: product.rating.toFixed(2), reviewCount: String(product.reviewCount), bestRating: '5', worstRating: '1' },
  });
}

/** Judge.me's preview badge next to the title. */
export function judgeMeBadge(context: PageContext): string {
  const { product } = context;
  if (product.rating === null) return '';
  return `<div class="jdgm-widget jdgm-preview-badge" data-id="${shopifyProductId(product)}"><div style="display:none" class="jdgm-prev-badge" data-average-rating="${product.rating.toFixed(2)}" data-number-of-reviews="${product.reviewCount}" data-number-of-questions="0"><span class="jdgm-prev-badge__stars" data-score="${product.rating.toFixed(2)}" tabindex="0" aria-label="${product.rating.toFixed(2)} stars" role="button"><span class="jdgm-star jdgm--on"></span><span class="jdgm-star jdgm--on"></span><span class="jdgm-star jdgm--on"></span><span class="jdgm-star jdgm--on"></span><span class="jdgm-star jdgm--half"></span></span><span class="jdgm-prev-badge__text">${product.reviewCount} reviews</span></div></div>`;
}

/** schema.org availability of a Shopify offer: sold-out variants out of stock, the rest as the theme or an app says. */
export function offerAvailability(context: PageContext, preorderInStructuredData: boolean): (available: boolean) => string {
  return (available) => {
    if (!available) return schemaAvailability('OUT_OF_STOCK', 'http');
    const availability = context.product.availability;
    if (availability === 'PREORDER' && !preorderInStructuredData) return schemaAvailability('IN_STOCK', 'http');
    return schemaAvailability(availability === 'OUT_OF_STOCK' ? 'IN_STOCK' : availability, 'http');
  };
}
