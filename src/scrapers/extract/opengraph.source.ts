import type { CheerioAPI } from 'cheerio/slim';
import type { Money } from '../../domain/entities/product.js';
import { compareAmounts, toCurrencyCode } from '../price/parse-price.js';
import { toAvailability } from './availability.js';
import type { ExtractionContext, ExtractionSource, ProductFields, SourceResult } from './extraction.types.js';
import { money, compact } from './schema-offers.js';
import { absoluteUrl, addUnique, cleanText } from './text.js';

type MetaMap = Map<string, string[]>;

/** Every `<meta property|name=... content=...>` by lower-cased key, in document order. */
function readMeta($: CheerioAPI): MetaMap {
  const meta: MetaMap = new Map();
  $('meta[content]').each((_, element) => {
    const key = (element.attribs.property ?? element.attribs.name ?? '').trim().toLowerCase();
    const value = element.attribs.content;
    if (!key || value === undefined) return;
    const values = meta.get(key) ?? [];
    values.push(value);
    meta.set(key, values);
  });
  return meta;
}

function firstOf(meta: MetaMap, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const value of meta.get(key) ?? []) {
      const text = cleanText(value);
      if (text) return text;
    }
  }
  return undefined;
}

/** `product:price:amount` (or `og:price:amount`); a `product:sale_price` makes the regular price the compare-at one. */
function prices(meta: MetaMap, fallbackCurrency: string | undefined): Pick<ProductFields, 'price' | 'compareAtPrice'> {
  const currencyOf = (prefix: string): string | undefined =>
    toCurrencyCode(firstOf(meta, `${prefix}:currency`, 'product:price:currency', 'og:price:currency')) ?? fallbackCurrency;
  const regular = money(firstOf(meta, 'product:price:amount', 'og:price:amount'), currencyOf('product:price'))
    ?? money(firstOf(meta, 'product:original_price:amount'), currencyOf('product:original_price'));
  const sale = money(firstOf(meta, 'product:sale_price:amount', 'og:sale_price:amount'), currencyOf('product:sale_price'));
  if (!sale) return compact({ price: regular });
  const compareAtPrice: Money | undefined = regular && regular.currency === sale.currency
    && compareAmounts(regular.amount, sale.amount) > 0 ? regular : undefined;
  return compact({ price: sale, compareAtPrice });
}

/** OpenGraph and product meta tags (`og:*`, `product:*`, plus the meta description). */
export const openGraphSource: ExtractionSource = {
  name: 'opengraph',
  extract(context: ExtractionContext, earlier): SourceResult {
    const meta = readMeta(context.$);
    const type = firstOf(meta, 'og:type') ?? '';
    const earlierCurrency = earlier.find((result) => result.fields.price)?.fields.price?.currency;
    const images: string[] = [];
    addUnique(images, ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image']
      .flatMap((key) => meta.get(key) ?? [])
      .map((url) => absoluteUrl(url, context.pageUrl)));
    const fields: ProductFields = compact<ProductFields>({
      title: firstOf(meta, 'og:title', 'twitter:title'),
      description: firstOf(meta, 'og:description', 'description'),
      canonicalUrl: absoluteUrl(firstOf(meta, 'og:url'), context.pageUrl),
      images,
      ...prices(meta, earlierCurrency),
      availability: toAvailability(firstOf(meta, 'product:availability', 'og:availability')),
      brand: firstOf(meta, 'product:brand', 'og:brand'),
      sku: firstOf(meta, 'product:retailer_item_id'),
    });
    const productSignal = /product/i.test(type) || meta.has('product:price:amount') || meta.has('og:price:amount');
    return { source: 'opengraph', productSignal, fields };
  },
};
