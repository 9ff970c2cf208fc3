import { STATUS_CODES } from 'node:http';
import type { ShopFlavour } from './shop-catalog.type.js';
import type { ShopResponse } from './shop-response.js';
import { badRequest, respond } from './shop-response.js';
import type { SiteContext } from './site-context.js';
import { renderGonePage, renderHugePage, renderInfoPage, renderNotFoundPage, renderStatusPage } from './info.page.js';
import { renderCollectionSitemap, renderJsonFeed, renderProductSitemap, renderRobotsTxt, renderSitemapIndex } from './crawl-files.js';
import { renderPngImage } from './png-image.js';
import { renderSvgImage, THEME_CSS } from './static-assets.js';
import type { FlavourRouter } from './route-helpers.js';
import { ownValue } from './route-helpers.js';
import { routeGeneric } from './generic.router.js';
import { routeShopify } from './shopify.router.js';
import { routeWooCommerce } from './woocommerce.router.js';

export const MAX_SLOW_MS = 60_000;
export const MAX_HUGE_KB = 100 * 1024;

type Route = (site: SiteContext, url: URL) => ShopResponse;

/** Routes every flavour serves at the same paths: crawl files, test fixtures, assets. */
const COMMON_ROUTES: Readonly<Record<string, Route>> = {
  '/robots.txt': (site) => respond(200, 'text', renderRobotsTxt(site)),
  '/feed.json': (site) => respond(200, 'json', renderJsonFeed(site)),
  '/slow': slowRoute,
  '/huge': hugeRoute,
};

const FLAVOUR_ROUTERS: Readonly<Record<ShopFlavour, FlavourRouter>> = {
  shopify: routeShopify,
  woocommerce: routeWooCommerce,
  generic: routeGeneric,
};

/** Maps a GET or HEAD request to a response, with the flavour's platform headers. Never throws for any URL. */
export function routeRequest(site: SiteContext, method: string, target: string): ShopResponse {
  const response = route(site, method, target);
  return { ...response, headers: { ...site.theme.responseHeaders, ...response.headers } };
}

function route(site: SiteContext, method: string, target: string): ShopResponse {
  if (method !== 'GET' && method !== 'HEAD') return respond(405, 'text', `${method} is not allowed\n`, { allow: 'GET, HEAD' });
  let url: URL;
  try {
    url = new URL(target, 'http://demo-shop.invalid');
  } catch {
    return badRequest(`Request target ${target} is not a URL`);
  }
  const common = ownValue(COMMON_ROUTES, url.pathname);
  if (common) return common(site, url);
  return fileRoute(site, url) ?? FLAVOUR_ROUTERS[site.catalog.flavour](site, url) ?? notFound(site);
}

/** Sitemaps in the flavour's layout, stylesheets, images, `/gone/...` and `/status/<code>`. */
function fileRoute(site: SiteContext, url: URL): ShopResponse | undefined {
  const path = url.pathname;
  const { sitemaps } = site.scheme;
  if (path === sitemaps.index) return respond(200, 'xml', renderSitemapIndex(site));
  if (path === sitemaps.categories) return respond(200, 'xml', renderCollectionSitemap(site));
  const file = sitemaps.productFileNumber(url);
  if (file !== undefined) return xmlOrNotFound(site, renderProductSitemap(site, file));
  if (site.theme.stylesheets.includes(path)) return respond(200, 'css', THEME_CSS);
  const [, section = '', rest = '', ...extra] = path.split('/');
  if (section === 'gone') return respond(410, 'html', renderGonePage(site));
  if (extra.length > 0 || rest === '') return undefined;
  if (section === 'images' && /^[a-z0-9-]+\.svg$/.test(rest)) return respond(200, 'svg', renderSvgImage(rest.slice(0, -4)), { 'cache-control': 'public, max-age=86400' });
  if (section === 'images' && /^[a-z0-9-]+\.png$/.test(rest)) return respond(200, 'png', renderPngImage(rest.slice(0, -4)), { 'cache-control': 'public, max-age=86400' });
  if (section === 'status') return statusRoute(rest);
  return undefined;
}

function notFound(site: SiteContext): ShopResponse {
  return respond(404, 'html', renderNotFoundPage(site));
}

function xmlOrNotFound(site: SiteContext, body: string | undefined): ShopResponse {
  return body === undefined ? notFound(site) : respond(200, 'xml', body);
}

function intParam(url: URL, name: string, fallback: number, max: number): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,9}$/.test(raw)) return undefined;
  const value = Number(raw);
  return value <= max ? value : undefined;
}

function slowRoute(site: SiteContext, url: URL): ShopResponse {
  const ms = intParam(url, 'ms', 1000, MAX_SLOW_MS);
  if (ms === undefined) return badRequest(`ms must be an integer in 0..${MAX_SLOW_MS}`);
  return { ...respond(200, 'html', renderInfoPage(site, '/slow', 'Slow page', `<p>Served after ${ms} ms.</p>`, false)), delayMs: ms };
}

function hugeRoute(_site: SiteContext, url: URL): ShopResponse {
  const kb = intParam(url, 'kb', 1024, MAX_HUGE_KB);
  if (kb === undefined || kb === 0) return badRequest(`kb must be an integer in 1..${MAX_HUGE_KB}`);
  return respond(200, 'html', renderHugePage(kb));
}

/** `/status/<code>`: that status with a small HTML body (none for 204/304; Location for redirects; Retry-After for 429/503). */
function statusRoute(raw: string): ShopResponse {
  const status = /^\d{3}$/.test(raw) ? Number(raw) : 0;
  if (status < 200 || status > 599) return badRequest(`Status ${raw} is not in 200..599`);
  if (status === 204 || status === 304) return { status, headers: {}, body: '' };
  const reason = STATUS_CODES[status] ?? 'Unknown';
  const headers: Record<string, string> = {};
  if (status >= 300 && status < 400) headers['location'] = '/';
  if (status === 429 || status === 503) headers['retry-after'] = '1';
  return respond(status, 'html', renderStatusPage(status, reason), headers);
}
