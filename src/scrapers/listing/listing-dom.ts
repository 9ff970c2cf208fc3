/** What the listing steps share about one parsed page: the document, its URL, how to resolve its links. */
import type { CheerioAPI } from 'cheerio/slim';
import type { DomElement } from '../extract/extraction.types.js';
import { isElement } from '../extract/text.js';

/** One parsed listing page. */
export interface ListingDocument {
  $: CheerioAPI;
  /** The page URL (after redirects), without fragment. */
  pageUrl: URL;
  /** What relative links resolve against: `<base href>` when the page has one, else the page URL. */
  base: string;
}

/** The tree field of a parsed node (domhandler), typed structurally to keep the vendor types out. */
interface TreeNode {
  parent: TreeNode | null;
}

/** Site chrome: menus and banners whose links are never listing content. */
const CHROME = 'nav, aside, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], [aria-modal=true]';
/** `header` / `footer` are site chrome unless they belong to a section of the content (a card's header). */
const SECTIONING = 'main, article, section, [role=main]';

/** Builds the shared view of a page. Never throws for a valid page URL. */
export function listingDocument($: CheerioAPI, pageUrl: string): ListingDocument {
  const url = new URL(pageUrl);
  url.hash = '';
  const baseHref = $('base[href]').first().attr('href');
  return { $, pageUrl: url, base: (baseHref && resolveHttp(baseHref, url.href)?.href) || url.href };
}

/** An absolute http(s) URL without fragment, or undefined for anything unusable (`#`, `javascript:`, malformed). */
export function resolveHttp(href: string | undefined, base: string): URL | undefined {
  const text = href?.trim();
  if (!text || text.startsWith('#') || text.length > 2048) return undefined;
  try {
    const url = new URL(text, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url;
  } catch {
    return undefined;
  }
}

/** A link of the page resolved, kept only when it stays on the page's host. */
export function sameHostLink(doc: ListingDocument, href: string | undefined): URL | undefined {
  const url = resolveHttp(href, doc.base);
  return url && url.host.toLowerCase() === doc.pageUrl.host.toLowerCase() ? url : undefined;
}

/** True when `url` is the page itself (ignoring fragment and a trailing slash). */
export function isSamePage(url: URL, pageUrl: URL): boolean {
  return url.search === pageUrl.search && url.host.toLowerCase() === pageUrl.host.toLowerCase()
    && trimSlash(url.pathname) === trimSlash(pageUrl.pathname);
}

/** A path without its trailing slashes (`/` stays `/`). */
export function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}

/** The elements matching `selector`, in page order. */
export function elementsOf($: CheerioAPI, selector: string): DomElement[] {
  return $(selector).toArray().filter(isElement);
}

/** The elements of `selector` as a set, for fast ancestor checks. */
export function elementSet($: CheerioAPI, selector: string): Set<object> {
  return new Set<object>(elementsOf($, selector));
}

/**
 * The elements of `selector` that are page sections, not page-wide wrappers:
 * a body class such as `has-filters` or `recommendations-on` must not swallow the page.
 */
export function sectionSet($: CheerioAPI, selector: string): Set<object> {
  return new Set<object>(elementsOf($, selector).filter((element) =>
    !['html', 'body', 'main'].includes(element.tagName) && $(element).find('main, [role=main]').length === 0));
}

/** Site chrome elements (menus, banners, sidebars, site header and footer). */
export function siteChrome($: CheerioAPI): Set<object> {
  const chrome = elementSet($, CHROME);
  const sections = elementSet($, SECTIONING);
  $('header, footer').each((_, element) => {
    if (!isWithin(element.parent ?? element, sections)) chrome.add(element);
  });
  return chrome;
}

/** True when `node` or one of its ancestors is in `set`. */
export function isWithin(node: object, set: ReadonlySet<object>): boolean {
  for (let current: TreeNode | null = node as TreeNode; current; current = current.parent) if (set.has(current)) return true;
  return false;
}

/** Visible text of an element, whitespace collapsed. */
export function textOf($: CheerioAPI, element: DomElement): string {
  return $(element).text().replace(/\s+/g, ' ').trim();
}
