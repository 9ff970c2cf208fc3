import { contains, type CheerioAPI } from 'cheerio/slim';
import { findAddToCart } from './add-to-cart.js';
import type { DomElement, ExtractionContext, ExtractionSource, ProductFields, SourceResult } from './extraction.types.js';
import { normalizeLocale } from './extraction-context.js';
import { toGtin } from './gtin.js';
import { addImages, galleryImages, imageSource } from './page-images.js';
import { findProductArea, headingText, titleCandidates } from './product-area.js';
import { compact } from './schema-offers.js';
import { textOf } from './element-text.js';
import { isCard } from './product-card.js';
import { distinctShownAmounts, shownPrice } from './shown-price.js';
import { closestMatch, descendants, elementsBelow, matcher, pageElements, selectFirst, selectInside, type DescendantPairs } from './dom-query.js';
import { absoluteUrl, cleanText, isElement, plainText } from './text.js';
import { factFields, labelledFacts, stockMessage, visibleBrand, visibleRating } from './visible-facts.js';

/** More different prices than this around the title is a product grid, not a product. */
const MAX_PRODUCT_AMOUNTS = 3;
/**
 * Breadcrumb links: the links of the usual containers and the names of a
 * microdata BreadcrumbList, as the query `nav[aria-label*=breadcrumb i] a,
 * [itemtype$=BreadcrumbList] [itemprop=name], [class*=breadcrumb i] a, ...`
 * would find them (see `selectInside`).
 */
export const BREADCRUMBS: DescendantPairs = [
  ['nav[aria-label*=breadcrumb i], [class*=breadcrumb i], [id*=breadcrumb i], [class*=crumbs i], [class*=topicpath i], .headerNavigation', 'a'],
  ['[itemtype$=BreadcrumbList]', '[itemprop=name]'],
];
const DESCRIPTIONS = [
  '.product-description', '.product__description', '#product-description', '.product-single__description', '[data-product-description]',
  '.woocommerce-Tabs-panel--description', '#tab-description', '.productView-description', '.product.attribute.description .value',
  '.description-and-detail .description .content', '[data-testid*=description i]', '#feature-bullets', '[class*=description i]',
  '[id*=description i]', '[class*=__desc i]', '[class*=-desc i]',
].join(', ');
const CHROME = 'header, nav, footer, aside';
/** `data-*` attributes storefront themes put on the product's container or form. */
const DATA_ATTRIBUTES: Record<'sku' | 'brand' | 'gtin' | 'mpn', readonly string[]> = {
  sku: ['data-product-sku', 'data-sku'],
  brand: ['data-product-brand', 'data-brand'],
  gtin: ['data-product-gtin', 'data-gtin', 'data-ean', 'data-product-barcode', 'data-barcode', 'data-upc'],
  mpn: ['data-product-mpn', 'data-mpn'],
};
const DATA_SELECTOR = Object.values(DATA_ATTRIBUTES).flat().map((name) => `[${name}]`).join(', ');

/** The first breadcrumb trail of the page (outside header and footer): the links of its container, in order. */
function breadcrumbLinks($: CheerioAPI): string[] {
  const links = selectInside($, BREADCRUMBS).slice(0, 60).filter((link) => closestMatch(link, 'header, footer') === undefined);
  if (links.length === 0) return [];
  const container = closestMatch(links[0]!, 'nav, ol, ul, td') ?? $(links[0]!).parent().parent().get(0);
  const names: string[] = [];
  for (const link of links) {
    if (container && !contains(container, link)) continue;
    const name = cleanText($(link).text());
    if (name && name.length <= 100 && names[names.length - 1] !== name) names.push(name);
  }
  return names;
}

const HOME_WORDS = /^(?:home|home ?page|start|startseite|accueil|inicio|início|página inicial|pagina iniziale|главная|ホーム|トップ|top|strona główna|hem|startsida|hjem|etusivu|startpagina|首页)$/i;

/**
 * A breadcrumb trail without breadcrumb names (obfuscated classes): near the
 * product, an element whose children each hold one short link, the first of
 * them to the home page.
 */
function linkTrail($: CheerioAPI, area: DomElement): string[] {
  const scope = area.parent && isElement(area.parent) ? area.parent : area;
  for (const element of descendants(scope, 2000)) {
    const items = element.children.filter(isElement).filter((child) => child.tagName.toLowerCase() !== 'svg');
    if (items.length < 2 || items.length > 8) continue;
    const links = items.map((item) => (item.tagName.toLowerCase() === 'a' ? [item] : descendants(item, 10).filter((inner) => inner.tagName.toLowerCase() === 'a')));
    if (!links.every((found) => found.length === 1)) continue;
    const names = links.map((found) => cleanText($(found[0]!).text()) ?? '');
    const first = links[0]![0]!;
    let home = false;
    try {
      home = new URL(first.attribs.href ?? '', 'http://x.invalid/').pathname === '/';
    } catch {
      home = false;
    }
    if ((home || HOME_WORDS.test(names[0]!)) && names.every((name) => name.length > 0 && name.length <= 60)) return names;
  }
  return [];
}

/** The first value of any of `names` on the product's area or an element in it (attribute value, else its text). */
function dataAttribute($: CheerioAPI, candidates: readonly DomElement[], names: readonly string[]): string | undefined {
  for (const name of names) {
    for (const element of candidates) {
      const value = element.attribs[name];
      if (value === undefined) continue;
      const text = cleanText(value) ?? cleanText($(element).text());
      if (text && text.length <= 100) return text;
    }
  }
  return undefined;
}

function dataAttributes($: CheerioAPI, area: DomElement): ProductFields {
  const cards = new Map<DomElement, boolean>();
  const card = (element: DomElement): boolean => {
    if (!cards.has(element)) cards.set(element, isCard(element));
    return cards.get(element)!;
  };
  const inCard = (element: DomElement): boolean => {
    for (let node: DomElement | null = element; node && node !== area; node = node.parent && isElement(node.parent) ? node.parent : null) if (card(node)) return true;
    return false;
  };
  const inside = elementsBelow(area).filter(matcher(DATA_SELECTOR)).slice(0, 50);
  const candidates = [area, ...inside.filter((element) => !inCard(element))];
  return compact<ProductFields>({
    sku: dataAttribute($, candidates, DATA_ATTRIBUTES.sku),
    brand: dataAttribute($, candidates, DATA_ATTRIBUTES.brand),
    gtin: toGtin(dataAttribute($, candidates, DATA_ATTRIBUTES.gtin)),
    mpn: dataAttribute($, candidates, DATA_ATTRIBUTES.mpn),
  });
}

/** A visible description outside the chrome, at least a sentence long: of the first 20 candidates, read in order until one is. */
function visibleDescription($: CheerioAPI): string | undefined {
  const isCandidate = matcher(DESCRIPTIONS);
  let candidates = 0;
  for (const element of pageElements($)) {
    if (!isCandidate(element)) continue;
    if (++candidates > 20) break;
    if (closestMatch(element, CHROME) !== undefined) continue;
    const text = plainText(textOf(element, 20_000));
    if (text && text.length >= 20) return text;
  }
  return undefined;
}

/** Gallery images, and images of the page whose `alt` is the product's name (the hi-res variant when given). */
function images($: CheerioAPI, pageUrl: string, title: string | undefined): string[] {
  const found = galleryImages($, pageUrl);
  if (!title) return found;
  const name = title.toLowerCase();
  const named = $('img[alt]').slice(0, 300).toArray().filter(isElement)
    .filter((image) => (cleanText(image.attribs.alt) ?? '').toLowerCase() === name && closestMatch(image, CHROME) === undefined);
  addImages(found, named.map((image) => absoluteUrl(image.attribs['data-old-hires'] || imageSource(image), pageUrl)));
  return found;
}

/** "[SN03905]" on the second line of a legacy heading. */
function headingSku(title: DomElement | undefined): string | undefined {
  if (!title) return undefined;
  return /\[([\w./-]{3,40})\]\s*$/.exec(cleanText(textOf(title, 400)) ?? '')?.[1];
}

/** The buy box: up to a few levels around the add-to-cart control, short of the area's ancestors (marketplaces put the stock line there). */
function buyBox(control: DomElement | undefined, area: DomElement): DomElement | undefined {
  let box: DomElement | undefined;
  for (let node = control?.parent, level = 0; node && isElement(node) && level < 3; node = node.parent, level++) {
    if (node === area || contains(node, area) || contains(area, node)) break;
    box = node;
  }
  return box;
}

function areaFields($: CheerioAPI, area: DomElement, title: DomElement | undefined, control: DomElement | undefined): ProductFields {
  const main = selectFirst($, 'main, [role=main], #main, #content') ?? selectFirst($, 'body');
  const scopes = main && isElement(main) && !contains(area, main) ? [area, main] : [area];
  const facts = labelledFacts(scopes);
  const data = dataAttributes($, area);
  return compact<ProductFields>({
    ...data,
    ...factFields(facts, headingSku(title)),
    brand: visibleBrand(scopes, facts.brand) ?? data.brand,
    ...visibleRating(area),
    availability: stockMessage([area, buyBox(control, area)].filter((scope): scope is DomElement => scope !== undefined), facts.availability),
  });
}

/**
 * What the page visibly shows: the title (an `<h1>`, else a product-title
 * element), the prices near it (current, and the struck-through or
 * "was"-labelled old one), the stock message and add-to-cart state, spec
 * facts (SKU, model, EAN, brand), the rating line, `data-product-*`
 * attributes, a visible description, breadcrumbs, the canonical link,
 * `html[lang]` and the images. The `<title>` is a fallback.
 */
export const markupSource: ExtractionSource = {
  name: 'markup',
  extract(context: ExtractionContext): SourceResult {
    const { $, baseUrl: pageUrl, hint } = context;
    const titles = titleCandidates($);
    const control = findAddToCart($).control;
    const found = findProductArea($, titles, control, hint);
    const titleElement = found?.title ?? titles[0];
    const title = titleElement ? headingText(titleElement) : undefined;
    const addToCart = findAddToCart($, found?.area);
    const shown = found ? shownPrice(found.prices) : {};
    const visible = found ? areaFields($, found.area, found.title, addToCart.control) : {};
    const breadcrumbs = breadcrumbLinks($);
    const fields = compact<ProductFields>({
      ...visible,
      title,
      description: visibleDescription($),
      price: shown.price,
      compareAtPrice: shown.compareAtPrice,
      availability: visible.availability ?? addToCart.state.availability,
      images: images($, pageUrl, title),
      breadcrumbs: breadcrumbs.length > 0 || !found ? breadcrumbs : linkTrail($, found.area),
      canonicalUrl: absoluteUrl(selectFirst($, 'link[rel~=canonical i]')?.attribs.href, pageUrl),
      language: normalizeLocale(selectFirst($, 'html')?.attribs.lang),
    });
    const titleTag = selectFirst($, 'title');
    const fallback = compact<ProductFields>({ title: cleanText(titleTag ? $(titleTag).text() : '') });
    const evidence = addToCart.state.found || visible.availability !== undefined || visible.sku !== undefined || visible.gtin !== undefined
      || shown.compareAtPrice !== undefined;
    const productSignal = title !== undefined && shown.price !== undefined && evidence && distinctShownAmounts(found?.prices ?? []) <= MAX_PRODUCT_AMOUNTS;
    return { source: 'markup', productSignal, fields, fallback, shown };
  },
};
