import { renderCategoryPage } from './category.page.js';
import { renderHomePage } from './home.page.js';
import { renderFlavourInfoPage } from './info.page.js';
import { renderProductPage } from './product.page.js';
import type { FlavourRouter } from './route-helpers.js';
import { htmlPage, withoutTrailingSlash } from './route-helpers.js';
import { renderSearchPage } from './search.page.js';
import type { ShopResponse } from './shop-response.js';
import { redirect } from './shop-response.js';
import type { SiteContext } from './site-context.js';
import { pageNumber } from './url-params.js';

const CATEGORY = /^\/shop\/([a-z0-9-]+)$/;
const ITEM = /^\/item\/(\d{1,9})(?:-[a-z0-9-]*)?$/;

/**
 * The hand-rolled shop: trailing slashes redirect away; `?p=N` pages
 * categories and search; `/item/<id>-<anything>` redirects to the item's
 * canonical slug.
 */
export const routeGeneric: FlavourRouter = (site, url) => {
  const path = url.pathname;
  if (path.length > 1 && path.endsWith('/')) return redirect(301, `${withoutTrailingSlash(path)}${url.search}`);
  if (path === '/') return htmlPage(renderHomePage(site));
  const page = pageNumber(url.searchParams.get('p'));
  if (path === '/search') return htmlPage(renderSearchPage(site, url.searchParams.get('q') ?? '', page));
  const info = renderFlavourInfoPage(site, path);
  if (info !== undefined) return htmlPage(info);
  const category = CATEGORY.exec(path);
  if (category) {
    const found = site.catalog.categoryByHandle(category[1] ?? '');
    return found ? htmlPage(renderCategoryPage(site, found, page)) : undefined;
  }
  const item = ITEM.exec(path);
  return item ? itemRoute(site, Number(item[1]), path, url) : undefined;
};

function itemRoute(site: SiteContext, id: number, path: string, url: URL): ShopResponse | undefined {
  const product = site.catalog.productById(id);
  if (!product) return undefined;
  if (product.path !== path) return redirect(301, `${product.path}${url.search}`);
  return htmlPage(renderProductPage(site, product));
}
