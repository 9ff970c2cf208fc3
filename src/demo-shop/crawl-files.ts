import type { ShopProduct } from './shop-catalog.type.js';
import { escapeHtml } from './html.js';
import { renderRobots } from './robots-rules.js';
import { SHOP_NAME } from './site-chrome.js';
import type { SiteContext } from './site-context.js';
import { absoluteUrl } from './site-context.js';

const LASTMOD = '2025-01-15';

/** The flavour's robots.txt: its groups, then a `Sitemap:` line for the sitemap index. */
export function renderRobotsTxt(site: SiteContext): string {
  return renderRobots(SHOP_NAME, site.scheme.robots, [absoluteUrl(site, site.scheme.sitemaps.index)]);
}

/** Paths of the product sitemaps, in the flavour's layout; at least one. */
export function productSitemapPaths(site: SiteContext): string[] {
  const { sitemaps } = site.scheme;
  const files = Math.max(1, Math.ceil(site.catalog.publicProducts().length / sitemaps.productsPerFile));
  return Array.from({ length: files }, (_, index) => sitemaps.productFile(index + 1));
}

export function renderSitemapIndex(site: SiteContext): string {
  const paths = [...productSitemapPaths(site), site.scheme.sitemaps.categories];
  const entries = paths.map((path) => `<sitemap><loc>${escapeHtml(absoluteUrl(site, path))}</loc><lastmod>${LASTMOD}</lastmod></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

/** Product sitemap file `n` (public products only), or undefined past the last one. */
export function renderProductSitemap(site: SiteContext, n: number): string | undefined {
  const products = site.catalog.publicProducts();
  const perFile = site.scheme.sitemaps.productsPerFile;
  const first = (n - 1) * perFile;
  if (n < 1 || (n > 1 && first >= products.length)) return undefined;
  const entries = products.slice(first, first + perFile).map((product) =>
    `<url><loc>${absoluteUrl(site, product.path)}</loc><lastmod>${LASTMOD}</lastmod><changefreq>daily</changefreq>` +
    `<image:image><image:loc>${absoluteUrl(site, `/images/${product.handle}-1.png`)}</image:loc><image:title>${escapeHtml(product.title)}</image:title></image:image></url>`);
  return urlset(entries, ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"');
}

/** Every public category page (landing and listing pages), first pages only. */
export function renderCollectionSitemap(site: SiteContext): string {
  const entries = site.catalog.publicCategories().map((category) =>
    `<url><loc>${absoluteUrl(site, category.path)}</loc><lastmod>${LASTMOD}</lastmod><changefreq>daily</changefreq></url>`);
  return urlset(entries, '');
}

function urlset(entries: readonly string[], namespaces: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${namespaces}>\n${entries.join('\n')}\n</urlset>\n`;
}

const FEED_ITEMS = 20;

/** A JSON Feed 1.1 of the newest products: JSON, not a product page. */
export function renderJsonFeed(site: SiteContext): string {
  const newest = site.catalog.productsIn('new-arrivals');
  const items: readonly ShopProduct[] = (newest.length > 0 ? newest : site.catalog.publicProducts()).slice(0, FEED_ITEMS);
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: `${SHOP_NAME}: new arrivals`,
    home_page_url: absoluteUrl(site, '/'),
    feed_url: absoluteUrl(site, '/feed.json'),
    items: items.map((product) => ({
      id: product.sku,
      url: absoluteUrl(site, product.path),
      title: product.title,
      content_text: product.description,
      image: absoluteUrl(site, `/images/${product.handle}-1.png`),
      date_published: `${LASTMOD}T09:00:00Z`,
    })),
  }, null, 2);
}
