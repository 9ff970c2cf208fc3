/** The next page of a listing, from whichever pagination style the page uses. */
import type { DomElement } from '../extract/extraction.types.js';
import { isSamePage, sameHostLink, trimSlash, type ListingDocument } from './listing-dom.js';
import { isNextControl, loadMoreTarget } from './next-control.js';

/** How the next page of a listing was found. */
export type PaginationStyle = 'rel-next' | 'query-page' | 'path-page' | 'next-link' | 'json-endpoint';

/** The next page of a listing and how it was found. */
export interface NextPage {
  url: string;
  style: PaginationStyle;
}

/** Query parameters that carry the page number (`?page=2`, Magento `?p=2`, `?pg=2`). */
const PAGE_PARAMS = ['page', 'p', 'pg'] as const;
/** WordPress / WooCommerce path pages: `/shop/page/2/`. */
const PATH_PAGE = /\/page\/(\d{1,6})\/?$/i;

interface PageLink {
  url: URL;
  element: DomElement;
}

/**
 * The next page URL of a listing page, trying in turn `rel="next"`, a
 * `?page=N+1` link (`query-page`), a `/page/N+1/` link (`path-page`), and a
 * "next" or "load more" control (`next-link`). Never the page itself, never
 * another host, never a page numbered at or below the current one.
 */
export function findNextPage(doc: ListingDocument): NextPage | undefined {
  const current = currentPageNumber(doc.pageUrl);
  const links = pageLinks(doc);
  return relNext(doc, current)
    ?? firstLink(links, (url) => isQueryPage(url, doc.pageUrl, current + 1), 'query-page')
    ?? firstLink(links, (url) => isPathPage(url, doc.pageUrl, current + 1), 'path-page')
    ?? nextControl(doc, links, current);
}

/** The page number a URL names (query parameter first, then a `/page/N/` path), if any. */
export function pageNumberOf(url: URL): number | undefined {
  for (const name of PAGE_PARAMS) {
    const value = url.searchParams.get(name);
    if (value !== null && /^\d{1,6}$/.test(value.trim())) return Number(value.trim());
  }
  const match = PATH_PAGE.exec(url.pathname);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The page number of a listing URL; 1 when the URL names none. */
export function currentPageNumber(url: URL): number {
  return pageNumberOf(url) ?? 1;
}

/** Usable, enabled same-host links of the page, in page order. */
function pageLinks(doc: ListingDocument): PageLink[] {
  const links: PageLink[] = [];
  doc.$('a[href]').each((_, element) => {
    const url = sameHostLink(doc, element.attribs.href);
    if (url && !isDisabled(element)) links.push({ url, element });
  });
  return links;
}

/** True for a link that can be the next page: not this page, not a page numbered at or below it. */
function isForward(url: URL, pageUrl: URL, current: number): boolean {
  if (isSamePage(url, pageUrl)) return false;
  const number = pageNumberOf(url);
  return number === undefined ? current === 1 : number > current;
}

function relNext(doc: ListingDocument, current: number): NextPage | undefined {
  for (const element of doc.$('link[rel][href], a[rel][href]').toArray()) {
    const rel = (element.attribs.rel ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('next') || isDisabled(element)) continue;
    const url = sameHostLink(doc, element.attribs.href);
    if (url && isForward(url, doc.pageUrl, current)) return { url: url.href, style: 'rel-next' };
  }
  return undefined;
}

function firstLink(links: PageLink[], test: (url: URL) => boolean, style: PaginationStyle): NextPage | undefined {
  const link = links.find(({ url }) => test(url));
  return link ? { url: link.url.href, style } : undefined;
}

/** `url` is the listing at `pageUrl`'s path with page parameter `wanted` (the parameter the page uses, if it uses one). */
function isQueryPage(url: URL, pageUrl: URL, wanted: number): boolean {
  if (trimSlash(url.pathname) !== trimSlash(pageUrl.pathname)) return false;
  const used = PAGE_PARAMS.filter((name) => pageUrl.searchParams.has(name));
  const names = used.length > 0 ? used : PAGE_PARAMS;
  return names.some((name) => url.searchParams.get(name)?.trim() === String(wanted));
}

/** `url` is `/page/<wanted>/` under the listing path of `pageUrl`. */
function isPathPage(url: URL, pageUrl: URL, wanted: number): boolean {
  const match = PATH_PAGE.exec(url.pathname);
  if (match?.[1] === undefined || Number(match[1]) !== wanted) return false;
  return listingPath(url) === listingPath(pageUrl);
}

function listingPath(url: URL): string {
  return trimSlash(url.pathname.replace(PATH_PAGE, '') || '/');
}

/** A "next" link by text, label or class, else a "load more" control with `data-next-url` / `data-href`. */
function nextControl(doc: ListingDocument, links: PageLink[], current: number): NextPage | undefined {
  const forward = (url: URL | undefined): url is URL => url !== undefined && isForward(url, doc.pageUrl, current);
  const link = links.find(({ url, element }) => isNextControl(doc.$, element) && forward(url));
  if (link) return { url: link.url.href, style: 'next-link' };
  for (const element of doc.$('[data-next-url], [data-href], [data-url], a[href]').toArray()) {
    if (isDisabled(element)) continue;
    const url = sameHostLink(doc, loadMoreTarget(doc.$, element));
    if (forward(url)) return { url: url.href, style: 'next-link' };
  }
  return undefined;
}

/** Disabled controls (`aria-disabled`, `disabled`, a `disabled` class on it or its list item) lead nowhere. */
export function isDisabled(element: DomElement): boolean {
  const parent = element.parent && 'attribs' in element.parent ? element.parent : undefined;
  return [element, parent].some((node) => node !== undefined && (
    node.attribs['aria-disabled'] === 'true' || node.attribs.disabled !== undefined
    || /(?:^|\s)(?:is-)?disabled(?:\s|$)/i.test(node.attribs.class ?? '')));
}
