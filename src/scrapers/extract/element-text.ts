/**
 * Reading an element's text the way a shopper sees it: scripts, styles and
 * hidden elements left out, block elements set apart, a split price
 * (`<span>7,269.</span><span>00</span>`, `1.012<sup>95</sup>`) put back
 * together, and the marks of a struck-through price.
 */
import type { DomElement } from './extraction.types.js';

/** Names of struck-through / old prices (`.old-price`, `.price--compare`, `.was`, `.rrp`). */
const STRUCK_NAME = /(?:^|[-_\s])(?:old|was|compare|strike|strikethrough|crossed|before|list|original|rrp|uvp|msrp|retail|non-?sale|former|previous|line-?through)(?:[-_\s]|$)|old-?price|price-?old|was-?price|compare-?at|strike-?through|price--old|list-?price/i;

/** The names an element goes by (class, id, test id, itemprop), as one string to match against. */
export function names(element: DomElement): string {
  const a = element.attribs;
  return `${a.class ?? ''} ${a.id ?? ''} ${a['data-testid'] ?? ''} ${a.itemprop ?? ''}`;
}

/** Hidden by an inline style or the `hidden` attribute (stylesheets are not read). */
export function isHidden(element: DomElement): boolean {
  return /display:\s*none|visibility:\s*hidden/i.test(element.attribs.style ?? '') || element.attribs.hidden !== undefined;
}

interface TextNode {
  type: string;
  data?: string;
  children?: TextNode[];
  attribs?: Record<string, string>;
  name?: string;
}

/** Elements whose text is a separate line: a space goes around their text (inline ones, like a price's cents, are glued). */
const BLOCK_TAGS = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'table', 'tbody', 'td', 'th',
  'thead', 'tr', 'ul', 'button', 'label']);
/** Longest text read by default: one price element's worth. */
const DEFAULT_MAX_TEXT = 301;
const SPACE: TextNode = { type: 'text', data: ' ' };
/** Marks the edge of an inline element in `textOf`'s walk. */
const BOUNDARY: TextNode = { type: 'text', data: '' };
/** Marks the start of a price's cents part (`<sup>99</sup>`) in `textOf`'s walk. */
const CENTS: TextNode = { type: 'text', data: '' };

/**
 * The text of an element, at most `max` characters, without scripts, styles
 * and hidden or (when asked) struck-through descendants; block elements are
 * set apart by a space, inline ones glued (`<span>7,269.</span><span>00</span>`).
 */
export function textOf(element: DomElement, max = DEFAULT_MAX_TEXT, skipStruck = false): string {
  let text = '';
  let boundary = false;
  let cents = false;
  const pending: TextNode[] = [element as unknown as TextNode];
  for (let node = pending.pop(); node && text.length < max; node = pending.pop()) {
    if (node === BOUNDARY) boundary = true;
    if (node === CENTS) cents = true;
    if (node.type === 'text' && node !== BOUNDARY && node !== CENTS) {
      const data = node.data ?? '';
      text += cents && /\d$/.test(text.slice(-1)) && /^\d{2}(?!\d)/.test(data) ? `${decimalMarkAfter(text)}${data}`
        : boundary && gluesWords(text, data) ? ` ${data}` : data;
      if (data.length > 0) boundary = cents = false;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const tag = (node.name ?? '').toLowerCase();
    if (node !== (element as unknown) && (tag === 'script' || tag === 'style' || isHidden(node as unknown as DomElement)
      || (skipStruck && isStruckTag(node as unknown as DomElement)))) continue;
    const block = BLOCK_TAGS.has(tag);
    pending.push(block ? SPACE : BOUNDARY);
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
    pending.push(block ? SPACE : isCentsPart(node) ? CENTS : BOUNDARY);
  }
  return text.length > max ? text.slice(0, max) : text;
}

/** The cents of a split price: a superscript, or an element named for cents ("andes-money-amount__cents"). */
function isCentsPart(node: TextNode): boolean {
  return (node.name ?? '').toLowerCase() === 'sup' || /(?:^|[-_\s])(?:cents|decimals?)(?:[-_\s]|$)/i.test(node.attribs?.class ?? '');
}

/** The decimal mark that goes between a price's integer part and its cents: "," after "1.012", else ".". */
function decimalMarkAfter(text: string): string {
  return /\d{1,3}(?:\.\d{3})+$/.test(text) ? ',' : '.';
}

/**
 * True when two inline texts would glue a number or a currency word to a
 * word ("$322.95" + "Sale price", "kr" + "Reapris"), or a whole price to the
 * next number ("517.99" + "32% OFF"), which a space keeps apart. A number's
 * parts stay glued ("7,269." + "00").
 */
function gluesWords(before: string, after: string): boolean {
  // Only the end of `before` can match: testing the whole text would scan it on every boundary (quadratic in the text).
  const last = before.slice(-2);
  return (/[\p{L}\d]$/u.test(last) && /^\p{L}/u.test(after)) || (/\p{L}$/u.test(last) && /^\d/.test(after))
    || (/\d[.,]\d{2,3}$/.test(before.slice(-5)) && /^\d/.test(after));
}

/** Marked as an old price: `<del>`, `<s>`, `<strike>`, an old-price name, a line-through style, `data-a-strike`. */
export function isStruckTag(element: DomElement): boolean {
  const tag = element.tagName.toLowerCase();
  return tag === 'del' || tag === 's' || tag === 'strike' || STRUCK_NAME.test(names(element))
    || /line-through/i.test(element.attribs.style ?? '') || element.attribs['data-a-strike'] === 'true';
}

/**
 * The text just before an element inside its parent, back to the previous
 * price: the label of this price ("Was", "List Price:", "Sale price").
 */
export function precedingText(element: DomElement): string {
  let text = '';
  for (let node = element.prev as unknown as TextNode | null; node && text.length < 40; node = (node as unknown as { prev: TextNode | null }).prev) {
    const part = node.type === 'text' ? node.data ?? '' : textOf(node as unknown as DomElement, 40);
    if (/\d/.test(part)) break;
    text = part + text;
  }
  return text.slice(-40);
}
