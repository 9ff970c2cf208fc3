import type { Availability, Money } from '../../domain/entities/product.js';
import { compareAmounts, parseAmount, parsePrice, toCurrencyCode, toMoney, type PriceHint } from '../price/parse-price.js';
import { availabilityFromText } from './availability.js';
import type { ExtractionContext, ExtractionSource, JsonObject, ProductFields, ShownPrice, SourceResult } from './extraction.types.js';
import { toGtin } from './gtin.js';
import { galleryImages } from './page-images.js';
import { findAssignedJson } from './script-data.js';
import { compact } from './schema-offers.js';
import { scoped, type ScopedQuery } from './dom-query.js';
import { cleanText, isObject, plainText } from './text.js';

const GALLERY = '.productView-image[data-zoom-image], .productView-image [data-zoom-image], .productView-thumbnail-link, .productView-image img, .productView-img-container img';

/** `BCData.product_attributes` of a Stencil theme (`var BCData = {...}`). */
function productAttributes(context: ExtractionContext): JsonObject | undefined {
  const data = findAssignedJson(context.scripts, ['var BCData', 'window.BCData', 'BCData']);
  return isObject(data) && isObject(data.product_attributes) ? data.product_attributes : undefined;
}

/** A BCData price entry (`{"formatted": "$25.00", "value": 25, "currency": "USD"}`). */
function dataMoney(value: unknown, hint: PriceHint): Money | undefined {
  if (!isObject(value)) return undefined;
  const currency = toCurrencyCode(typeof value.currency === 'string' ? value.currency : undefined) ?? hint.currency;
  const raw = value.value;
  const money = typeof raw === 'number' || typeof raw === 'string' ? toMoney(parseAmount(raw), currency) : undefined;
  const parsed = money ?? (typeof value.formatted === 'string' ? parsePrice(value.formatted, hint) ?? undefined : undefined);
  return parsed && compareAmounts(parsed.amount, '0') > 0 ? parsed : undefined;
}

function dataPrices(attributes: JsonObject | undefined, hint: PriceHint): ShownPrice {
  const price = attributes && isObject(attributes.price) ? attributes.price : undefined;
  if (!price) return {};
  const current = dataMoney(price.without_tax, hint) ?? dataMoney(price.with_tax, hint);
  const was = dataMoney(price.non_sale_price_without_tax, hint) ?? dataMoney(price.rrp_without_tax, hint)
    ?? dataMoney(price.non_sale_price_with_tax, hint) ?? dataMoney(price.rrp_with_tax, hint);
  return compact({ price: current, compareAtPrice: was && current && compareAmounts(was.amount, current.amount) > 0 ? was : undefined });
}

/** The visible `[data-product-price-without-tax]` (or with tax) and the struck non-sale / RRP price. */
function visiblePrices(view: ScopedQuery, hint: PriceHint): ShownPrice {
  const read = (selector: string): Money | undefined => {
    const text = cleanText(view(selector).first().text());
    return text ? parsePrice(text, hint) ?? undefined : undefined;
  };
  const price = read('[data-product-price-without-tax]') ?? read('[data-product-price-with-tax]');
  const was = read('[data-product-non-sale-price-without-tax]') ?? read('[data-product-rrp-price-without-tax]')
    ?? read('[data-product-non-sale-price-with-tax]') ?? read('[data-product-rrp-with-tax]');
  return compact({ price, compareAtPrice: was && price && compareAmounts(was.amount, price.amount) > 0 ? was : undefined });
}

function availabilityOf(view: ScopedQuery, attributes: JsonObject | undefined): Availability | undefined {
  if (attributes?.instock === false || attributes?.purchasable === false) return 'OUT_OF_STOCK';
  if (attributes?.instock === true) return 'IN_STOCK';
  const button = view('#form-action-addToCart, [data-button-state]').first();
  if (button.length > 0) return button.attr('disabled') !== undefined ? 'OUT_OF_STOCK' : availabilityFromText(button.attr('value') ?? button.text());
  return undefined;
}

function infoValue(view: ScopedQuery, attribute: string): string | undefined {
  return cleanText(view(`[${attribute}]`).first().text());
}

/**
 * BigCommerce Stencil product pages: `BCData.product_attributes` (SKU, UPC,
 * MPN, GTIN, stock flags, prices with currency), the `.productView` title,
 * brand, `[data-product-price-without-tax]` and non-sale / RRP prices, the
 * `[data-product-sku]` row and the product images.
 */
export const bigCommerceSource: ExtractionSource = {
  name: 'bigcommerce',
  extract(context: ExtractionContext): SourceResult {
    const { $, hint } = context;
    const viewElement = $('.productView').get(0);
    const attributes = productAttributes(context);
    if (!viewElement && !attributes) return { source: 'bigcommerce', productSignal: false, fields: {} };
    const view = scoped($, viewElement);
    const data = dataPrices(attributes, hint);
    const pageHint = data.price ? { ...hint, currency: data.price.currency } : hint;
    const shown = visiblePrices(view, pageHint);
    const sku = infoValue(view, 'data-product-sku') ?? cleanText(attributes?.sku);
    const fields = compact<ProductFields>({
      title: cleanText(view('.productView-title').first().text()),
      brand: cleanText(view('.productView-brand').first().text()),
      description: plainText($('#tab-description, .productView-description [data-product-description], .productView-description').first().html() ?? ''),
      sku,
      gtin: toGtin(attributes?.gtin) ?? toGtin(attributes?.upc) ?? toGtin(infoValue(view, 'data-product-upc')),
      mpn: cleanText(attributes?.mpn) ?? infoValue(view, 'data-product-mpn'),
      price: data.price ?? shown.price,
      compareAtPrice: data.compareAtPrice ?? shown.compareAtPrice,
      availability: availabilityOf(view, attributes),
      images: galleryImages($, context.baseUrl, GALLERY),
    });
    const productSignal = fields.title !== undefined && (fields.price !== undefined || view('form[data-cart-item-add]').length > 0);
    return { source: 'bigcommerce', productSignal, fields, ...(shown.price ? { shown } : {}) };
  },
};
