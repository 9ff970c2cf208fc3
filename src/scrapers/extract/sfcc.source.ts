import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { Availability, Money } from '../../domain/entities/product.js';
import { compareAmounts, parseAmount, parsePrice, toCurrencyCode, toMoney, type PriceHint } from '../price/parse-price.js';
import { availabilityFromText } from './availability.js';
import type { DomElement, ExtractionContext, ExtractionSource, ProductFields, ShownPrice, SourceResult } from './extraction.types.js';
import { galleryImages } from './page-images.js';
import { compact } from './schema-offers.js';
import { scoped, type ScopedQuery } from './dom-query.js';
import { cleanText, plainText } from './text.js';

const GALLERY = '.primary-images img, .product-carousel img, .pdp-carousel img, .product-primary-image img, #thumbnails img, .product-image-container img';

/** SFRA's `.product-detail[data-pid]`, or SiteGenesis's `#pdpMain`. */
function productDetail($: CheerioAPI): Cheerio<DomElement> {
  const sfra = $('.product-detail[data-pid]').first();
  return sfra.length > 0 ? sfra : $('#pdpMain').first();
}

/** A `.value` price: its `content` (a plain decimal) with the page currency, else its text. */
function valueMoney(element: Cheerio<DomElement>, hint: PriceHint): Money | undefined {
  if (element.length === 0) return undefined;
  const content = element.attr('content');
  const text = cleanText(element.text());
  const fromText = text ? parsePrice(text, hint) ?? undefined : undefined;
  const currency = fromText?.currency ?? hint.currency;
  const money = content ? toMoney(parseAmount(content), currency) ?? fromText : fromText;
  return money && compareAmounts(money.amount, '0') > 0 ? money : undefined;
}

/** `.prices .sales .value[content]` and the struck `.prices .strike-through .value` (SFRA); `.price-sales` / `.price-standard` (SiteGenesis). */
function shownPrice($: CheerioAPI, detail: ScopedQuery, hint: PriceHint): ShownPrice {
  const prices = detail('.prices').get(0);
  const scope = prices ? scoped($, prices) : detail;
  const currency = toCurrencyCode(scope('[itemprop=priceCurrency]').first().attr('content')) ?? hint.currency;
  const local = currency ? { ...hint, currency } : hint;
  const price = valueMoney(scope('.sales .value').first(), local) ?? valueMoney(scope('.price-sales').first(), local);
  const was = valueMoney(scope('.strike-through .value, .list .value').first(), local) ?? valueMoney(scope('.price-standard').first(), local);
  return compact({ price, compareAtPrice: was && price && compareAmounts(was.amount, price.amount) > 0 ? was : undefined });
}

/** `.availability[data-available]` and its message (SFRA), or SiteGenesis's `.availability-msg`. */
function availabilityOf(detail: ScopedQuery): Availability | undefined {
  const box = detail('.availability, .product-availability').first();
  const message = cleanText(detail('.availability-msg, .availability-msg li, .in-stock-msg, .not-available-msg').first().text());
  const fromText = availabilityFromText(message);
  if (fromText) return fromText;
  const available = box.attr('data-available');
  if (available === 'false') return 'OUT_OF_STOCK';
  if (available === 'true' || box.attr('data-ready-to-order') === 'true') return 'IN_STOCK';
  return undefined;
}

/**
 * Salesforce Commerce Cloud (SFRA and SiteGenesis) product pages: the
 * `data-pid` product id, `.product-name`, `.prices .sales .value[content]`
 * and the `.strike-through` list price, the availability block, the
 * description and the primary images.
 */
export const sfccSource: ExtractionSource = {
  name: 'sfcc',
  extract(context: ExtractionContext): SourceResult {
    const { $ } = context;
    const detailElement = productDetail($).get(0);
    if (!detailElement) return { source: 'sfcc', productSignal: false, fields: {} };
    const detail = scoped($, detailElement);
    const shown = shownPrice($, detail, context.hint);
    const fields = compact<ProductFields>({
      title: cleanText(detail('.product-name').first().text()) ?? cleanText($('h1.product-name').first().text()),
      sku: cleanText(detailElement.attribs['data-pid']) ?? cleanText(detail('.product-id, [itemprop=productID]').first().text()),
      brand: cleanText(detail('.product-brand, .brand-name, [itemprop=brand]').first().text()),
      description: plainText(detail('.description-and-detail .description .content, .long-description, .product-description').first().html() ?? '')
        ?? plainText(detail('.short-description').first().html() ?? ''),
      price: shown.price,
      compareAtPrice: shown.compareAtPrice,
      availability: availabilityOf(detail),
      images: galleryImages($, context.baseUrl, GALLERY),
    });
    const productSignal = fields.title !== undefined && (shown.price !== undefined || detail('.add-to-cart, #add-to-cart').length > 0);
    return { source: 'sfcc', productSignal, fields, shown };
  },
};
