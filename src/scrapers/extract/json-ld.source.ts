import type { CheerioAPI } from 'cheerio/slim';
import type { ExtractionContext, ExtractionSource, JsonObject, SourceResult } from './extraction.types.js';
import { parseLenientJson } from './lenient-json.js';
import { hasType, nodesOf, schemaReader, type SchemaReader } from './schema-node.js';
import { schemaProductFields } from './schema-product.js';
import { toCurrencyCode } from '../price/parse-price.js';
import { cleanText, first, isObject, list, toNumber } from './text.js';

const PRODUCT_TYPES = ['Product', 'ProductGroup', 'IndividualProduct', 'ProductModel', 'SomeProducts'];
const MAX_DEPTH = 6;

/**
 * Every JSON-LD node of a page: each `application/ld+json` script parsed
 * leniently, arrays, `@graph` and `mainEntity` / `mainEntityOfPage` flattened.
 */
export function collectJsonLd($: CheerioAPI): JsonObject[] {
  const nodes: JsonObject[] = [];
  $('script').each((_, element) => {
    const type = (element.attribs.type ?? '').trim().toLowerCase();
    if (!type.startsWith('application/ld+json')) return;
    for (const value of parseLenientJson($(element).text())) flatten(value, nodes, 0);
  });
  return nodes;
}

function flatten(value: unknown, into: JsonObject[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, into, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  into.push(value);
  flatten(value['@graph'], into, depth + 1);
  flatten(value.mainEntity, into, depth + 1);
  if (isObject(value.mainEntityOfPage)) flatten(value.mainEntityOfPage, into, depth + 1);
}

/**
 * The product a page is about: the first ProductGroup (its variants are in
 * `hasVariant`), else the first Product with offers, else the first Product.
 */
export function mainProduct(nodes: readonly JsonObject[]): JsonObject | undefined {
  const products = nodes.filter((node) => hasType(node, ...PRODUCT_TYPES));
  return products.find((node) => hasType(node, 'ProductGroup'))
    ?? products.find((node) => node.offers !== undefined)
    ?? products[0];
}

/** Names of the first BreadcrumbList, in `position` order. */
export function breadcrumbNames(nodes: readonly JsonObject[], reader: SchemaReader): string[] {
  const crumbList = nodes.find((node) => hasType(node, 'BreadcrumbList'));
  if (!crumbList) return [];
  const items = nodesOf(crumbList.itemListElement, reader)
    .map((item, index) => ({ item, position: toNumber(item.position) ?? index + 1 }))
    .sort((a, b) => a.position - b.position);
  const names: string[] = [];
  for (const { item } of items) {
    const target = reader.resolve(first(item.item));
    const name = cleanText(first(item.name)) ?? (isObject(target) ? cleanText(first(target.name)) : undefined);
    if (name) names.push(name);
  }
  return names;
}

/** The first `priceCurrency` anywhere in the page's JSON-LD, to price offers that omit it. */
function anyCurrency(nodes: readonly JsonObject[]): string | undefined {
  for (const node of nodes) {
    for (const offer of list(node.offers)) {
      const currency = isObject(offer) ? cleanText(first(offer.priceCurrency)) : undefined;
      if (currency) return currency;
    }
  }
  return undefined;
}

/** Structured data in `application/ld+json` scripts: Product / ProductGroup and BreadcrumbList. */
export const jsonLdSource: ExtractionSource = {
  name: 'json-ld',
  extract(context: ExtractionContext): SourceResult {
    const reader = schemaReader(context.jsonLd, context.pageUrl, toCurrencyCode(anyCurrency(context.jsonLd)));
    const product = mainProduct(context.jsonLd);
    const breadcrumbs = breadcrumbNames(context.jsonLd, reader);
    const fields = product ? schemaProductFields(product, reader) : {};
    return { source: 'json-ld', productSignal: product !== undefined, fields: { ...fields, breadcrumbs } };
  },
};
