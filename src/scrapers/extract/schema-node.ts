/** Reading schema.org nodes (from JSON-LD or microdata): types, `@id` references. */
import type { JsonObject } from './extraction.types.js';
import { isObject, list } from './text.js';

/** The node's `@type`s without their vocabulary prefix (`https://schema.org/Product` -> `Product`). */
export function schemaTypes(node: JsonObject): string[] {
  return list(node['@type'])
    .filter((type): type is string => typeof type === 'string')
    .map((type) => type.trim().replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, ''));
}

export function hasType(node: unknown, ...names: string[]): boolean {
  return isObject(node) && schemaTypes(node).some((type) => names.includes(type));
}

/** What mapping a schema node needs besides the node: `@id` lookup, the page URL, a fallback currency. */
export interface SchemaReader {
  pageUrl: string;
  currencyHint?: string;
  /** The node an `{"@id": ...}` reference points to, or the value itself. */
  resolve(value: unknown): unknown;
}

/** An `@id` resolved against the page URL ("/p#product" and "https://shop/p#product" are one node), or undefined. */
export function resolveId(id: unknown, pageUrl: string): string | undefined {
  if (typeof id !== 'string' || id.length === 0 || id.length > 2048) return undefined;
  try {
    return new URL(id, pageUrl).href;
  } catch {
    return id;
  }
}

export function schemaReader(nodes: readonly JsonObject[], pageUrl: string, currencyHint?: string): SchemaReader {
  const ids = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = resolveId(node['@id'], pageUrl);
    if (id !== undefined && Object.keys(node).length > 1 && !ids.has(id)) ids.set(id, node);
  }
  return {
    pageUrl,
    ...(currencyHint ? { currencyHint } : {}),
    resolve(value: unknown): unknown {
      if (!isObject(value) || Object.keys(value).length > 1) return value;
      const id = resolveId(value['@id'], pageUrl);
      return (id !== undefined ? ids.get(id) : undefined) ?? value;
    },
  };
}

/** Each resolved object of a value that may be one node, a reference or a list of them. */
export function nodesOf(value: unknown, reader: SchemaReader): JsonObject[] {
  return list(value).map((item) => reader.resolve(item)).filter(isObject);
}
