import assert from 'node:assert/strict';
import type { DemoShop, ShopFlavour } from '../../src/demo-shop/index.js';
import { decodeEntities, httpGet, linkRel, productCardLinks } from './http-helpers.js';

/** How a crawler finds links on one flavour's pages, the way a site-specific extractor would. */
export interface FlavourLinks {
  /** Links to the next listing page (category or search). */
  next(html: string): string[];
  /** Product links on a listing page, as written (not canonicalised). */
  products(html: string): string[];
}

const all = (html: string, pattern: RegExp): string[] => [...html.matchAll(pattern)].map((match) => decodeEntities(match[1] ?? ''));

export const FLAVOUR_LINKS: Readonly<Record<ShopFlavour, FlavourLinks>> = {
  shopify: {
    next: (html) => [linkRel(html, 'next')].filter((href) => href !== undefined).map(decodeEntities),
    products: (html) => productCardLinks(html).map(decodeEntities),
  },
  woocommerce: {
    next: (html) => all(html, /<a class="next page-numbers" href="([^"]+)">/g),
    products: (html) => all(html, /<a href="([^"]+)" class="woocommerce-LoopProduct-link/g),
  },
  generic: {
    next: (html) => [...all(html, /<a [^>]*href="([^"]+)">Next &rsaquo;<\/a>/g), ...all(html, /<button [^>]*data-next-url="([^"]+)"/g)],
    products: (html) => all(html, /<a class="item-tile__link" href="([^"]+)">/g),
  },
};

/** Hrefs inside the header's `<nav class="main-nav">`. */
export function menuLinks(html: string): string[] {
  const nav = /<nav class="main-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return all(nav, /href="([^"]+)"/g);
}

/** Hrefs inside the `<footer>`. */
export function footerLinks(html: string): string[] {
  const footer = /<footer[\s\S]*?<\/footer>/.exec(html)?.[0] ?? '';
  return all(footer, /href="([^"]+)"/g);
}

/**
 * The `User-agent: *` group of a robots.txt as a matcher: `*` wildcards, `$`
 * anchors, the longest match decides and Allow wins ties (RFC 9309).
 */
export function robotsMatcher(robotsTxt: string): (path: string) => boolean {
  const groups = robotsTxt.split(/\n\s*\n/);
  const group = groups.find((block) => /^User-agent: \*$/m.test(block)) ?? '';
  const rules = [...group.matchAll(/^(Allow|Disallow): (\S*)$/gm)].map((match) => ({
    allow: match[1] === 'Allow',
    length: (match[2] ?? '').length,
    regex: new RegExp(`^${(match[2] ?? '').replace(/[.+?^{}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}`),
  })).filter((rule) => rule.length > 0);
  return (path) => {
    const matches = rules.filter((rule) => rule.regex.test(path)).sort((a, b) => b.length - a.length || Number(b.allow) - Number(a.allow));
    return matches.length > 0 && !matches[0]!.allow;
  };
}

/** `/a/b?c` of an href resolved against the shop. */
export function pathOf(shop: DemoShop, href: string): string {
  const url = new URL(href, shop.url);
  return `${url.pathname}${url.search}`;
}

/** Listing pages from `start`, following the flavour's next links; the product links, in page order. */
export async function walkListing(shop: DemoShop, start: string): Promise<{ products: string[]; pages: string[] }> {
  const links = FLAVOUR_LINKS[shop.flavour];
  const products: string[] = [];
  const pages: string[] = [];
  for (let next: string | undefined = start; next !== undefined;) {
    const response = await httpGet(new URL(next, shop.url).href);
    assert.equal(response.status, 200, next);
    pages.push(next);
    products.push(...links.products(response.body));
    next = links.next(response.body)[0];
    if (next !== undefined) next = pathOf(shop, next);
  }
  return { products, pages };
}

export interface CrawlResult {
  /** Canonical paths of the product pages fetched. */
  productPages: Set<string>;
  /** Product links seen on listings but skipped because robots.txt disallows them. */
  skippedProducts: Set<string>;
  /** Menu links skipped because robots.txt disallows them. */
  skippedMenu: Set<string>;
}

/**
 * A polite crawl from the home page: reads robots.txt, follows only the
 * menu and the flavour's pagination, then fetches each product link it is
 * allowed to and records the page's canonical path.
 */
export async function crawlShop(shop: DemoShop): Promise<CrawlResult> {
  const get = (path: string) => httpGet(new URL(path, shop.url).href);
  const disallowed = robotsMatcher((await get('/robots.txt')).body);
  const menu = [...new Set(menuLinks((await get('/')).body).map((href) => pathOf(shop, href)))];
  const skippedMenu = new Set(menu.filter(disallowed));
  const links = new Set<string>();
  for (const start of menu.filter((path) => !disallowed(path))) {
    for (const link of (await walkListing(shop, start)).products) links.add(pathOf(shop, link));
  }
  const productPages = new Set<string>();
  const skippedProducts = new Set<string>();
  for (const link of links) {
    if (disallowed(link)) {
      skippedProducts.add(link);
      continue;
    }
    const response = await get(link);
    assert.equal(response.status, 200, link);
    productPages.add(new URL(linkRel(response.body, 'canonical') ?? link, shop.url).pathname);
  }
  return { productPages, skippedProducts, skippedMenu };
}
