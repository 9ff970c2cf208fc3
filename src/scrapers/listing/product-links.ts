/** Product links of a listing page: cards, platform link patterns and JSON-LD ItemList. */
import type { Platform } from '../../domain/entities/site.js';
import type { ListedProduct } from '../../domain/ports/listing-scraper.port.js';
import type { DomElement } from '../extract/extraction.types.js';
import { collectJsonLd } from '../extract/json-ld.source.js';
import { hasType } from '../extract/schema-node.js';
import { isObject, list, toNumber } from '../extract/text.js';
import {
  elementSet, isSamePage, isWithin, sameHostLink, sectionSet, siteChrome, type ListingDocument,
} from './listing-dom.js';
import { cardOf, productCards, signalsFor, type ProductSignals } from './product-signals.js';

/** The listing's own container, most specific signal last; the first one holding product links wins. */
const MAIN_SCOPES = ['main', '#main', '[role=main]', '.products', '.collection'];

/** Recommendation blocks ("recently viewed", "you may also like"): never the listing itself. */
const RECOMMENDATIONS = [
  '[class*=recently-viewed i]', '[class*=recently_viewed i]', '[class*=recentlyviewed i]', '[id*=recently-viewed i]',
  '[id*=recentlyviewed i]', '[class*=also-like i]', '[class*=may-like i]', '[class*=recommend i]', '[id*=recommend i]',
  '[class*=upsell i]', '[class*=up-sell i]', '[class*=cross-sell i]', '[class*=crosssell i]', '[class*=related-product i]',
  '.related', '#related', 'product-recommendations', 'recently-viewed-products',
].join(', ');

/** Path segments of cart, account and comparison links that sit inside product cards. */
const JUNK_SEGMENT = /^(?:cart|checkout|wishlist|compare|login|account|signin|register|cart\.php|wishlist\.php|compare\.php|login\.php)$/i;
const JUNK_PARAM = /^(?:add[-_]to[-_](?:cart|wishlist|compare)|add[-_]?to[-_]?cart)$/i;
/** Listing, brand and search paths: a card linking there is not a product. */
const LISTING_PATH = /\/(?:collections|product-category|brands?|search|tags?)(?:\/[^/]*)?\/?$/i;

interface Candidate {
  url: URL;
  /** Position of the link among the page's links. */
  index: number;
  element: DomElement;
  /** Matched a product link selector or product path, not only "first link of a card". */
  strong: boolean;
}

/**
 * Product URLs of a listing page in page order (1-based positions): one per
 * product card (its product-looking link, else its first usable link), plus
 * links matching the platform's product selectors and paths, inside the main
 * listing container, outside site chrome and recommendation blocks; then
 * JSON-LD ItemList entries not already found. Same host only, fragments
 * removed, first occurrence kept, query (tracking parameters too) kept as is.
 */
export function findProductLinks(doc: ListingDocument, platform: Platform): ListedProduct[] {
  const urls = new Set<string>();
  for (const candidate of domCandidates(doc, signalsFor(platform))) urls.add(candidate.url.href);
  for (const url of itemListUrls(doc)) urls.add(url);
  return [...urls].map((url, index) => ({ url, position: index + 1 }));
}

function domCandidates(doc: ListingDocument, signals: ProductSignals): Candidate[] {
  const { $ } = doc;
  const excluded = new Set([...siteChrome($), ...sectionSet($, RECOMMENDATIONS)]);
  const cards = productCards($, signals);
  const productLinks = signals.linkSelectors.length > 0 ? elementSet($, signals.linkSelectors.join(', ')) : new Set<object>();
  const loose: Candidate[] = [];
  const bestOfCard = new Map<object, Candidate>();
  $('a[href]').each((index, element) => {
    if (isWithin(element, excluded)) return;
    const url = sameHostLink(doc, element.attribs.href);
    if (!url || isSamePage(url, doc.pageUrl) || isJunk(url)) return;
    const strong = productLinks.has(element) || signals.pathPatterns.some((pattern) => pattern.test(url.pathname));
    const candidate: Candidate = { url, index, element, strong };
    const card = cardOf(element, cards);
    if (!card) {
      if (strong) loose.push(candidate);
      return;
    }
    const best = bestOfCard.get(card);
    if (!best ? strong || !LISTING_PATH.test(url.pathname) : strong && !best.strong) bestOfCard.set(card, candidate);
  });
  const all = [...loose, ...bestOfCard.values()].sort((a, b) => a.index - b.index);
  return inMainScope(doc, all);
}

function isJunk(url: URL): boolean {
  if (url.pathname.split('/').some((segment) => JUNK_SEGMENT.test(segment))) return true;
  for (const key of url.searchParams.keys()) if (JUNK_PARAM.test(key)) return true;
  return false;
}

/** The candidates inside the first main-listing container that holds any; all of them when none does. */
function inMainScope(doc: ListingDocument, candidates: Candidate[]): Candidate[] {
  for (const selector of MAIN_SCOPES) {
    const scope = elementSet(doc.$, selector);
    if (scope.size === 0) continue;
    const inside = candidates.filter((candidate) => isWithin(candidate.element, scope));
    if (inside.length > 0) return inside;
  }
  return candidates;
}

/** URLs of JSON-LD `ItemList` entries (`url`, `item` or `item.url`), in `position` order, same host only. */
function itemListUrls(doc: ListingDocument): string[] {
  const urls: string[] = [];
  for (const node of collectJsonLd(doc.$)) {
    if (!hasType(node, 'ItemList')) continue;
    const entries = list(node.itemListElement).map((entry, index) => ({ entry, order: positionOf(entry) ?? index + 1 }));
    entries.sort((a, b) => a.order - b.order);
    for (const { entry } of entries) {
      const url = sameHostLink(doc, entryUrl(entry));
      if (url && !isSamePage(url, doc.pageUrl)) urls.push(url.href);
    }
  }
  return urls;
}

function positionOf(entry: unknown): number | undefined {
  return isObject(entry) ? toNumber(entry.position) : undefined;
}

function entryUrl(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (!isObject(entry)) return undefined;
  if (typeof entry.url === 'string') return entry.url;
  if (typeof entry.item === 'string') return entry.item;
  if (isObject(entry.item)) {
    const { url, '@id': id } = entry.item;
    if (typeof url === 'string') return url;
    if (typeof id === 'string') return id;
  }
  return undefined;
}
