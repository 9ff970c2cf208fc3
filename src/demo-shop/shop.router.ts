import { STATUS_CODES } from 'node:http';
import type { ShopResponse } from './shop-response.js';
import { badRequest, redirect, respond } from './shop-response.js';
import type { SiteContext } from './site-context.js';
import { renderCategoryPage } from './category.page.js';
import { renderHomePage } from './home.page.js';
import { renderProductPage } from './product.page.js';
import { INFO_PAGES, renderGonePage, renderHugePage, renderInfoPage, renderNotFoundPage, renderStatusPage } from './info.page.js';
import { renderCollectionSitemap, renderJsonFeed, renderProductSitemap, renderRobotsTxt, renderSitemapIndex } from './crawl-files.js';
import { renderSvgImage, THEME_CSS } from './static-assets.js';
import { escapeHtml } from './html.js';

export const MAX_SLOW_MS = 60_000;
export const MAX_HUGE_KB = 100 * 1024;

type Route = (site: SiteContext, url: URL) => ShopResponse;

const EXACT_ROUTES: Readonly<Record<string, Route>> = {
  '/': (site) => respond(200, 'html', renderHomePage(site)),
  '/robots.txt': (site) => respond(200, 'text', renderRobotsTxt(site)),
  '/sitemap.xml': (site) => respond(200, 'xml', renderSitemapIndex(site)),
  '/sitemap-products.xml': (site, url) => orNotFound(site, renderProductSitemap(site, pageParam(url)), 'xml'),
  '/sitemap-collections.xml': (site) => respond(200, 'xml', renderCollectionSitemap(site)),
  '/feed.json': (site) => respond(200, 'json', renderJsonFeed(site)),
  '/collections': (site) => respond(200, 'html', renderCollectionIndex(site)),
  '/checkout': () => redirect(302, '/cart'),
  '/slow': slowRoute,
  '/huge': hugeRoute,
  '/assets/theme.css': () => respond(200, 'css', THEME_CSS),
};

/** Maps a GET or HEAD request to a response. Never throws for any URL. */
export function routeRequest(site: SiteContext, method: string, target: string): ShopResponse {
  if (method !== 'GET' && method !== 'HEAD') return respond(405, 'text', `${method} is not allowed\n`, { allow: 'GET, HEAD' });
  let url: URL;
  try {
    url = new URL(target, 'http://demo-shop.invalid');
  } catch {
    return badRequest(`Request target ${target} is not a URL`);
  }
  const path = url.pathname;
  if (path.length > 1 && path.endsWith('/')) return redirect(301, `${path.replace(/\/+$/, '')}${url.search}`);
  const exact = EXACT_ROUTES[path];
  if (exact) return exact(site, url);
  const info = INFO_PAGES[path];
  if (info) return respond(200, 'html', renderInfoPage(site, path, info.title, info.body));
  return prefixRoute(site, url) ?? notFound(site);
}

function prefixRoute(site: SiteContext, url: URL): ShopResponse | undefined {
  const [, section = '', rest = '', ...extra] = url.pathname.split('/');
  if (section === 'gone') return respond(410, 'html', renderGonePage(site));
  if (extra.length > 0 || rest === '') return undefined;
  switch (section) {
    case 'products': {
      const product = site.catalog.productByHandle(rest);
      return product ? respond(200, 'html', renderProductPage(site, product)) : undefined;
    }
    case 'collections': {
      const category = site.catalog.categoryByHandle(rest);
      return category ? orNotFound(site, renderCategoryPage(site, category, pageParam(url)), 'html') : undefined;
    }
    case 'images':
      return /^[a-z0-9-]+\.svg$/.test(rest) ? respond(200, 'svg', renderSvgImage(rest.slice(0, -4)), { 'cache-control': 'public, max-age=86400' }) : undefined;
    case 'status':
      return statusRoute(rest);
    default:
      return undefined;
  }
}

function notFound(site: SiteContext): ShopResponse {
  return respond(404, 'html', renderNotFoundPage(site));
}

function orNotFound(site: SiteContext, body: string | undefined, type: 'html' | 'xml'): ShopResponse {
  return body === undefined ? notFound(site) : respond(200, type, body);
}

/** `?page=N`; missing or malformed means page 1, `0` is past the start (404). */
function pageParam(url: URL): number {
  const raw = url.searchParams.get('page');
  return raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : 1;
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

function renderCollectionIndex(site: SiteContext): string {
  const links = site.catalog.categories.map((category) => `<li><a href="${category.path}">${escapeHtml(category.name)}</a></li>`).join('');
  return renderInfoPage(site, '/collections', 'All collections', `<ul class="collection-index">${links}</ul>`);
}
