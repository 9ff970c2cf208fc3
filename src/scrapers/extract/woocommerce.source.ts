import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { Availability, Money, ProductVariant } from '../../domain/entities/product.js';
import { compareAmounts, parseAmount, parsePrice, toCurrencyCode, toMoney, type PriceHint } from '../price/parse-price.js';
import { availabilityFromText, combineAvailability } from './availability.js';
import type { DomElement, ExtractionContext, ExtractionSource, ProductFields, ShownPrice, SourceResult } from './extraction.types.js';
import { toGtin } from './gtin.js';
import { parseBoundedJson } from './lenient-json.js';
import { galleryImages } from './page-images.js';
import { closestMatch, scoped, type ScopedQuery } from './dom-query.js';
import { compact } from './schema-offers.js';
import { cleanText, isObject, list, plainText, toCount, toNumber } from './text.js';

const MAX_VARIATIONS = 250;
const GALLERY = '.woocommerce-product-gallery__image a, .woocommerce-product-gallery__image img, .woocommerce-main-image, .images img';

/** The product's own container: `div.product` of a single-product page, not the related products' `li.product`s. */
function productContainer($: CheerioAPI): Cheerio<DomElement> {
  const main = $('div.product.type-product, div[id^="product-"].product, .single-product div.product').first();
  return main.length > 0 ? main : $('div.product').first();
}

/** The currency of a WooCommerce price: its `.woocommerce-Price-currencySymbol`, read with the page hint. */
function amountMoney($: CheerioAPI, amount: DomElement | undefined, hint: PriceHint): Money | undefined {
  if (!amount) return undefined;
  const symbol = scoped($, amount)('.woocommerce-Price-currencySymbol').first().text();
  const currency = toCurrencyCode(cleanText(symbol), hint) ?? hint.currency;
  return parsePrice($(amount).text(), { ...hint, ...(currency ? { currency } : {}) }) ?? undefined;
}

/** `p.price` of the summary: `<del>` is the regular price, `<ins>` the sale one; a range shows its lower end first. */
function summaryPrice($: CheerioAPI, find: ScopedQuery, hint: PriceHint): ShownPrice {
  const box = find('.summary .price, .entry-summary .price, .product-summary .price').get(0);
  if (!box) return {};
  const inBox = scoped($, box);
  const struck = inBox('del .woocommerce-Price-amount').get(0);
  const sale = inBox('ins .woocommerce-Price-amount').get(0);
  const plain = inBox('.woocommerce-Price-amount').filter((_, element) => closestMatch(element, 'del') === undefined).get(0);
  const price = amountMoney($, sale ?? plain, hint);
  const compareAtPrice = amountMoney($, struck, hint);
  return compact({ price, compareAtPrice });
}

/** The option labels of the variations form: `attribute_pa_color` -> "Color", and slug -> label per attribute. */
function optionLabels($: CheerioAPI, form: DomElement): Map<string, { label: string; values: Map<string, string> }> {
  const labels = new Map<string, { label: string; values: Map<string, string> }>();
  const inForm = scoped($, form);
  inForm('select[name^="attribute_"]').slice(0, 10).each((_, select) => {
    const name = select.attribs.name ?? '';
    const id = select.attribs.id ?? name.replace(/^attribute_/, '');
    const label = cleanText(inForm(`label[for="${id}"]`).first().text()) ?? name.replace(/^attribute_(?:pa_)?/, '');
    const values = new Map<string, string>();
    scoped($, select)('option[value]').slice(0, 200).each((__, option) => {
      const text = cleanText($(option).text());
      if (option.attribs.value && text) values.set(option.attribs.value, text);
    });
    labels.set(name, { label, values });
  });
  return labels;
}

/** The variations of `form.variations_form[data-product_variations]` (JSON; "false" when the shop loads them by AJAX). */
function variations($: CheerioAPI, find: ScopedQuery, currency: string | undefined): ProductVariant[] {
  const form = find('form.variations_form').get(0);
  const raw = form?.attribs['data-product_variations'];
  if (!form || !raw || raw === 'false') return [];
  const labels = optionLabels($, form);
  return list(parseBoundedJson(raw)[0]).filter(isObject).slice(0, MAX_VARIATIONS).map((variation) => {
    const options: Record<string, string> = {};
    for (const [name, value] of Object.entries(isObject(variation.attributes) ? variation.attributes : {})) {
      const known = labels.get(name);
      const text = typeof value === 'string' && value !== '' ? known?.values.get(value) ?? value : undefined;
      if (text) options[known?.label ?? name.replace(/^attribute_(?:pa_)?/, '')] = text;
    }
    const stockHtml = typeof variation.availability_html === 'string' ? variation.availability_html : '';
    const availability: Availability = variation.is_in_stock === false ? 'OUT_OF_STOCK'
      : /available-on-backorder/.test(stockHtml) ? 'BACKORDER' : variation.is_in_stock === true ? 'IN_STOCK' : 'UNKNOWN';
    const price = toMoney(parseAmount(typeof variation.display_price === 'number' || typeof variation.display_price === 'string' ? variation.display_price : ''), currency);
    return compact<ProductVariant>({
      title: Object.values(options).join(' / ') || undefined,
      sku: cleanText(variation.sku),
      options,
      price: price && compareAmounts(price.amount, '0') > 0 ? price : undefined,
      availability,
    });
  });
}

/** `p.stock.in-stock`, `.out-of-stock`, `.available-on-backorder` of the summary, by class then by text. */
function stockOf(find: ScopedQuery): Availability | undefined {
  const stock = find('.summary .stock, .entry-summary .stock, p.stock').first();
  if (stock.length === 0) return undefined;
  const classes = stock.attr('class') ?? '';
  if (/\bout-of-stock\b/.test(classes)) return 'OUT_OF_STOCK';
  if (/pre-?order/.test(classes)) return 'PREORDER';
  if (/\bavailable-on-backorder\b/.test(classes)) return 'BACKORDER';
  return availabilityFromText(stock.text()) ?? (/\bin-stock\b/.test(classes) ? 'IN_STOCK' : undefined);
}

function ratingOf(find: ScopedQuery): Pick<ProductFields, 'rating' | 'reviewCount'> {
  if (find('.woocommerce-product-rating').length === 0) return {};
  const stars = find('.woocommerce-product-rating .star-rating').first();
  const rating = toNumber(find('.woocommerce-product-rating .star-rating .rating').first().text()) ?? toNumber(stars.attr('aria-label') ?? stars.attr('title'));
  return compact({ rating: rating !== undefined && rating <= 5 ? rating : undefined, reviewCount: toCount(find('.woocommerce-product-rating .count').first().text()) });
}

function textList($: CheerioAPI, selection: Cheerio<DomElement>): string[] {
  return selection.slice(0, 20).toArray().map((element) => cleanText($(element).text())).filter((text): text is string => text !== undefined);
}

function productFields($: CheerioAPI, find: ScopedQuery, context: ExtractionContext, shown: ShownPrice): ProductFields {
  const currency = shown.price?.currency ?? context.hint.currency;
  const variants = variations($, find, currency);
  const sku = cleanText(find('.product_meta .sku').first().text());
  const crumbs = textList($, $('.woocommerce-breadcrumb a'));
  const description = find('.woocommerce-Tabs-panel--description, #tab-description').first().clone();
  description.children('h2').first().remove();
  return compact<ProductFields>({
    title: cleanText(find('.product_title').first().text()),
    description: plainText(description.html() ?? '') ?? plainText(find('.woocommerce-product-details__short-description').first().html() ?? ''),
    sku: sku && !/^n\/?a$/i.test(sku) ? sku : undefined,
    gtin: toGtin(cleanText(find('.product_meta .gtin, .product_meta .ean, .wpm_pgw_code, [itemprop=gtin13]').first().text())),
    brand: cleanText(find('.product_meta .posted_in.brand a, .product_meta .brand a, .pwb-single-product-brands a, .product-brand a').first().text()),
    price: shown.price,
    compareAtPrice: shown.compareAtPrice,
    availability: stockOf(find) ?? combineAvailability(variants.map((variant) => variant.availability)),
    variants,
    images: galleryImages($, context.baseUrl, GALLERY),
    breadcrumbs: crumbs.length > 0 ? crumbs : textList($, find('.product_meta .posted_in a')).slice(0, 1),
    ...ratingOf(find),
  });
}

/**
 * WooCommerce single-product markup: `.product_title`, the summary's
 * `.woocommerce-Price-amount` (`<del>`/`<ins>` for a sale), the variations
 * form's `data-product_variations` JSON, `.product_meta .sku` and
 * `.posted_in` categories, the stock paragraph, the gallery and the rating.
 */
export const wooCommerceSource: ExtractionSource = {
  name: 'woocommerce',
  extract(context: ExtractionContext): SourceResult {
    const { $ } = context;
    const product = productContainer($).get(0);
    if (!product) return { source: 'woocommerce', productSignal: false, fields: {} };
    const find = scoped($, product);
    const shown = summaryPrice($, find, context.hint);
    const fields = productFields($, find, context, shown);
    const productSignal = fields.title !== undefined && (find('form.cart').length > 0 || shown.price !== undefined);
    return { source: 'woocommerce', productSignal, fields, shown };
  },
};
