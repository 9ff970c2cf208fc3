import type { CheerioAPI } from 'cheerio/slim';
import type { PriceHint } from '../price/parse-price.js';
import type { DomElement } from './extraction.types.js';
import { textOf } from './element-text.js';
import { isCard } from './product-card.js';
import { priceCandidates, type PriceCandidate } from './shown-price.js';
import { cleanText, isElement } from './text.js';
import { ancestors, closestMatch } from './dom-query.js';

/** Page chrome: a title or price in here is the site's, not the product's (a `<header>` inside `<main>` is content). */
const CHROME = 'nav, footer, aside, [role=banner], [role=navigation], [role=contentinfo]';
const CONTENT = 'main, article, [role=main]';
/** Where the product's name is when there is no `<h1>` for it, most specific first. */
const TITLE_SELECTORS = [
  '[itemprop=name]', '[class*=product-title i]', '[class*=product_title i]', '[class*=producttitle i]', '[class*=product-name i]',
  '[class*=product_name i]', '[class*=productname i]', '[id*=producttitle i]', '[id*=product-title i]', '[data-testid*=title i]',
  '[class*=detailtitle i]', '[class*=pageheading i]', '[class*=title i]', 'h2',
].join(', ');
const MAX_TITLE_CANDIDATES = 6;
const ANCESTOR_LEVELS = 6;

/** The text of a heading: before its first `<br>` (legacy themes put the SKU on a second line), whitespace collapsed. */
export function headingText(element: DomElement): string | undefined {
  const parts: string[] = [];
  for (const child of element.children) {
    if (isElement(child) && child.tagName.toLowerCase() === 'br') break;
    parts.push(isElement(child) ? textOf(child, 400) : 'data' in child && typeof child.data === 'string' ? child.data : '');
  }
  const text = cleanText(parts.join(''));
  return text && text.length >= 2 && text.length <= 300 ? text : undefined;
}

/**
 * The elements that may hold the product's name, in order: the `<h1>`s
 * outside the page chrome, then (when there is none) product-title-like
 * elements and `<h2>`s outside the chrome. Never one inside a link or a
 * product card (a grid's item names).
 */
export function titleCandidates($: CheerioAPI): DomElement[] {
  const outsideChrome = (element: DomElement): boolean => {
    if (closestMatch(element, CHROME) !== undefined || closestMatch(element, 'a[href]') !== undefined || headingText(element) === undefined) return false;
    const header = closestMatch(element, 'header');
    if (header !== undefined && closestMatch(header, CONTENT) === undefined) return false;
    return !insideCard($, element);
  };
  const headings = $('h1').toArray().filter(isElement).filter(outsideChrome);
  if (headings.length > 0) return headings.slice(0, 3);
  return $(TITLE_SELECTORS).toArray().filter(isElement).filter(outsideChrome).slice(0, MAX_TITLE_CANDIDATES);
}

/** True when an element sits in a product card of a grid (within a few levels). */
function insideCard($: CheerioAPI, element: DomElement): boolean {
  return ancestors(element, 10).some(isCard);
}

/** The product's area and the prices shown in it. */
export interface ProductArea {
  area: DomElement;
  /** The title element the area was found from, if it was found from one. */
  title?: DomElement;
  prices: PriceCandidate[];
}

/**
 * The part of the page that holds the product's own price: the nearest
 * ancestor of a title candidate (else of the add-to-cart control) that shows
 * a current price. Undefined when none does within a few levels, or when the
 * anchor sits in a product card of a grid (a listing, not a product).
 */
export function findProductArea($: CheerioAPI, titles: readonly DomElement[], control: DomElement | undefined, hint: PriceHint): ProductArea | undefined {
  const anchors = control && !insideCard($, control) ? [...titles, control] : titles;
  for (const anchor of anchors) {
    let node: DomElement = anchor;
    for (let level = 0; level < ANCESTOR_LEVELS; level++) {
      const parent = node.parent;
      if (!parent || !isElement(parent)) break;
      const tag = parent.tagName.toLowerCase();
      if (tag === 'body' || tag === 'html' || isCard(parent)) break;
      const prices = priceCandidates(parent, hint);
      if (prices.some((candidate) => !candidate.struck)) return { area: parent, prices, ...(anchor !== control ? { title: anchor } : {}) };
      node = parent;
    }
  }
  return undefined;
}
