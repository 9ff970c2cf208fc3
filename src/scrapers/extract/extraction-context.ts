import type { CheerioAPI } from 'cheerio/slim';
import type { Platform } from '../../domain/entities/site.js';
import type { FetchedPage } from '../../domain/ports/page-fetcher.port.js';
import type { ExtractOptions } from '../../domain/ports/product-extractor.port.js';
import { parsePrice, toCurrencyCode, type PriceHint } from '../price/parse-price.js';
import type { ExtractionContext, JsonObject, MetaMap, ScriptBlock } from './extraction.types.js';
import { selectAll, selectFirst } from './dom-query.js';
import { jsonLdNodes } from './json-ld.source.js';
import { findAssignedJson, readScripts, stringAssignedTo } from './script-data.js';
import { cleanText, first, isObject, list } from './text.js';

/** Related URLs fetched per page at most (Shopify's `.js`, then `.json`). */
export const MAX_RELATED_FETCHES = 2;

/** Every `<meta property|name|itemprop=... content=...>` by lower-cased key, in document order. */
export function readMeta($: CheerioAPI): MetaMap {
  const meta = new Map<string, string[]>();
  for (const element of $('meta[content]').toArray()) {
    const attributes = element.attribs;
    const key = (attributes.property ?? attributes.name ?? attributes['http-equiv'] ?? '').trim().toLowerCase();
    const value = attributes.content;
    if (!key || value === undefined) continue;
    const values = meta.get(key) ?? [];
    values.push(value);
    meta.set(key, values);
  }
  return meta;
}

/** The first non-empty value of the first of `keys` the page has, whitespace collapsed. */
export function metaValue(meta: MetaMap, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const value of meta.get(key) ?? []) {
      const text = cleanText(value);
      if (text) return text;
    }
  }
  return undefined;
}

/** A locale as a BCP 47 tag: "en_US" -> "en-US"; undefined for junk. */
export function normalizeLocale(value: string | undefined): string | undefined {
  const text = value?.trim().replace(/_/g, '-');
  return text && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(text) ? text : undefined;
}

/** The first `priceCurrency` anywhere in the page's JSON-LD. */
function jsonLdCurrency(nodes: readonly JsonObject[]): string | undefined {
  for (const node of nodes) {
    for (const offer of [...list(node.offers), node]) {
      if (!isObject(offer)) continue;
      const currency = toCurrencyCode(cleanText(first(offer.priceCurrency)));
      if (currency) return currency;
    }
  }
  return undefined;
}

/** The currency the page names somewhere other than next to a price. */
function declaredCurrency($: CheerioAPI, meta: MetaMap, jsonLd: readonly JsonObject[], scripts: readonly ScriptBlock[]): string | undefined {
  return jsonLdCurrency(jsonLd)
    ?? toCurrencyCode(metaValue(meta, 'product:price:currency', 'og:price:currency', 'product:sale_price:currency', 'pricecurrency'))
    ?? markupCurrency($)
    ?? toCurrencyCode(stringAssignedTo(scripts, 'ShopifyAnalytics.meta.currency'))
    ?? toCurrencyCode(shopifyActiveCurrency(scripts));
}

/** A microdata or RDFa `priceCurrency` (content, else text). */
function markupCurrency($: CheerioAPI): string | undefined {
  const element = selectFirst($, '[itemprop=priceCurrency], [property="schema:priceCurrency"], [property=priceCurrency]');
  return toCurrencyCode(element?.attribs.content ?? cleanText(element ? $(element).text() : ''));
}

/** `Shopify.currency = {"active":"EUR","rate":"1.0"}`: the currency a Shopify storefront shows. */
function shopifyActiveCurrency(scripts: readonly ScriptBlock[]): string | undefined {
  const value = findAssignedJson(scripts, ['Shopify.currency']);
  return isObject(value) && typeof value.active === 'string' ? value.active : undefined;
}

/** The currency of the first price-looking element, read with the locale and host only. */
function visibleCurrency($: CheerioAPI, hint: PriceHint): string | undefined {
  for (const element of selectAll($, '[itemprop=price], .price, .product-price, .woocommerce-Price-amount, [data-price-amount]').slice(0, 10)) {
    const money = parsePrice($(element).text().slice(0, 200), hint);
    if (money) return money.currency;
  }
  return undefined;
}

/** What prices on this page are read with: its currency, locale and host. */
export function pageHint($: CheerioAPI, page: FetchedPage, parts: { meta: MetaMap; jsonLd: readonly JsonObject[]; scripts: readonly ScriptBlock[] }): PriceHint {
  const locale = normalizeLocale(selectFirst($, 'html')?.attribs.lang) ?? normalizeLocale(metaValue(parts.meta, 'og:locale'))
    ?? normalizeLocale(page.headers['content-language']?.split(',')[0]);
  let host: string | undefined;
  try {
    host = new URL(page.url).hostname;
  } catch {
    host = undefined;
  }
  const base: PriceHint = { ...(locale ? { locale } : {}), ...(host ? { host } : {}) };
  const currency = declaredCurrency($, parts.meta, parts.jsonLd, parts.scripts) ?? visibleCurrency($, base);
  return { ...base, ...(currency ? { currency } : {}) };
}

/**
 * The related-URL fetcher a page's steps share: same-site http(s) URLs only,
 * at most MAX_RELATED_FETCHES, and any failure is null (the steps fall back).
 */
export function relatedFetcher(pageUrl: string, fetchRelated: ExtractOptions['fetchRelated']): (url: string) => Promise<FetchedPage | null> {
  let used = 0;
  return async (url) => {
    if (!fetchRelated || used >= MAX_RELATED_FETCHES || !sameOrigin(url, pageUrl)) return null;
    used++;
    try {
      const page = await fetchRelated(url);
      return page && page.status >= 200 && page.status < 300 ? page : null;
    } catch {
      return null;
    }
  };
}

function sameOrigin(url: string, pageUrl: string): boolean {
  try {
    const target = new URL(url);
    return /^https?:$/.test(target.protocol) && target.host === new URL(pageUrl).host;
  } catch {
    return false;
  }
}

/** Everything the steps share, read once from the parsed page. */
export function buildContext($: CheerioAPI, page: FetchedPage, platform: Platform, options: ExtractOptions): ExtractionContext {
  const scripts = readScripts($);
  const meta = readMeta($);
  const jsonLd = jsonLdNodes(scripts);
  const hint = pageHint($, page, { meta, jsonLd, scripts });
  return {
    $, pageUrl: page.url, baseUrl: baseUrlOf($, page.url), page, platform, jsonLd, scripts, meta, hint,
    fetchRelated: relatedFetcher(page.url, options.fetchRelated),
  };
}

/** The document's base URL: an absolute http(s) `<base href>`, resolved against the page URL, else the page URL. */
function baseUrlOf($: CheerioAPI, pageUrl: string): string {
  const href = selectFirst($, 'base[href]')?.attribs.href;
  if (!href) return pageUrl;
  try {
    const base = new URL(href, pageUrl);
    return /^https?:$/.test(base.protocol) ? base.href : pageUrl;
  } catch {
    return pageUrl;
  }
}
