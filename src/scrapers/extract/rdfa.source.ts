import type { CheerioAPI } from 'cheerio/slim';
import type { DomElement, ExtractionContext, ExtractionSource, JsonObject, ProductFields, SourceResult } from './extraction.types.js';
import { breadcrumbNames } from './json-ld.source.js';
import { SCHEMA_PRODUCT_TYPES } from './microdata.source.js';
import { schemaReader } from './schema-node.js';
import { schemaProductFields } from './schema-product.js';
import { ancestors, closestMatch } from './dom-query.js';

const MAX_DEPTH = 8;
const SCHEMA_PREFIX = /^(?:schema:|https?:\/\/schema\.org\/)/i;
const URL_ATTRIBUTE: Record<string, string> = { a: 'href', link: 'href', img: 'src', area: 'href', audio: 'src', video: 'src', source: 'src' };

/** The schema.org terms of an RDFa attribute ("schema:Product", "http://schema.org/Offer", "Product" under a schema.org vocab). */
function terms(value: string | undefined, inSchemaVocab: boolean): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean)
    .filter((term) => SCHEMA_PREFIX.test(term) || (inSchemaVocab && !term.includes(':')))
    .map((term) => term.replace(SCHEMA_PREFIX, ''));
}

/** True when the element is under a `vocab="http://schema.org/"` (or has no other vocab, for a bare `typeof`). */
function inSchemaVocab($: CheerioAPI, element: DomElement): boolean {
  const vocab = element.attribs.vocab ?? closestMatch(element, '[vocab]')?.attribs.vocab;
  return vocab === undefined || /schema\.org/i.test(vocab);
}

function propertyValue($: CheerioAPI, element: DomElement): string | undefined {
  const attributes = element.attribs;
  if (attributes.content !== undefined) return attributes.content;
  if (attributes.resource !== undefined) return attributes.resource;
  const urlAttribute = URL_ATTRIBUTE[element.tagName.toLowerCase()];
  if (urlAttribute && attributes[urlAttribute]) return attributes[urlAttribute];
  if (element.tagName.toLowerCase() === 'meta') return undefined;
  return $(element).text();
}

function append(item: JsonObject, name: string, value: unknown): void {
  const existing = item[name];
  if (existing === undefined) item[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else item[name] = [existing, value];
}

/** Reads the properties under `scope` into a JSON-LD-shaped node; a nested `typeof` with a property is a nested node. */
function readItem($: CheerioAPI, scope: DomElement, types: string[], depth: number): JsonObject {
  const item: JsonObject = { '@type': types };
  const vocab = inSchemaVocab($, scope);
  const stack = $(scope).children().toArray().reverse();
  for (let element = stack.pop(); element; element = stack.pop()) {
    const names = terms(element.attribs.property, vocab);
    const nestedTypes = element.attribs.typeof !== undefined ? terms(element.attribs.typeof, vocab) : undefined;
    if (names.length > 0) {
      const value = nestedTypes ? (depth < MAX_DEPTH ? readItem($, element, nestedTypes, depth + 1) : undefined) : propertyValue($, element);
      if (value !== undefined) for (const name of names) append(item, name, value);
    }
    if (!nestedTypes) stack.push(...$(element).children().toArray().reverse());
  }
  return item;
}

/** The top-level RDFa items of the given schema.org types (`typeof="Product"`, `typeof="schema:Product"`). */
export function rdfaItems($: CheerioAPI, typeNames: readonly string[]): JsonObject[] {
  const items: JsonObject[] = [];
  const typed = $('[typeof]').toArray();
  const matching = new Set(typed.filter((element) => terms(element.attribs.typeof, inSchemaVocab($, element)).some((type) => typeNames.includes(type))));
  for (const element of matching) {
    if (ancestors(element).some((parent) => matching.has(parent))) continue;
    items.push(readItem($, element, terms(element.attribs.typeof, inSchemaVocab($, element)), 0));
    if (items.length >= 5) break;
  }
  return items;
}

/** Loose `property="schema:..."` attributes with no product `typeof` around them. */
function looseProperties($: CheerioAPI): JsonObject | undefined {
  const node: JsonObject = { '@type': 'Product' };
  for (const element of $('[property^="schema:"]').slice(0, 200).toArray()) {
    if (closestMatch(element, '[typeof]') !== undefined) continue;
    const [name] = terms(element.attribs.property, false);
    const value = propertyValue($, element);
    if (name && value !== undefined && node[name] === undefined) node[name] = value;
  }
  return node.name !== undefined || node.price !== undefined ? node : undefined;
}

/** schema.org in RDFa (Lite): `vocab`, `typeof="Product"`, `property="name"` / `property="schema:price"`, mapped like JSON-LD. */
export const rdfaSource: ExtractionSource = {
  name: 'rdfa',
  extract(context: ExtractionContext): SourceResult {
    const { $, baseUrl: pageUrl } = context;
    if ($('[typeof], [property^="schema:"]').length === 0) return { source: 'rdfa', productSignal: false, fields: {} };
    const scoped = rdfaItems($, SCHEMA_PRODUCT_TYPES)[0];
    const item = scoped ?? looseProperties($);
    const reader = schemaReader([], pageUrl, context.hint.currency);
    const fields: ProductFields = item ? schemaProductFields(item, reader) : {};
    const breadcrumbs = breadcrumbNames(rdfaItems($, ['BreadcrumbList']), reader);
    return { source: 'rdfa', productSignal: scoped !== undefined, fields: { ...fields, breadcrumbs } };
  },
};
