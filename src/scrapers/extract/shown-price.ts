import type { CheerioAPI } from 'cheerio/slim';
import type { Money } from '../../domain/entities/product.js';
import { compareAmounts, countPrices, hasCurrencyMarker, parseAmount, parsePrice, priceAmounts, toMoney, type PriceHint } from '../price/parse-price.js';
import type { DomElement, ShownPrice } from './extraction.types.js';
import { DISCOUNT_CUE, SALE_LABEL, STRUCK_LABEL, TOTAL_LABEL, WEAK_LABEL } from './visible-words.js';
import { descendants } from './dom-query.js';
import { isElement } from './text.js';

/** A price the page shows in the product's area, and how it is styled. */
export interface PriceCandidate {
  element: DomElement;
  money: Money;
  /** Struck through or labelled as the old price ("Was", "UVP", `<del>`, `.old-price`). */
  struck: boolean;
  /** Named "regular"/"standard": the old price when a sale price is next to it, else the price. */
  weak: boolean;
  /** Marked as the sale / current price (`<ins>`, `.sale-price`, `.price--now`, "Now"). */
  sale: boolean;
}

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'svg', 'button', 'select', 'option', 'input', 'textarea', 'template', 'iframe',
  'header', 'nav', 'footer']);
const PRICE_NAME = /price|amount|money|cost|preis|prix|precio|prezzo|cena|pris|prijs|цена|価格/i;
/** Name parts (of class, id, itemprop) of boxes that show a number with a currency that is not the price. */
const EXCLUDED_PARTS = new Set([
  'saving', 'savings', 'save', 'economy', 'percent', 'percentage', 'installment', 'installments', 'instalment', 'instalments', 'cuota',
  'cuotas', 'unit', 'shipping', 'delivery', 'badge', 'tax', 'points', 'point', 'sku', 'gtin', 'ean', 'mpn', 'model', 'rating', 'ratings',
  'review', 'reviews', 'quantity', 'qty', 'stock', 'count', 'breadcrumb', 'breadcrumbs', 'total', 'subtotal', 'loyalty', 'reward',
]);
const STRUCK_NAME = /(?:^|[-_\s])(?:old|was|compare|strike|strikethrough|crossed|before|list|original|rrp|uvp|msrp|retail|non-?sale|former|previous|line-?through)(?:[-_\s]|$)|old-?price|price-?old|was-?price|compare-?at|strike-?through|price--old|list-?price/i;
const WEAK_NAME = /(?:^|[-_\s])(?:regular|standard|normal)(?:[-_\s]|$)|regular-?price/i;
const SALE_NAME = /(?:^|[-_\s])(?:sale|special|now|current|final|promo|offer|reduced|deal|actual|discounted|selling)(?:[-_\s]|$)|sale-?price|price-?(?:now|sale|current|final)|special-?price|to-?pay|pricetopay|productspecialprice/i;
/** Elements walked per area: a product's area is small; a huge one is not a product's. */
const MAX_WALK = 20_000;
/** Longest text read as one price element; longer ones are walked into. */
const MAX_PRICE_ELEMENT_TEXT = 300;
/** Longest text of an element that is a price by its text alone (no price-like name). */
const MAX_BARE_PRICE_TEXT = 60;
/** Class names of product cards (whole class tokens). */
const CARD_CLASS = /(?:^|\s)(?:card|product-card|tile|product-tile|product-item|grid-view-item|carousel-card|product-miniature)(?:\s|$)/i;
/** A number alone that reads as a price without a currency next to it: "45.00", "1.299,00", "19,90". */
const BARE_AMOUNT = /^\d{1,3}(?:[.,' ]\d{3})*[.,]\d{2}$/;

function names(element: DomElement): string {
  const a = element.attribs;
  return `${a.class ?? ''} ${a.id ?? ''} ${a['data-testid'] ?? ''} ${a.itemprop ?? ''}`;
}

function isExcludedBox(element: DomElement): boolean {
  return names(element).toLowerCase().split(/[\s_-]+/).some((part) => EXCLUDED_PARTS.has(part));
}

function isHidden(element: DomElement): boolean {
  return /display:\s*none|visibility:\s*hidden/i.test(element.attribs.style ?? '') || element.attribs.hidden !== undefined;
}

/** A product card of a grid or carousel (a list item, article or tile whose link to another page holds an image or heading, or sits in a heading), or a cart / table row linking to a product. */
export function isCard(element: DomElement): boolean {
  const tag = element.tagName.toLowerCase();
  if (tag === 'tr' && !isItemRow(element)) return false;
  if (tag !== 'li' && tag !== 'article' && tag !== 'tr' && !CARD_CLASS.test(element.attribs.class ?? '')) return false;
  const links = descendants(element, 200).filter((link) => {
    const href = link.tagName.toLowerCase() === 'a' ? link.attribs.href : undefined;
    return href !== undefined && !/^(?:#|javascript:)|\.(?:jpe?g|png|webp|gif|avif)(?:[?#]|$)/i.test(href);
  });
  if (tag === 'tr') return links.length > 0;
  return links.some((link) => descendants(link, 50).some((inner) => /^(?:img|h[2-6])$/i.test(inner.tagName)) || inHeading(link, element));
}

/** True when a link sits in an `<h2>`-`<h6>` below `top` (a card's title link). */
function inHeading(link: DomElement, top: DomElement): boolean {
  for (let node = link.parent; node && isElement(node) && node !== top; node = node.parent) if (/^h[2-6]$/i.test(node.tagName)) return true;
  return false;
}

/** A table row of a cart or product table (not a layout table's row). */
function isItemRow(row: DomElement): boolean {
  const table = row.parent && isElement(row.parent) ? (row.parent.tagName.toLowerCase() === 'table' ? row.parent : row.parent.parent) : null;
  const tableClass = table && isElement(table) ? table.attribs.class ?? '' : '';
  return /item|product|cart|basket|order|line/i.test(`${row.attribs.class ?? ''} ${tableClass}`);
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
export function textOf(element: DomElement, max = MAX_PRICE_ELEMENT_TEXT + 1, skipStruck = false): string {
  let text = '';
  let boundary = false;
  let cents = false;
  const pending: TextNode[] = [element as unknown as TextNode];
  for (let node = pending.pop(); node && text.length < max; node = pending.pop()) {
    if (node === BOUNDARY) boundary = true;
    if (node === CENTS) cents = true;
    if (node.type === 'text' && node !== BOUNDARY && node !== CENTS) {
      const data = node.data ?? '';
      text += cents && /\d$/.test(text) && /^\d{2}(?!\d)/.test(data) ? `${decimalMarkAfter(text)}${data}`
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
  return (/[\p{L}\d]$/u.test(before) && /^\p{L}/u.test(after)) || (/\p{L}$/u.test(before) && /^\d/.test(after))
    || (/\d[.,]\d{2,3}$/.test(before) && /^\d/.test(after));
}

function isStruckTag(element: DomElement): boolean {
  const tag = element.tagName.toLowerCase();
  return tag === 'del' || tag === 's' || tag === 'strike' || STRUCK_NAME.test(names(element))
    || /line-through/i.test(element.attribs.style ?? '') || element.attribs['data-a-strike'] === 'true';
}

/**
 * The text just before an element inside its parent, back to the previous
 * price: the label of this price ("Was", "List Price:", "Sale price").
 */
function precedingText(element: DomElement): string {
  let text = '';
  for (let node = element.prev as unknown as TextNode | null; node && text.length < 40; node = (node as unknown as { prev: TextNode | null }).prev) {
    const part = node.type === 'text' ? node.data ?? '' : textOf(node as unknown as DomElement, 40);
    if (/\d/.test(part)) break;
    text = part + text;
  }
  return text.slice(-40);
}

/**
 * The element and the ancestors (a few, inside the area) that wrap this price
 * alone, possibly twice (Amazon's hidden and visible copies): their tags,
 * names and labels describe this price. A box of several prices (its
 * "price--on-sale") says nothing about one of them.
 */
function singlePriceWrappers(element: DomElement, area: DomElement, money: Money, hint: PriceHint): DomElement[] {
  const wrappers = [element];
  for (let node = element.parent, level = 0; node && isElement(node) && node !== area && level < 4; node = node.parent, level++) {
    const amounts = priceAmounts(textOf(node), hint);
    if (amounts.length === 0 || amounts.some((amount) => compareAmounts(amount, money.amount) !== 0)) break;
    wrappers.push(node);
  }
  return wrappers;
}

/**
 * How a price element is marked: by its own tag and names, those of its
 * single-price wrappers and of the few elements inside it, and by its label.
 */
function classify(element: DomElement, area: DomElement, money: Money, hint: PriceHint): Pick<PriceCandidate, 'struck' | 'weak' | 'sale'> {
  const wrappers = singlePriceWrappers(element, area, money, hint);
  let struck = wrappers.some(isStruckTag);
  let weak = false;
  let sale = false;
  for (const node of [...wrappers, ...descendants(element, 30)]) {
    weak ||= WEAK_NAME.test(names(node));
    sale ||= node.tagName.toLowerCase() === 'ins' || SALE_NAME.test(names(node));
  }
  const label = `${wrappers.map(precedingText).join(' ')} ${textOf(element, 40)}`;
  struck ||= STRUCK_LABEL.test(label) || (countPrices(textOf(element)) > 0 && countPrices(textOf(element, undefined, true)) === 0);
  weak ||= WEAK_LABEL.test(label);
  sale ||= SALE_LABEL.test(label);
  return { struck, weak: weak && !sale, sale: sale && !struck };
}

function attributeMoney(element: DomElement, hint: PriceHint): Money | undefined {
  const raw = element.attribs.content ?? element.attribs['data-price-amount'] ?? element.attribs['data-price'] ?? element.attribs['data-product-price'];
  return raw && hint.currency ? toMoney(parseAmount(raw), hint.currency) : undefined;
}

/**
 * The prices shown in `area`, in document order: elements named like a price
 * (`[class*=price]`, `<del>`, `[itemprop=price]`) or short texts with a
 * currency, each the outermost element holding one price. Product cards of a
 * grid, hidden elements, chrome and savings / unit-price / instalment boxes
 * are skipped. Bounded to MAX_WALK elements.
 */
export function priceCandidates($: CheerioAPI, area: DomElement, hint: PriceHint): PriceCandidate[] {
  const found: PriceCandidate[] = [];
  const pending: DomElement[] = area.children.filter(isElement).reverse();
  for (let walked = 0, element = pending.pop(); element && walked < MAX_WALK; walked++, element = pending.pop()) {
    if (SKIP_TAGS.has(element.tagName.toLowerCase()) || isHidden(element) || isCard(element)) continue;
    const money = elementPrice(element, hint);
    if (money) {
      if (!isExcludedBox(element)) found.push({ element, money, ...classify(element, area, money, hint) });
      continue;
    }
    if (money === null) pending.push(...element.children.filter(isElement).reverse());
  }
  return found;
}

/** The price of an element that shows exactly one, undefined when it holds none, null when it must be walked into. */
function elementPrice(element: DomElement, hint: PriceHint): Money | undefined | null {
  const priceish = PRICE_NAME.test(names(element)) || isStruckTag(element) || element.tagName.toLowerCase() === 'ins';
  const text = textOf(element);
  const hasChildren = element.children.some(isElement);
  if (text.length > MAX_PRICE_ELEMENT_TEXT) return null;
  if (!/\d/.test(text)) return priceish ? attributeMoney(element, hint) : undefined;
  const count = countPrices(text, hint);
  if (count === 0) return priceish ? attributeMoney(element, hint) : undefined;
  if (!hasCurrencyMarker(text, hint) && !(priceish && BARE_AMOUNT.test(text.trim()))) return hasChildren ? null : undefined;
  if (TOTAL_LABEL.test(text)) return undefined;
  if (count > 1 && hasChildren) return null;
  if (!priceish && text.trim().length > MAX_BARE_PRICE_TEXT) return hasChildren ? null : undefined;
  return parsePrice(text, hint) ?? attributeMoney(element, hint) ?? null;
}

/**
 * The price the shopper sees: the first sale-marked price, else the first
 * one not struck through; the compare-at price is the first struck (or
 * "regular" next to a sale) price above it, or, with a discount cue ("-27%",
 * "Save"), the higher of two unmarked prices side by side.
 */
export function shownPrice(candidates: readonly PriceCandidate[]): ShownPrice {
  const anySale = candidates.some((candidate) => candidate.sale);
  const isOld = (candidate: PriceCandidate): boolean => candidate.struck || (candidate.weak && anySale);
  const current = candidates.find((candidate) => candidate.sale) ?? candidates.find((candidate) => !isOld(candidate));
  if (!current) return {};
  const above = (candidate: PriceCandidate): boolean =>
    candidate.money.currency === current.money.currency && compareAmounts(candidate.money.amount, current.money.amount) > 0;
  const old = candidates.find((candidate) => isOld(candidate) && above(candidate)) ?? cuedCompareAt(candidates, current, above);
  return { price: current.money, ...(old ? { compareAtPrice: old.money } : {}) };
}

/** Two unmarked prices in one box with a discount cue next to them: the higher one is the old price. */
function cuedCompareAt(candidates: readonly PriceCandidate[], current: PriceCandidate, above: (c: PriceCandidate) => boolean): PriceCandidate | undefined {
  const box = current.element.parent;
  if (!box || !isElement(box)) return undefined;
  const siblings = candidates.filter((candidate) => candidate !== current && candidate.element.parent === box && !candidate.sale);
  if (siblings.length !== 1 || !above(siblings[0]!)) return undefined;
  return DISCOUNT_CUE.test(textOf(box, 300)) ? siblings[0] : undefined;
}

/**
 * How many different current (not struck) amounts the area shows. A product
 * shows one or two (a variant range); a product grid under a category title
 * shows many, which is how a listing is told apart from a product page.
 */
export function distinctShownAmounts(candidates: readonly PriceCandidate[]): number {
  return new Set(candidates.filter((candidate) => !candidate.struck).map((candidate) => `${candidate.money.amount} ${candidate.money.currency}`)).size;
}
