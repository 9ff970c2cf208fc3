import type { CheerioAPI } from 'cheerio/slim';
import type { ExtractionContext, ExtractionSource, JsonObject, ScriptBlock, SourceResult } from './extraction.types.js';
import { MAX_JSON_CHARS, parseBoundedJson } from './lenient-json.js';
import { hasType, nodesOf, resolveId, schemaReader, type SchemaReader } from './schema-node.js';
import { schemaProductFields } from './schema-product.js';
import { readScripts } from './script-data.js';
import { cleanText, first, isObject, toNumber } from './text.js';

const PRODUCT_TYPES = ['Product', 'ProductGroup', 'IndividualProduct', 'ProductModel', 'SomeProducts', 'Vehicle', 'Book'];
const MAX_DEPTH = 6;
/** Most nodes read from one page: a product page has a handful; a feed dumped into JSON-LD is cut here. */
const MAX_NODES = 5000;
/** Largest JSON-LD block parsed; real ones are kilobytes. */
export const MAX_JSON_LD_CHARS = MAX_JSON_CHARS;

/**
 * Every JSON-LD node of a page's scripts: each `application/ld+json` block
 * parsed leniently (blocks over MAX_JSON_LD_CHARS or nested deeper than
 * MAX_JSON_DEPTH are skipped), arrays, `@graph` and `mainEntity` /
 * `mainEntityOfPage` flattened.
 */
export function jsonLdNodes(scripts: readonly ScriptBlock[]): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of scripts) {
    if (!script.type.startsWith('application/ld+json')) continue;
    for (const value of parseBoundedJson(script.text, MAX_JSON_LD_CHARS)) flatten(value, nodes, 0);
  }
  return nodes;
}

/** `jsonLdNodes` of a parsed page. */
export function collectJsonLd($: CheerioAPI): JsonObject[] {
  return jsonLdNodes(readScripts($));
}

function flatten(value: unknown, into: JsonObject[], depth: number): void {
  if (depth > MAX_DEPTH || into.length >= MAX_NODES) return;
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

/**
 * The product node completed by the other nodes with its `@id`: review apps
 * (Judge.me, Yotpo) add a second block with the same `@id` holding only the
 * `aggregateRating`. The product's own properties win.
 */
export function withSameId(product: JsonObject, nodes: readonly JsonObject[], pageUrl: string): JsonObject {
  const id = resolveId(product['@id'], pageUrl);
  if (id === undefined) return product;
  const merged: JsonObject = { ...product };
  for (const node of nodes) {
    if (node === product || resolveId(node['@id'], pageUrl) !== id) continue;
    for (const [key, value] of Object.entries(node)) if (merged[key] === undefined) merged[key] = value;
  }
  return merged;
}

/** The shop's own name: a WebSite, Organization or store node's `name`. */
export function siteNameOf(nodes: readonly JsonObject[]): string | undefined {
  const site = nodes.find((node) => hasType(node, 'WebSite', 'Organization', 'OnlineStore', 'Store', 'OnlineBusiness'));
  return site ? cleanText(first(site.name)) : undefined;
}

/** Structured data in `application/ld+json` scripts: Product / ProductGroup and BreadcrumbList. */
export const jsonLdSource: ExtractionSource = {
  name: 'json-ld',
  extract(context: ExtractionContext): SourceResult {
    const reader = schemaReader(context.jsonLd, context.baseUrl, context.hint.currency);
    const main = mainProduct(context.jsonLd);
    const product = main ? withSameId(main, context.jsonLd, context.baseUrl) : undefined;
    const breadcrumbs = breadcrumbNames(context.jsonLd, reader);
    const fields = product ? schemaProductFields(product, reader) : {};
    const siteName = siteNameOf(context.jsonLd);
    return { source: 'json-ld', productSignal: product !== undefined, fields: { ...fields, breadcrumbs }, ...(siteName ? { siteName } : {}) };
  },
};
