import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { Availability, Money, ProductVariant } from '../../domain/entities/product.js';
import { compareAmounts, parseAmount, parsePrice, toMoney, type PriceHint } from '../price/parse-price.js';
import { availabilityFromText, combineAvailability } from './availability.js';
import type { DomElement, ExtractionContext, ExtractionSource, ProductFields, ShownPrice, SourceResult } from './extraction.types.js';
import { configurableConfig, configurableVariants, galleryUrls, magentoInitBlocks } from './magento-config.js';
import { addImages, galleryImages } from './page-images.js';
import { compact } from './schema-offers.js';
import { scoped, type ScopedQuery } from './dom-query.js';
import { absoluteUrl, cleanText, plainText } from './text.js';

/** Magento 2's `.product-info-main`, or Magento 1's `.product-shop` / `.product-essential`. */
function productInfo($: CheerioAPI): Cheerio<DomElement> {
  return $('.product-info-main, .product-shop, .product-essential').first();
}

/** A price of the main price box: `data-price-amount` of the given `data-price-type`, else its text. */
function boxPrice(inBox: ScopedQuery, types: readonly string[], hint: PriceHint): Money | undefined {
  for (const type of types) {
    const element = inBox(`[data-price-type="${type}"]`).first();
    if (element.length === 0) continue;
    const amount = element.attr('data-price-amount');
    const fromAttribute = amount && hint.currency ? toMoney(parseAmount(amount), hint.currency) : undefined;
    const money = fromAttribute ?? parsePrice(element.text(), hint) ?? undefined;
    if (money && compareAmounts(money.amount, '0') > 0) return money;
  }
  return undefined;
}

/** The main price box: final (or special) price, and the old price when the product is on sale. */
function shownPrice($: CheerioAPI, inInfo: ScopedQuery, hint: PriceHint): ShownPrice {
  const box = inInfo('.price-box').get(0);
  if (!box) return {};
  const inBox = scoped($, box);
  const m1Special = cleanText(inBox('.special-price .price').first().text());
  const m1Regular = cleanText(inBox('.regular-price .price, .old-price .price').first().text());
  const price = boxPrice(inBox, ['finalPrice', 'minPrice'], hint) ?? (m1Special ? parsePrice(m1Special, hint) ?? undefined : undefined)
    ?? (m1Regular ? parsePrice(m1Regular, hint) ?? undefined : undefined);
  const old = boxPrice(inBox, ['oldPrice'], hint) ?? (m1Special && m1Regular ? parsePrice(m1Regular, hint) ?? undefined : undefined);
  return compact({ price, compareAtPrice: old && price && compareAmounts(old.amount, price.amount) > 0 ? old : undefined });
}

/** `.stock.available` / `.stock.unavailable` (Magento 2) or `.availability.in-stock` / `.out-of-stock` (Magento 1). */
function stockOf(inInfo: ScopedQuery): Availability | undefined {
  const stock = inInfo('.stock, .availability').first();
  if (stock.length === 0) return undefined;
  const classes = stock.attr('class') ?? '';
  if (/\b(?:unavailable|out-of-stock)\b/.test(classes)) return 'OUT_OF_STOCK';
  if (/\b(?:available|in-stock)\b/.test(classes)) return 'IN_STOCK';
  return availabilityFromText(stock.text());
}

function attributeValue(inInfo: ScopedQuery, name: string): string | undefined {
  return cleanText(inInfo(`.product.attribute.${name} .value`).first().text());
}

/**
 * Without a configurable config, the one select of `#product-options-wrapper`
 * (a custom option or a Magento 1 configurable): a variant per option, named
 * by the option's label without its price add-on ("Large +$5.00").
 */
function optionsWrapperVariants($: CheerioAPI): ProductVariant[] {
  const selects = scoped($, $('#product-options-wrapper').get(0))('select');
  if (selects.length !== 1) return [];
  const select = selects.get(0)!;
  const label = cleanText($(`label[for="${select.attribs.id ?? ''}"]`).first().text())?.replace(/\s*\*$/, '') ?? cleanText(select.attribs.name) ?? 'option';
  return scoped($, select)('option').slice(0, 100).toArray()
    .filter((option) => (option.attribs.value ?? '') !== '')
    .map((option) => cleanText($(option).text())?.replace(/\s*[+-]\s*\S*\d[\d.,]*\S*$/, ''))
    .filter((name): name is string => name !== undefined && name.length > 0)
    .map((name) => ({ title: name, options: { [label]: name }, availability: 'UNKNOWN' as const }));
}

/**
 * Magento 2 (and 1) product pages: the title, the main `.price-box`'s
 * `[data-price-type=finalPrice|oldPrice][data-price-amount]`, SKU and stock
 * of `.product-info-main`, the description and overview attributes, the
 * configurable options of `x-magento-init` (`jsonConfig` / `spConfig`, else
 * `#product-options-wrapper`) as variants, and the gallery's images.
 */
export const magentoSource: ExtractionSource = {
  name: 'magento',
  extract(context: ExtractionContext): SourceResult {
    const { $, hint } = context;
    const info = productInfo($).get(0);
    if (!info) return { source: 'magento', productSignal: false, fields: {} };
    const inInfo = scoped($, info);
    const shown = shownPrice($, inInfo, hint);
    const blocks = magentoInitBlocks(context.scripts);
    const config = configurableConfig(blocks);
    const variants = config ? configurableVariants(config, shown.price?.currency ?? hint.currency) : optionsWrapperVariants($);
    const images: string[] = [];
    addImages(images, galleryUrls(blocks).map((url) => absoluteUrl(url, context.baseUrl)));
    addImages(images, galleryImages($, context.baseUrl, '.gallery-placeholder img, .fotorama__stage img, .product-image-gallery img, #image-main'));
    const title = cleanText($('h1.page-title .base, .page-title-wrapper.product h1, .product-name h1, .product-name .h1').first().text())
      ?? cleanText($('h1.page-title').first().text());
    const fields = compact<ProductFields>({
      title,
      description: plainText($('.product.attribute.description .value').first().html() ?? '')
        ?? plainText(inInfo('.product.attribute.overview .value, .short-description .std').first().html() ?? ''),
      sku: attributeValue(inInfo, 'sku') ?? cleanText(inInfo('[itemprop=sku]').first().text()),
      brand: attributeValue(inInfo, 'manufacturer') ?? attributeValue(inInfo, 'brand'),
      price: shown.price,
      compareAtPrice: shown.compareAtPrice,
      availability: stockOf(inInfo) ?? combineAvailability(variants.map((variant) => variant.availability)),
      variants,
      images,
    });
    const productSignal = title !== undefined && ($('#product_addtocart_form').length > 0 || shown.price !== undefined);
    return { source: 'magento', productSignal, fields, shown };
  },
};
