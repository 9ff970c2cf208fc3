import { escapeHtml } from './html.js';
import { renderCategoryPage } from './category.page.js';
import { renderHomePage } from './home.page.js';
import { renderFlavourInfoPage, renderInfoPage } from './info.page.js';
import { renderProductPage } from './product.page.js';
import type { FlavourRouter } from './route-helpers.js';
import { htmlPage, ownValue, withoutTrailingSlash } from './route-helpers.js';
import { renderSearchPage } from './search.page.js';
import type { ShopResponse } from './shop-response.js';
import { redirect, respond } from './shop-response.js';
import { renderCollectionProductsJson } from './shopify-products-json.js';
import type { SiteContext } from './site-context.js';
import { pageNumber } from './url-params.js';

const EXACT: Readonly<Record<string, FlavourRouter>> = {
  '/': (site) => htmlPage(renderHomePage(site)),
  '/collections': (site) => htmlPage(renderCollectionIndex(site)),
  '/checkout': () => redirect(302, '/cart'),
  '/search': (site, url) => htmlPage(renderSearchPage(site, url.searchParams.get('q') ?? '', pageNumber(url.searchParams.get('page')))),
};

/**
 * Shopify URLs: a trailing slash redirects to the path without it; products
 * answer at `/products/<p>` and `/collections/<c>/products/<p>` alike.
 */
export const routeShopify: FlavourRouter = (site, url) => {
  const path = url.pathname;
  if (path.length > 1 && path.endsWith('/')) return redirect(301, `${withoutTrailingSlash(path)}${url.search}`);
  const exact = ownValue(EXACT, path);
  if (exact) return exact(site, url);
  const info = renderFlavourInfoPage(site, path);
  if (info !== undefined) return respond(200, 'html', info);
  const [, section = '', handle = '', ...rest] = path.split('/');
  if (handle === '') return undefined;
  if (section === 'products' && rest.length === 0) return productRoute(site, handle);
  if (section === 'collections') return collectionRoute(site, handle, rest, url);
  return undefined;
};

function productRoute(site: SiteContext, handle: string): ShopResponse | undefined {
  const product = site.catalog.productByHandle(handle);
  return product ? respond(200, 'html', renderProductPage(site, product)) : undefined;
}

/** `/collections/<c>`, `/collections/<c>/products.json`, `/collections/<c>/products/<p>`. */
function collectionRoute(site: SiteContext, handle: string, rest: readonly string[], url: URL): ShopResponse | undefined {
  const category = site.catalog.categoryByHandle(handle);
  if (!category) return undefined;
  if (rest.length === 0) return htmlPage(renderCategoryPage(site, category, pageNumber(url.searchParams.get('page'))));
  if (rest.length === 1 && rest[0] === 'products.json') return respond(200, 'json', renderCollectionProductsJson(site, category, url));
  if (rest.length === 2 && rest[0] === 'products' && rest[1] !== '') return productRoute(site, rest[1] ?? '');
  return undefined;
}

function renderCollectionIndex(site: SiteContext): string {
  const links = site.catalog.categories.map((category) => `<li><a href="${category.path}">${escapeHtml(category.name)}</a></li>`).join('');
  return renderInfoPage(site, '/collections', 'All collections', `<ul class="collection-index">${links}</ul>`);
}
