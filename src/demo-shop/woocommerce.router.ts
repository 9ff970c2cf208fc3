import { renderCategoryPage } from './category.page.js';
import { renderHomePage } from './home.page.js';
import { renderFlavourInfoPage } from './info.page.js';
import { renderProductPage } from './product.page.js';
import type { FlavourRouter } from './route-helpers.js';
import { htmlPage } from './route-helpers.js';
import { renderSearchPage } from './search.page.js';
import type { ShopResponse } from './shop-response.js';
import { redirect } from './shop-response.js';
import type { SiteContext } from './site-context.js';

/** A page the path names; called only once the route is known to exist. */
type PageThunk = () => ShopResponse | undefined;

/**
 * WordPress permalinks: page URLs end in a slash and a request without it is
 * redirected (301) to it, but only when that URL is a page; files such as
 * `/product-sitemap.xml` are never redirected. Search is `/?s=<q>&post_type=product`,
 * its page N `/page/N/?s=...`.
 */
export const routeWooCommerce: FlavourRouter = (site, url) => {
  const path = url.pathname;
  if (path === '/') return url.searchParams.has('s') ? search(site, url, 1) : htmlPage(renderHomePage(site));
  if (path === '/sitemap.xml') return redirect(301, site.scheme.sitemaps.index);
  if (path.endsWith('/')) return matchPage(site, path, url)?.();
  if (path.slice(path.lastIndexOf('/')).includes('.')) return undefined;
  return matchPage(site, `${path}/`, url) ? redirect(301, `${path}/${url.search}`) : undefined;
};

function search(site: SiteContext, url: URL, page: number): ShopResponse | undefined {
  return htmlPage(renderSearchPage(site, url.searchParams.get('s') ?? '', page));
}

function matchPage(site: SiteContext, path: string, url: URL): PageThunk | undefined {
  if (Object.hasOwn(site.scheme.infoPages, path)) return () => htmlPage(renderFlavourInfoPage(site, path));
  const [section, ...rest] = path.slice(1, -1).split('/');
  switch (section) {
    case 'product': {
      const product = rest.length === 1 ? site.catalog.productByHandle(rest[0] ?? '') : undefined;
      return product ? () => htmlPage(renderProductPage(site, product)) : undefined;
    }
    case 'product-category':
      return categoryPage(site, rest);
    case 'page': {
      const page = rest.length === 1 ? pageSegment(rest[0]) : undefined;
      return page !== undefined && url.searchParams.has('s') ? () => search(site, url, page) : undefined;
    }
    default:
      return undefined;
  }
}

/** `<a>/<b>/` or `<a>/<b>/page/N/`; the chain must be the category's own ancestry. `page/1/` redirects to the category. */
function categoryPage(site: SiteContext, segments: readonly string[]): PageThunk | undefined {
  const paged = segments.length >= 3 && segments[segments.length - 2] === 'page';
  const page = paged ? pageSegment(segments[segments.length - 1]) : 1;
  const chain = paged ? segments.slice(0, -2) : segments;
  const category = site.catalog.categoryByHandle(chain[chain.length - 1] ?? '');
  if (page === undefined || !category || category.path !== `/product-category/${chain.join('/')}/`) return undefined;
  if (paged && page === 1) return () => redirect(301, category.path);
  return () => htmlPage(renderCategoryPage(site, category, page));
}

function pageSegment(segment: string | undefined): number | undefined {
  return segment !== undefined && /^[1-9]\d{0,8}$/.test(segment) ? Number(segment) : undefined;
}
