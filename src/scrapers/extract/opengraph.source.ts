import type { Money } from '../../domain/entities/product.js';
import { compareAmounts, toCurrencyCode } from '../price/parse-price.js';
import { toAvailability } from './availability.js';
import { metaValue, normalizeLocale } from './extraction-context.js';
import type { ExtractionContext, ExtractionSource, MetaMap, ProductFields, SourceResult } from './extraction.types.js';
import { toGtin } from './gtin.js';
import { addImages } from './page-images.js';
import { money, compact } from './schema-offers.js';
import { absoluteUrl, plainText } from './text.js';

/** `product:price:amount` (or `og:price:amount`); a `product:sale_price` makes the regular price the compare-at one. */
function prices(meta: MetaMap, fallbackCurrency: string | undefined): Pick<ProductFields, 'price' | 'compareAtPrice'> {
  const currencyOf = (prefix: string): string | undefined =>
    toCurrencyCode(metaValue(meta, `${prefix}:currency`, 'product:price:currency', 'og:price:currency')) ?? fallbackCurrency;
  const regular = money(metaValue(meta, 'product:price:amount', 'og:price:amount', 'product:price'), currencyOf('product:price'))
    ?? money(metaValue(meta, 'product:original_price:amount'), currencyOf('product:original_price'));
  const sale = money(metaValue(meta, 'product:sale_price:amount', 'og:sale_price:amount'), currencyOf('product:sale_price'));
  const original = money(metaValue(meta, 'product:original_price:amount'), currencyOf('product:original_price'));
  const current = sale ?? regular;
  const higher = [sale ? regular : undefined, original].find((candidate): candidate is Money => candidate !== undefined
    && current !== undefined && candidate.currency === current.currency && compareAmounts(candidate.amount, current.amount) > 0);
  return compact({ price: current, compareAtPrice: higher });
}

/**
 * OpenGraph and its product namespace (`og:*`, `product:*`, as Facebook and
 * Pinterest read them). `og:site_name` is the shop, so it is only a fallback
 * brand; `og:locale` only a fallback language.
 */
export const openGraphSource: ExtractionSource = {
  name: 'opengraph',
  extract(context: ExtractionContext): SourceResult {
    const { meta, baseUrl: pageUrl } = context;
    const type = metaValue(meta, 'og:type') ?? '';
    const images: string[] = [];
    addImages(images, ['og:image', 'og:image:url', 'og:image:secure_url']
      .flatMap((key) => meta.get(key) ?? [])
      .map((url) => absoluteUrl(url, pageUrl)));
    const fields: ProductFields = compact<ProductFields>({
      title: metaValue(meta, 'og:title'),
      description: plainText(metaValue(meta, 'og:description')),
      canonicalUrl: absoluteUrl(metaValue(meta, 'og:url'), pageUrl),
      images,
      ...prices(meta, context.hint.currency),
      availability: toAvailability(metaValue(meta, 'product:availability', 'og:availability')),
      brand: metaValue(meta, 'product:brand', 'og:brand'),
      sku: metaValue(meta, 'product:retailer_item_id', 'product:sku'),
      gtin: toGtin(metaValue(meta, 'product:gtin', 'product:ean', 'product:upc', 'product:isbn')),
      mpn: metaValue(meta, 'product:mfr_part_no', 'product:mpn'),
    });
    const siteName = metaValue(meta, 'og:site_name');
    const language = normalizeLocale(metaValue(meta, 'og:locale'));
    const fallback = compact<ProductFields>({ brand: siteName, language });
    const productSignal = /product/i.test(type) || meta.has('product:price:amount') || meta.has('og:price:amount');
    return { source: 'opengraph', productSignal, fields, fallback, ...(siteName ? { siteName } : {}) };
  },
};
