import type { CheerioAPI } from 'cheerio/slim';
import type { DomElement, JsonObject } from './extraction.types.js';
import { ancestors, matcher } from './dom-query.js';

const MAX_DEPTH = 8;
const URL_ATTRIBUTE: Record<string, string> = {
  a: 'href', area: 'href', link: 'href', img: 'src', audio: 'src', video: 'src', source: 'src', iframe: 'src', embed: 'src',
  track: 'src', object: 'data',
};

/**
 * The top-level microdata items of a type (`itemscope itemtype=".../Product"`)
 * read into JSON-LD-shaped objects (`@type`, properties, nested items), so the
 * schema.org mapping is shared with JSON-LD.
 */
export function microdataItems($: CheerioAPI, typeNames: readonly string[]): JsonObject[] {
  const items: JsonObject[] = [];
  const isTypedScope = matcher('[itemscope][itemtype]');
  const matches = (element: DomElement): boolean => itemTypes(element).some((type) => typeNames.includes(type));
  $('[itemscope][itemtype]').each((_, element) => {
    if (!matches(element)) return;
    if (ancestors(element).some((parent) => isTypedScope(parent) && matches(parent))) return;
    items.push(readItem($, element, 0));
  });
  return items;
}

export function itemTypes(element: DomElement): string[] {
  return (element.attribs.itemtype ?? '').split(/\s+/).filter(Boolean).map((type) => type.replace(/^.*[/#]/, ''));
}

function readItem($: CheerioAPI, scope: DomElement, depth: number): JsonObject {
  const item: JsonObject = { '@type': itemTypes(scope) };
  collectProperties($, scope, item, depth);
  return item;
}

/** Walks the scope's descendants in document order, not entering nested itemscopes (their properties are theirs). */
function collectProperties($: CheerioAPI, scope: DomElement, item: JsonObject, depth: number): void {
  const stack = $(scope).children().toArray().reverse();
  for (let element = stack.pop(); element; element = stack.pop()) {
    const names = (element.attribs.itemprop ?? '').split(/\s+/).filter(Boolean);
    const nested = element.attribs.itemscope !== undefined;
    if (names.length > 0) {
      const value = nested ? (depth < MAX_DEPTH ? readItem($, element, depth + 1) : undefined) : propertyValue($, element);
      if (value !== undefined) for (const name of names) append(item, name, value);
    }
    if (!nested) stack.push(...$(element).children().toArray().reverse());
  }
}

function append(item: JsonObject, name: string, value: unknown): void {
  const existing = item[name];
  if (existing === undefined) item[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else item[name] = [existing, value];
}

/** A property's value per the microdata rules: `content`, then the tag's URL or value attribute, then text. */
export function propertyValue($: CheerioAPI, element: DomElement): string | undefined {
  const attributes = element.attribs;
  if (attributes.content !== undefined) return attributes.content;
  const tag = element.tagName.toLowerCase();
  if (tag === 'meta') return undefined;
  const urlAttribute = URL_ATTRIBUTE[tag];
  if (urlAttribute) return attributes[urlAttribute] ?? attributes['data-src'];
  if (tag === 'time') return attributes.datetime ?? $(element).text();
  if (tag === 'data' || tag === 'meter') return attributes.value ?? $(element).text();
  return $(element).text();
}
