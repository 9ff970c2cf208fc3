import type { CheerioAPI } from 'cheerio/slim';
import type { ExtractionContext, ExtractionSource, JsonObject, ProductFields, SourceResult } from './extraction.types.js';
import { itemTypes, microdataItems, propertyValue } from './microdata.js';
import { galleryImages } from './page-images.js';
import { toCurrencyCode } from '../price/parse-price.js';
import { schemaReader } from './schema-node.js';
import { compact } from './schema-offers.js';
import { schemaProductFields } from './schema-product.js';
import { distinctShownAmounts, findAddToCart, priceElements, productArea, shownPrice } from './shown-price.js';
import { absoluteUrl, addUnique, cleanText } from './text.js';

const PRODUCT_TYPES = ['Product', 'ProductGroup', 'IndividualProduct', 'ProductModel', 'SomeProducts'];
/** More different prices than this around the title is a product grid, not a product. */
const MAX_PRODUCT_AMOUNTS = 3;
const LOOSE_PROPS = ['name', 'price', 'priceCurrency', 'availability', 'sku', 'brand', 'description', 'image'];
const BREADCRUMBS = [
  'nav[aria-label*=breadcrumb i] a', '.breadcrumb a', '.breadcrumbs a', '[itemtype$=BreadcrumbList] [itemprop=name]',
];

/**
 * `itemprop`s outside any Product itemscope (sloppy microdata): the first of
 * each property that is not inside an item of another type (a breadcrumb's name).
 */
function looseItemprops($: CheerioAPI): JsonObject | undefined {
  const node: JsonObject = { '@type': 'Product' };
  let found = false;
  for (const prop of LOOSE_PROPS) {
    const element = $(`[itemprop=${prop}]`).filter((_, candidate) => {
      const scope = $(candidate).parents('[itemscope]').get(0);
      return !scope || itemTypes(scope).some((type) => [...PRODUCT_TYPES, 'Offer', 'AggregateOffer'].includes(type));
    }).get(0);
    const value = element ? propertyValue($, element) : undefined;
    if (value !== undefined) {
      node[prop] = value;
      found = true;
    }
  }
  return found ? node : undefined;
}

function breadcrumbLinks($: CheerioAPI): string[] {
  for (const selector of BREADCRUMBS) {
    const names: string[] = [];
    $(selector).each((_, element) => {
      const name = cleanText($(element).text());
      if (name && names[names.length - 1] !== name) names.push(name);
    });
    if (names.length > 0) return names;
  }
  return [];
}

function earlierCurrency(earlier: readonly SourceResult[], microdata: JsonObject | undefined): string | undefined {
  const known = earlier.find((result) => result.fields.price)?.fields.price?.currency;
  return known ?? toCurrencyCode(typeof microdata?.priceCurrency === 'string' ? microdata.priceCurrency : undefined);
}

/**
 * What the page itself shows: microdata (`itemprop`), the h1, the price near
 * the title or add-to-cart (and a struck-through compare-at price), the
 * add-to-cart state, breadcrumbs, canonical link, `html[lang]`, gallery images.
 */
export const markupSource: ExtractionSource = {
  name: 'markup',
  extract(context: ExtractionContext, earlier): SourceResult {
    const { $, pageUrl } = context;
    const scoped = microdataItems($, PRODUCT_TYPES)[0];
    const microdata = scoped ?? looseItemprops($);
    const currency = earlierCurrency(earlier, microdata);
    const language = cleanText($('html').first().attr('lang'));
    const item: ProductFields = microdata ? schemaProductFields(microdata, schemaReader([], pageUrl, currency)) : {};
    const addToCart = findAddToCart($);
    const prices = priceElements($);
    const area = productArea($, addToCart.control, prices);
    const hint = compact({ currency: item.price?.currency ?? currency, locale: language });
    const shown = area ? shownPrice($, area, prices, hint) : {};
    const singlePrice = area !== undefined && distinctShownAmounts($, area, prices, hint) <= MAX_PRODUCT_AMOUNTS;
    const heading = cleanText($('h1').first().text());
    const images = [...(item.images ?? [])];
    addUnique(images, galleryImages($, pageUrl));
    const fields = compact<ProductFields>({
      ...item,
      title: item.title ?? heading ?? cleanText($('title').first().text()),
      price: item.price ?? shown.price,
      compareAtPrice: item.compareAtPrice ?? shown.compareAtPrice,
      availability: item.availability ?? addToCart.state.availability,
      images,
      breadcrumbs: breadcrumbLinks($),
      canonicalUrl: absoluteUrl($('link[rel~=canonical i]').first().attr('href'), pageUrl),
      language,
    });
    const productSignal = scoped !== undefined || (heading !== undefined && shown.price !== undefined && addToCart.state.found && singlePrice);
    return { source: 'markup', productSignal, fields, shown };
  },
};
