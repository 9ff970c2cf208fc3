import type { Money } from '../../domain/entities/product.js';
import { compareAmounts, countPrices, hasCurrencyMarker, parseAmount, parsePrice, priceAmounts, toMoney, type PriceHint } from '../price/parse-price.js';
import type { DomElement, ShownPrice } from './extraction.types.js';
import { DISCOUNT_CUE, SALE_LABEL, STRUCK_LABEL, TOTAL_LABEL, WEAK_LABEL } from './visible-words.js';
import { descendants } from './dom-query.js';
import { isHidden, isStruckTag, names, precedingText, textOf } from './element-text.js';
import { isCard } from './product-card.js';
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
const WEAK_NAME = /(?:^|[-_\s])(?:regular|standard|normal)(?:[-_\s]|$)|regular-?price/i;
const SALE_NAME = /(?:^|[-_\s])(?:sale|special|now|current|final|promo|offer|reduced|deal|actual|discounted|selling)(?:[-_\s]|$)|sale-?price|price-?(?:now|sale|current|final)|special-?price|to-?pay|pricetopay|productspecialprice/i;
/** Elements walked per area: a product's area is small; a huge one is not a product's. */
const MAX_WALK = 20_000;
/** Longest text read as one price element; longer ones are walked into. */
const MAX_PRICE_ELEMENT_TEXT = 300;
/** Longest text of an element that is a price by its text alone (no price-like name). */
const MAX_BARE_PRICE_TEXT = 60;
/** A number alone that reads as a price without a currency next to it: "45.00", "1.299,00", "19,90". */
const BARE_AMOUNT = /^\d{1,3}(?:[.,' ]\d{3})*[.,]\d{2}$/;

function isExcludedBox(element: DomElement): boolean {
  return names(element).toLowerCase().split(/[\s_-]+/).some((part) => EXCLUDED_PARTS.has(part));
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
export function priceCandidates(area: DomElement, hint: PriceHint): PriceCandidate[] {
  const found: PriceCandidate[] = [];
  const pending: DomElement[] = area.children.filter(isElement).reverse();
  for (let walked = 0, element = pending.pop(); element && walked < MAX_WALK; walked++, element = pending.pop()) {
    if (SKIP_TAGS.has(element.tagName.toLowerCase()) || isHidden(element) || isCard(element)) continue;
    const money = knownPrice(element, hint);
    if (money) {
      if (!isExcludedBox(element)) found.push({ element, money, ...classify(element, area, money, hint) });
      continue;
    }
    if (money === null) pending.push(...element.children.filter(isElement).reverse());
  }
  return found;
}

/**
 * Each page's element prices, by the page's hint: the area search climbs from
 * a title a level at a time and walks each level's subtree, so without this
 * the same elements are read and price-parsed at every level.
 */
const PRICES = new WeakMap<PriceHint, Map<DomElement, Money | undefined | null>>();

function knownPrice(element: DomElement, hint: PriceHint): Money | undefined | null {
  let prices = PRICES.get(hint);
  if (!prices) {
    prices = new Map();
    PRICES.set(hint, prices);
  }
  if (prices.has(element)) return prices.get(element);
  const money = elementPrice(element, hint);
  prices.set(element, money);
  return money;
}

/** Tags that format a price's text (`<span>$</span><b>19</b><sup>99</sup>`), as opposed to structure around it. */
const INLINE_TAGS = new Set(['span', 'b', 'strong', 'em', 'i', 'small', 'sup', 'sub', 'bdi', 's', 'del', 'ins', 'font', 'data', 'abbr', 'mark', 'u']);

/** True when every element inside is inline formatting: the element is one price, not a box (a list, a table) around one. */
function inlineOnly(element: DomElement): boolean {
  return descendants(element, 40).every((inner) => INLINE_TAGS.has(inner.tagName.toLowerCase()));
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
  if (!priceish && (text.trim().length > MAX_BARE_PRICE_TEXT || !inlineOnly(element))) return hasChildren ? null : undefined;
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
