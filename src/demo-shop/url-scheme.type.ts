import type { ShopFlavour } from './shop-catalog.type.js';
import type { RobotsGroup } from './robots-rules.js';

/**
 * Handle prefix of internal products: linked from public listings, but their
 * pages sit under a path robots.txt disallows in every flavour.
 */
export const INTERNAL_HANDLE_PREFIX = 'internal-';

export interface SiteLink {
  name: string;
  path: string;
}

/** Content pages every flavour has, at its own paths. */
export type InfoKind = 'about' | 'contact' | 'shipping' | 'returns' | 'privacy' | 'terms' | 'blog' | 'cart' | 'checkout' | 'account';

/** Where a flavour serves its sitemaps. */
export interface SitemapLayout {
  /** The sitemap index robots.txt names. */
  index: string;
  /** The category sitemap. */
  categories: string;
  /** Product URLs per product sitemap file. */
  productsPerFile: number;
  /** Path (with query) of product sitemap file `n`, 1-based. */
  productFile(n: number): string;
  /** The product sitemap file number a request names, or undefined when it names none. */
  productFileNumber(url: URL): number | undefined;
}

/** A flavour's URLs: pure functions of handles, ids and page numbers. */
export interface UrlScheme {
  flavour: ShopFlavour;
  /** Canonical path of a category from its handle chain, root first. */
  categoryPath(chain: readonly string[]): string;
  /** Built with `join` so the 100,000 paths of a big catalog are flat strings, not ropes. */
  productPath(handle: string, id: number): string;
  /** Listing page `page` of the category at `categoryPath`; page 1 is the category path itself. */
  listingPath(categoryPath: string, page: number): string;
  searchPath(query: string, page: number): string;
  /** The staff-only category: in the menu, disallowed by robots.txt. */
  privateCategory: { handle: string; name: string };
  robots: readonly RobotsGroup[];
  sitemaps: SitemapLayout;
  /** Footer links: none is a category. */
  footerLinks: readonly SiteLink[];
  /** Content pages by path. */
  infoPages: Readonly<Record<string, InfoKind>>;
}
