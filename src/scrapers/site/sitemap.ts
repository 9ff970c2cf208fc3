import type { SitemapEntry } from '../../domain/ports/site-explorer.port.js';

/** The sitemap protocol's limit of URLs per file; entries past it are ignored. */
export const MAX_SITEMAP_ENTRIES = 50_000;

/** A sitemap file read: an index of sitemaps, or a set of page URLs. */
export interface ParsedSitemap {
  kind: 'index' | 'urlset';
  entries: SitemapEntry[];
}

/** What a sitemap file or a URL it lists looks like it holds. */
export type SitemapUrlKind = 'product' | 'category' | 'other';

const ROOT = /<(?:([\w.-]+):)?(urlset|sitemapindex)[\s>/]/;

/**
 * Parses a sitemap (sitemaps.org 0.9): `<urlset>` or `<sitemapindex>`, with
 * or without a namespace prefix, CDATA, entities, comments, a BOM and stray
 * whitespace; also a plain-text sitemap (one URL a line). Only `<loc>` in the
 * sitemap namespace counts (never `image:loc`). Entries must be http(s) URLs
 * (relative ones are resolved against `baseUrl` when given); at most
 * MAX_SITEMAP_ENTRIES are read. Anything else yields an empty urlset.
 * Scans in linear time; no DOM is built.
 */
export function parseSitemap(text: string, baseUrl?: string): ParsedSitemap {
  const xml = stripComments(text.replace(/^\uFEFF/, ''));
  const root = ROOT.exec(xml);
  if (!root) return { kind: 'urlset', entries: parseTextSitemap(xml, baseUrl) };
  const prefix = root[1] ? `${root[1]}:` : '';
  const kind = root[2] === 'sitemapindex' ? 'index' : 'urlset';
  const entries = scanEntries(xml, prefix, kind === 'index' ? 'sitemap' : 'url', root.index, baseUrl);
  return { kind, entries };
}

function scanEntries(xml: string, prefix: string, tag: string, from: number, baseUrl: string | undefined): SitemapEntry[] {
  const name = escapeRegExp(prefix + tag);
  const open = new RegExp(`<${name}(?:\\s[^>]*)?>`, 'g');
  const close = new RegExp(`</${name}\\s*>`, 'g');
  const loc = elementText(prefix, 'loc');
  const lastmod = elementText(prefix, 'lastmod');
  const entries: SitemapEntry[] = [];
  open.lastIndex = from;
  for (let start = open.exec(xml); start && entries.length < MAX_SITEMAP_ENTRIES; start = open.exec(xml)) {
    close.lastIndex = open.lastIndex;
    const end = close.exec(xml);
    if (!end) break;
    const block = xml.slice(open.lastIndex, end.index);
    open.lastIndex = close.lastIndex;
    const url = toUrl(textOf(loc.exec(block)?.[1]), baseUrl);
    if (!url) continue;
    const modified = textOf(lastmod.exec(block)?.[1]);
    entries.push(modified ? { url, lastModified: modified } : { url });
  }
  return entries;
}

function elementText(prefix: string, tag: string): RegExp {
  const name = escapeRegExp(prefix + tag);
  return new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}\\s*>`);
}

function parseTextSitemap(text: string, baseUrl: string | undefined): SitemapEntry[] {
  if (!/^\s*https?:\/\//i.test(text)) return [];
  const entries: SitemapEntry[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const url = /^https?:\/\//i.test(line.trim()) ? toUrl(line.trim(), baseUrl) : undefined;
    if (url) entries.push({ url });
    if (entries.length >= MAX_SITEMAP_ENTRIES) break;
  }
  return entries;
}

/** Removes `<!-- -->` comments; an unclosed one hides the rest of the file. */
function stripComments(xml: string): string {
  if (!xml.includes('<!--')) return xml;
  let out = '';
  let position = 0;
  for (let start = xml.indexOf('<!--'); start >= 0; start = xml.indexOf('<!--', position)) {
    out += xml.slice(position, start);
    const end = xml.indexOf('-->', start + 4);
    if (end < 0) return out;
    position = end + 3;
  }
  return out + xml.slice(position);
}

/** Element content as text: CDATA sections kept verbatim, entities decoded elsewhere, trimmed. */
function textOf(content: string | undefined): string | undefined {
  if (content === undefined) return undefined;
  let out = '';
  let position = 0;
  for (let start = content.indexOf('<![CDATA['); start >= 0; start = content.indexOf('<![CDATA[', position)) {
    out += decodeXmlEntities(content.slice(position, start));
    const end = content.indexOf(']]>', start + 9);
    if (end < 0) return (out + content.slice(start + 9)).trim();
    out += content.slice(start + 9, end);
    position = end + 3;
  }
  out += decodeXmlEntities(content.slice(position));
  return out.trim() || undefined;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references; unknown ones stay as written. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] !== '#') return XML_ENTITIES[name] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function toUrl(value: string | undefined, baseUrl: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const CATEGORY_FILE = /collection|categor(?:y|ies)|product[_-]cat|taxonom(?:y|ies)[_-]product/;
const PRODUCT_FILE = /products?(?![a-z])/;
const LOW_VALUE_FILE = /blog|posts?(?![a-z])|articles?|pages?(?![=a-z])|authors?|tags?(?![a-z])|news|videos?|images?|store[_-]?locat/;

/**
 * What a sitemap file holds, from its name (last path segment and query):
 * Shopify `sitemap_products_1.xml` / `sitemap_collections_1.xml`, Yoast
 * `product-sitemap.xml` / `product_cat-sitemap.xml`, WordPress
 * `wp-sitemap-taxonomies-product_cat-1.xml`, BigCommerce
 * `xmlsitemap.php?type=categories`, Salesforce `sitemap_0-product.xml`.
 */
export function classifySitemapFile(sitemapUrl: string): SitemapUrlKind {
  const name = fileName(sitemapUrl);
  if (CATEGORY_FILE.test(name)) return 'category';
  if (PRODUCT_FILE.test(name)) return 'product';
  return 'other';
}

/**
 * The order sitemaps are read in under a budget: category sitemaps first,
 * then unknown ones, then product sitemaps, then blog/page/image sitemaps.
 */
export function sitemapPriority(sitemapUrl: string): number {
  const kind = classifySitemapFile(sitemapUrl);
  if (kind === 'category') return 0;
  if (kind === 'product') return 2;
  return LOW_VALUE_FILE.test(fileName(sitemapUrl)) ? 3 : 1;
}

function fileName(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname.split('/').pop() ?? ''}${parsed.search}`.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

const PRODUCT_PATH = /\/(?:products?|p)\/[^/]/;
const CATEGORY_PATH = /\/(?:collections|product-category|categories|category|c)\/[^/]/;

/**
 * What a URL listed in a sitemap looks like: a product (`/products/`,
 * `/product/`, `/p/`; Shopify `/collections/x/products/y` too), a category
 * (`/collections/`, `/product-category/`, `/category/`, `/c/`), else what its
 * sitemap file holds (so `.html` pages of `sitemap_products_1.xml` count as
 * products), else other.
 */
export function classifySitemapUrl(url: string, fileKind: SitemapUrlKind = 'other'): SitemapUrlKind {
  let path: string;
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    return 'other';
  }
  if (PRODUCT_PATH.test(path)) return 'product';
  if (CATEGORY_PATH.test(path)) return 'category';
  return fileKind;
}
