/**
 * Product facts a page prints for the shopper rather than in markup: spec
 * tables and "Label: value" lines (SKU, model, EAN, brand, availability),
 * the stock message, the rating line ("4.2 · 167 reviews") and the brand
 * line ("Brand: Acme", "Visit the Acme Store", a link to `/brands/acme`).
 */
import type { Availability } from '../../domain/entities/product.js';
import { availabilityFromText } from './availability.js';
import type { DomElement, ProductFields } from './extraction.types.js';
import { toGtin } from './gtin.js';
import { compact } from './schema-offers.js';
import { descendants } from './dom-query.js';
import { textOf } from './element-text.js';
import { cleanText, isElement, toCount, toNumber } from './text.js';
import { FACT_LABELS, RATING_WORDS, REVIEW_WORDS, type FactKey } from './visible-words.js';

const FACT_TAGS = new Set(['th', 'dt', 'td', 'dd', 'li', 'p', 'span', 'strong', 'b', 'div', 'label', 'em']);
const MAX_FACT_ELEMENTS = 800;
const MAX_LABEL = 40;
const MAX_VALUE = 100;
const STOCK_NAMES = /stock|availability|inventory|lieferstatus/i;
const RATING_NAMES = /rating|review|stars|comments|grade|jdgm|yotpo|stamped|okendo|bewertung/i;
const BRAND_NAMES = /brand|byline|vendor|manufacturer/i;
/** Elements of an area looked at for a stock, rating or brand line. */
const MAX_AREA_ELEMENTS = 3000;

function named(scope: DomElement, pattern: RegExp, limit: number): DomElement[] {
  return descendants(scope, MAX_AREA_ELEMENTS)
    .filter((element) => pattern.test(`${element.attribs.class ?? ''} ${element.attribs.id ?? ''} ${element.attribs['data-testid'] ?? ''}`))
    .slice(0, limit);
}
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The element's text when it is at most `max` characters once whitespace is collapsed; undefined for longer ones (never a cut text). */
function shortText(element: DomElement, max: number): string | undefined {
  const limit = max * 4;
  const raw = textOf(element, limit);
  if (raw.length >= limit) return undefined;
  const text = cleanText(raw.replace(BIDI, ''));
  return text && text.length <= max ? text : undefined;
}

/** Each fact's label pattern, anchored to the whole label. */
const WHOLE_LABELS = (Object.keys(FACT_LABELS) as FactKey[]).map((key) => [key, new RegExp(`^(?:${FACT_LABELS[key].source})$`, 'iu')] as const);

/** Which fact a label names ("SKU:", "Artikelnummer", "EAN-13"), if any. */
function factOf(label: string): FactKey | undefined {
  if (label.length > MAX_LABEL * 2) return undefined;
  const clean = label.replace(BIDI, '').replace(/[\s:：#]+$/u, '').trim();
  if (clean.length === 0 || clean.length > MAX_LABEL) return undefined;
  return WHOLE_LABELS.find(([, pattern]) => pattern.test(clean))?.[0];
}

function nextElement(element: DomElement): DomElement | undefined {
  for (let node = element.next; node; node = node.next) if (isElement(node)) return node;
  return undefined;
}

/** The value of a fact element: "Label: value" in one text, or a label element followed by its value element. */
function readFact(element: DomElement): [FactKey, string] | undefined {
  const text = shortText(element, MAX_LABEL + MAX_VALUE);
  if (!text) return undefined;
  const split = /^([^:：]{1,40})[:：]\s*([^:：]+)$/u.exec(text);
  const inline = split ? factOf(split[1]!) : undefined;
  if (inline && split) return isValue(split[2]!) ? [inline, split[2]!] : undefined;
  const key = factOf(text);
  const sibling = key ? nextElement(element) : undefined;
  const value = sibling ? shortText(sibling, MAX_VALUE) : undefined;
  return key && value && isValue(value) && !factOf(value) ? [key, value] : undefined;
}

/** A real value, not a placeholder ("N/A", "-", "none"). */
function isValue(value: string): boolean {
  return !/^(?:n\/?a|-+|–|none|null|keine angabe|k\.\s?a\.|ninguno|aucun|nessuno|brak|\?)$/i.test(value.trim());
}

/** Facts of the spec tables and label lines in `scopes` (the product's area first, then the page). */
export function labelledFacts(scopes: readonly DomElement[]): Partial<Record<FactKey, string>> {
  const facts: Partial<Record<FactKey, string>> = {};
  // The page scope holds the area again: each element is read once.
  const read = new Map<DomElement, [FactKey, string] | undefined>();
  for (const scope of scopes) {
    const elements = descendants(scope, MAX_FACT_ELEMENTS * 4).filter((element) => FACT_TAGS.has(element.tagName.toLowerCase()));
    for (const element of elements.slice(0, MAX_FACT_ELEMENTS)) {
      const fact = read.has(element) ? read.get(element) : readFact(element);
      read.set(element, fact);
      if (fact && facts[fact[0]] === undefined) facts[fact[0]] = fact[1];
    }
  }
  return facts;
}

/**
 * The stock message of the area, else of the buy box around the add-to-cart
 * control (`.stock`, `#availability`), else a labelled availability fact or
 * a short stock line of the area.
 */
export function stockMessage(scopes: readonly DomElement[], fact: string | undefined): Availability | undefined {
  for (const scope of scopes) {
    for (const element of named(scope, STOCK_NAMES, 10)) {
      const availability = availabilityFromText(shortText(element, 120));
      if (availability) return availability;
    }
  }
  return availabilityFromText(fact) ?? stockLine(scopes[0]!);
}

/** A short line of the area that is only a stock message ("売り切れ", "In stock", "Out of stock"). */
function stockLine(area: DomElement): Availability | undefined {
  for (const element of descendants(area, MAX_AREA_ELEMENTS)) {
    if (element.children.some(isElement) || /^(?:button|a|option|label|script|style)$/i.test(element.tagName)) continue;
    const text = shortText(element, 60);
    const availability = text && text.length >= 2 ? availabilityFromText(text) : undefined;
    if (availability && !/add to|cart|korb|panier|carrito|carrello|カート|корзин/i.test(text!)) return availability;
  }
  return undefined;
}

/**
 * The rating and review count of the area's rating widgets (`.rating`,
 * `#reviews`, review apps' `data-average-rating` / `data-number-of-reviews`,
 * "4.50 stars" labels), gathered over the first few; else of a short line
 * with stars ("★★★★☆ 3.7 (1619)", "4.9★ 5,445 Ratings & 605 reviews").
 */
export function visibleRating(area: DomElement): Pick<ProductFields, 'rating' | 'reviewCount'> {
  let rating: number | undefined;
  let count: number | undefined;
  for (const element of named(area, RATING_NAMES, 15)) {
    const a = element.attribs;
    const text = `${shortText(element, 200) ?? ''} ${a['aria-label'] ?? ''} ${a.title ?? ''}`;
    rating ??= toRating(a['data-average-rating'] ?? a['data-rating'] ?? a['data-score'] ?? a['data-grade'] ?? a['data-rating-value']) ?? ratingValue(text, true);
    count ??= toCount(a['data-number-of-reviews'] ?? a['data-review-count'] ?? a['data-reviews-count']) ?? countOf(text);
    if (rating !== undefined && count !== undefined) break;
  }
  if (rating !== undefined || count !== undefined) return compact({ rating, reviewCount: count });
  for (const element of descendants(area, 300)) {
    const text = shortText(element, 40);
    if (!text || !/★|out of 5|von 5|sur 5|de 5|su 5|z 5/.test(text) || ratingValue(text) === undefined) continue;
    const line = element.parent && isElement(element.parent) ? shortText(element.parent, 200) ?? text : text;
    return compact({ rating: ratingValue(text), reviewCount: countOf(text) ?? countOf(line) ?? toCount(/\((\d[\d,.\s]{0,10})\)/.exec(line)?.[1]) });
  }
  return {};
}

function toRating(value: string | undefined): number | undefined {
  const rating = toNumber(value);
  return rating !== undefined && rating >= 0 && rating <= 5 ? rating : undefined;
}

/** A rating out of five in a text: "Rating: 3.8", "4.5 out of 5", "4.4★", "3.7 ·"; a percentage ("90%") only in a rating widget. */
function ratingValue(text: string, widget = false): number | undefined {
  const labelled = /(?:rating|rated|bewertung|note|valoración|valutazione|betyg|ocena|рейтинг|評価)\s*[:：]\s*(\d(?:[.,]\d{1,2})?)(?![\d.,])/iu.exec(text);
  if (labelled) return toRating(labelled[1]);
  const percent = widget ? /(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s?%/.exec(text) : null;
  const fromPercent = percent ? toNumber(percent[1]) : undefined;
  if (fromPercent !== undefined && fromPercent <= 100 && !/\d\s*(?:out of|von|sur|\/)\s*5/.test(text)) return Math.round(fromPercent * 5) / 100;
  const outOf = /(\d(?:[.,]\d{1,2})?)\s*(?:out of|von|sur|de|su|van|z|из|av|af|\/)\s*5(?![\d.,])/iu.exec(text);
  const starred = /(?:^|[\s(])(\d(?:[.,]\d{1,2})?)\s*(?:★|☆|stars?|sterne|étoiles|·|\||\()/iu.exec(text) ?? /★\s*(\d[.,]\d)(?![\d.,])/u.exec(text);
  const value = toNumber((outOf ?? starred)?.[1]);
  return value !== undefined && value >= 0 && value <= 5 ? value : undefined;
}

function countOf(text: string): number | undefined {
  const near = (words: RegExp): number | undefined => {
    const match = new RegExp(`(?<![\\d.,])(\\d{1,3}(?:[,.\\u00a0\\u202f ]\\d{3})+|\\d+)\\s*(?:${words.source})`, 'iu').exec(text);
    return match ? toCount(match[1]) : undefined;
  };
  return near(REVIEW_WORDS) ?? near(RATING_WORDS);
}

/** The brand line of the area ("Brand: Acme", "Visit the Acme Store", a `.product-brand` link), without its label. */
export function visibleBrand(scopes: readonly DomElement[], fact: string | undefined): string | undefined {
  if (fact) return fact;
  const area = scopes[0]!;
  for (const scope of scopes) {
    const linked = brandLink(scope);
    if (linked) return linked;
  }
  for (const element of named(area, BRAND_NAMES, 5)) {
    const text = shortText(element, 80);
    if (!text) continue;
    const brand = text.replace(/^(?:visit the|besuche den|besuchen sie den|visitez la boutique|visita la tienda de|visita lo store di|bezoek de)\s+(.+?)(?:[- ]store|[- ]shop|-?boutique|-?winkel)?$/i, '$1')
      .replace(/^(?:brand|marke|marque|marca|by|von|par|de)\s*[:：]?\s+/i, '').trim();
    if (brand.length > 0 && brand.length <= 60) return brand;
  }
  return undefined;
}

/** A link to the brand's page (`/brands/acme`, `/fr/brand/2-pico`): its text, or its logo's `alt`. */
function brandLink(scope: DomElement): string | undefined {
  for (const element of descendants(scope, MAX_AREA_ELEMENTS)) {
    if (element.tagName.toLowerCase() !== 'a' || !/\/(?:brands?|marken?|marques?|marcas?|merken|manufacturer)\/[^/?#]+/i.test(element.attribs.href ?? '')) continue;
    const logo = descendants(element, 5).find((inner) => inner.tagName.toLowerCase() === 'img');
    const name = shortText(element, 60) ?? cleanText(logo?.attribs.alt);
    if (name && name.length <= 60) return name;
  }
  return undefined;
}

/** The facts as product fields: SKU, MPN, GTIN (check digit verified). */
export function factFields(facts: Partial<Record<FactKey, string>>, headingSku: string | undefined): ProductFields {
  return compact<ProductFields>({ sku: facts.sku ?? headingSku, mpn: facts.mpn, gtin: toGtin(facts.gtin) });
}
