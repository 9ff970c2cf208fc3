/** Small value helpers shared by the extraction sources. */
import type { DomElement, JsonObject } from './extraction.types.js';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Decodes the handful of entities that leak into JSON-LD strings. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+|#39);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Trimmed text with whitespace collapsed (and tags stripped), or undefined when empty. */
export function cleanText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = decodeEntities(value.replace(/<[^>]{0,500}>/g, ' ')).replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : undefined;
}

/** The first element of an array, or the value itself. */
export function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** A value as a list: arrays as they are, undefined/null as empty, anything else as one item. */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An absolute http(s) URL resolved against `base`, without its fragment, or undefined. */
export function absoluteUrl(value: unknown, base: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text.length === 0 || text.startsWith('data:') || text.length > 2048) return undefined;
  try {
    const url = new URL(text, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/** A finite number from a number or a numeric string ("4,5" included), or undefined. */
export function toNumber(value: unknown): number | undefined {
  const raw = first(value);
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const match = /-?\d+(?:[.,]\d+)?/.exec(raw);
  if (!match) return undefined;
  const parsed = Number(match[0].replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Appends URLs to a list, skipping ones already present. */
export function addUnique(target: string[], urls: Iterable<string | undefined>): void {
  for (const url of urls) if (url && !target.includes(url)) target.push(url);
}

/** True for element nodes (tags, scripts, styles), as opposed to text, comments and the document. */
export function isElement(node: object): node is DomElement {
  return 'attribs' in node;
}
