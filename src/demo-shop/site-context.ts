import type { ShopCatalog, ShopCategory } from './shop-catalog.type.js';
import { renderFooter, renderHeader } from './site-chrome.js';

/** What every page renderer needs: the catalog, the origin for absolute URLs, cached chrome. */
export interface SiteContext {
  catalog: ShopCatalog;
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  /** Header with the main menu, rendered once. */
  header: string;
  /** Footer, rendered once. */
  footer: string;
  /** `49.99` -> `$49.99` in the shop's currency. */
  formatPrice(amount: string): string;
}

export function createSiteContext(catalog: ShopCatalog, origin: string): SiteContext {
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: catalog.currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return {
    catalog,
    origin: origin.replace(/\/+$/, ''),
    header: renderHeader(catalog),
    footer: renderFooter(),
    formatPrice: (amount) => format.format(Number(amount)),
  };
}

/** Absolute URL of a site path. */
export function absoluteUrl(site: SiteContext, path: string): string {
  return `${site.origin}${path}`;
}

/** The category and its ancestors, root first. */
export function categoryTrail(catalog: ShopCatalog, category: ShopCategory): ShopCategory[] {
  const trail: ShopCategory[] = [category];
  let parent = category.parentHandle === undefined ? undefined : catalog.categoryByHandle(category.parentHandle);
  while (parent) {
    trail.unshift(parent);
    parent = parent.parentHandle === undefined ? undefined : catalog.categoryByHandle(parent.parentHandle);
  }
  return trail;
}
