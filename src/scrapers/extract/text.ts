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
  // Most values hold no tag and no entity: those two passes are skipped for them.
  const stripped = value.includes('<') ? value.replace(/<[^>]{0,500}>/g, ' ') : value;
  const text = (stripped.includes('&') ? decodeEntities(stripped) : stripped).replace(/\s+/g, ' ').trim();
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

/** Longest description kept, in characters; longer ones are cut at a word boundary. */
export const MAX_DESCRIPTION_CHARS = 5000;
/** Longest markup read for one text field, before tags are stripped: bounds the regex work. */
const MAX_MARKUP_CHARS = 200_000;

/**
 * Plain text from a value that may hold HTML (a Shopify `description`, a
 * JSON-LD description with markup): scripts and styles dropped, tags turned
 * into spaces, entities decoded, whitespace collapsed, cut to `maxChars` at a
 * word boundary. Undefined when nothing is left.
 */
export function plainText(value: unknown, maxChars: number = MAX_DESCRIPTION_CHARS): string | undefined {
  if (typeof value !== 'string') return cleanText(value);
  const markup = value.length > MAX_MARKUP_CHARS ? value.slice(0, MAX_MARKUP_CHARS) : value;
  const text = cleanText(withoutCode(markup).replace(/<br\s*\/?>/gi, ' '));
  return text === undefined ? undefined : truncateAtWord(text, maxChars);
}

/** Markup without its `<script>`, `<style>` and `<noscript>` blocks (an unclosed one runs to the end). Linear: `indexOf` only. */
function withoutCode(markup: string): string {
  const lower = markup.toLowerCase();
  const next = new Map<string, number>(CODE_TAGS.map((tag) => [tag, lower.indexOf(`<${tag}`)]));
  let out = '';
  let from = 0;
  for (;;) {
    let tag: string | undefined;
    for (const [name, index] of next) {
      const at = index >= 0 && index < from ? lower.indexOf(`<${name}`, from) : index;
      next.set(name, at);
      if (at >= 0 && (tag === undefined || at < next.get(tag)!)) tag = name;
    }
    if (tag === undefined) return out + markup.slice(from);
    const open = next.get(tag)!;
    out += `${markup.slice(from, open)} `;
    const close = lower.indexOf(`</${tag}`, open);
    if (close < 0) return out;
    const end = lower.indexOf('>', close);
    from = end < 0 ? markup.length : end + 1;
  }
}

const CODE_TAGS = ['script', 'style', 'noscript'];

/** `text` cut to at most `maxChars`, at the last space when there is one near the end, with an ellipsis. */
export function truncateAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars * 0.8 ? cut.slice(0, space) : cut}…`;
}

/** A non-negative whole count from a number or text ("1,203", "1.203", "1 203 reviews"), or undefined. */
export function toCount(value: unknown): number | undefined {
  const raw = first(value);
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? Math.round(raw) : undefined;
  if (typeof raw !== 'string') return undefined;
  const match = /\d{1,3}(?:[,.' \u00a0\u202f]\d{3})+(?!\d)|\d+/.exec(raw.slice(0, 100));
  if (!match) return undefined;
  const count = Number(match[0].replace(/\D/g, ''));
  return Number.isSafeInteger(count) ? count : undefined;
}

/** Appends URLs to a list, skipping ones already present. */
export function addUnique(target: string[], urls: Iterable<string | undefined>): void {
  for (const url of urls) if (url && !target.includes(url)) target.push(url);
}

/** True for element nodes (tags, scripts, styles), as opposed to text, comments and the document. */
export function isElement(node: object): node is DomElement {
  return 'attribs' in node;
}
