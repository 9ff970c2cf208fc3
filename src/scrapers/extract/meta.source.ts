import { parsePrice } from '../price/parse-price.js';
import { availabilityFromText, toAvailability } from './availability.js';
import { metaValue, normalizeLocale } from './extraction-context.js';
import type { ExtractionContext, ExtractionSource, MetaMap, ProductFields, SourceResult } from './extraction.types.js';
import { addImages } from './page-images.js';
import { compact } from './schema-offers.js';
import { absoluteUrl, cleanText, plainText } from './text.js';

const MAX_TWITTER_PAIRS = 4;

/** The `twitter:labelN` / `twitter:dataN` pairs ("Price" / "$25.00", "Availability" / "In stock") by lower-cased label. */
function twitterData(meta: MetaMap): Map<string, string> {
  const pairs = new Map<string, string>();
  for (let n = 1; n <= MAX_TWITTER_PAIRS; n++) {
    const label = metaValue(meta, `twitter:label${n}`)?.toLowerCase();
    const data = metaValue(meta, `twitter:data${n}`);
    if (label && data) pairs.set(label, data);
  }
  return pairs;
}

function pairValue(pairs: Map<string, string>, pattern: RegExp): string | undefined {
  for (const [label, data] of pairs) if (pattern.test(label)) return data;
  return undefined;
}

/**
 * Other meta tags: Twitter cards (`twitter:data1` with its `twitter:label1`),
 * generic `<meta name="price|brand|sku">`, the meta description and
 * `twitter:title` as fallbacks, and the Content-Language (meta or header).
 */
export const metaSource: ExtractionSource = {
  name: 'meta',
  extract(context: ExtractionContext): SourceResult {
    const { meta, hint, baseUrl: pageUrl } = context;
    const pairs = twitterData(meta);
    const priceText = pairValue(pairs, /price|preis|prix|precio|prezzo|prijs|cena|pris/) ?? metaValue(meta, 'price');
    const stockText = pairValue(pairs, /availab|stock|lager|disponib|voorraad/) ?? metaValue(meta, 'availability');
    const images: string[] = [];
    addImages(images, (meta.get('twitter:image') ?? []).concat(meta.get('twitter:image:src') ?? []).map((url) => absoluteUrl(url, pageUrl)));
    const fields = compact<ProductFields>({
      price: priceText ? parsePrice(priceText, hint) ?? undefined : undefined,
      availability: stockText ? toAvailability(stockText) ?? availabilityFromText(stockText) : undefined,
      brand: pairValue(pairs, /brand|marke|marque|marca|merk/) ?? metaValue(meta, 'brand', 'product:brand'),
      sku: metaValue(meta, 'sku'),
      images,
    });
    const header = context.page.headers['content-language'] ?? context.page.headers['Content-Language'];
    const fallback = compact<ProductFields>({
      title: cleanText(metaValue(meta, 'twitter:title')),
      description: plainText(metaValue(meta, 'description', 'twitter:description')),
      language: normalizeLocale(metaValue(meta, 'content-language')?.split(',')[0]) ?? normalizeLocale(header?.split(',')[0]),
    });
    return { source: 'meta', productSignal: false, fields, fallback };
  },
};
