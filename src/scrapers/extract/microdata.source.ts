import type { CheerioAPI } from 'cheerio/slim';
import type { ExtractionContext, ExtractionSource, JsonObject, ProductFields, SourceResult } from './extraction.types.js';
import { itemTypes, microdataItems, propertyValue } from './microdata.js';
import { breadcrumbNames } from './json-ld.source.js';
import { schemaReader } from './schema-node.js';
import { schemaProductFields } from './schema-product.js';
import { closestAncestor } from './dom-query.js';

/** schema.org types a product page's item may have. */
export const SCHEMA_PRODUCT_TYPES = ['Product', 'ProductGroup', 'IndividualProduct', 'ProductModel', 'SomeProducts', 'Vehicle', 'Book'];
const LOOSE_PROPS = new Set([
  'name', 'price', 'priceCurrency', 'availability', 'sku', 'brand', 'description', 'image', 'gtin13', 'gtin', 'gtin12', 'gtin8', 'gtin14', 'mpn',
]);
/** `itemprop` elements looked at for loose properties. */
const MAX_LOOSE_PROPS = 500;

/**
 * `itemprop`s outside any Product itemscope (sloppy microdata): the first of
 * each property that is not inside an item of another type (a breadcrumb's
 * name). One query for all of them: each whole-document query costs a walk.
 */
function looseItemprops($: CheerioAPI): JsonObject | undefined {
  const node: JsonObject = { '@type': 'Product' };
  const allowed = [...SCHEMA_PRODUCT_TYPES, 'Offer', 'AggregateOffer'];
  for (const element of $('[itemprop]').slice(0, MAX_LOOSE_PROPS).toArray()) {
    const name = element.attribs.itemprop ?? '';
    if (!LOOSE_PROPS.has(name) || node[name] !== undefined) continue;
    const scope = closestAncestor(element, '[itemscope]');
    if (scope && !itemTypes(scope).some((type) => allowed.includes(type))) continue;
    const value = propertyValue($, element);
    if (value !== undefined) node[name] = value;
  }
  return node.name !== undefined || node.price !== undefined ? node : undefined;
}

/**
 * schema.org microdata (`itemscope itemtype=".../Product"` and its
 * `itemprop`s, or loose `itemprop`s with no scope), mapped like JSON-LD;
 * plus a microdata BreadcrumbList.
 */
export const microdataSource: ExtractionSource = {
  name: 'microdata',
  extract(context: ExtractionContext): SourceResult {
    const { $, baseUrl: pageUrl } = context;
    const scoped = microdataItems($, SCHEMA_PRODUCT_TYPES)[0];
    const item = scoped ?? looseItemprops($);
    const reader = schemaReader([], pageUrl, context.hint.currency);
    const fields: ProductFields = item ? schemaProductFields(item, reader) : {};
    const breadcrumbs = breadcrumbNames(microdataItems($, ['BreadcrumbList']), reader);
    return { source: 'microdata', productSignal: scoped !== undefined, fields: { ...fields, breadcrumbs } };
  },
};
