import { escapeHtml } from './html.js';
import { SHOP_NAME } from './site-chrome.js';
import type { SiteContext } from './site-context.js';
import { absoluteUrl, renderSitePage } from './site-context.js';

const FEATURED_COUNT = 8;

/** Home page: hero, section tiles, featured products (best sellers first). */
export function renderHomePage(site: SiteContext): string {
  const { catalog } = site;
  const bestSellers = catalog.productsIn('best-sellers');
  const featured = (bestSellers.length > 0 ? bestSellers : catalog.publicProducts()).slice(0, FEATURED_COUNT);
  const sections = catalog.categories
    .filter((category) => category.kind === 'gender')
    .map((category) => `<li class="collection-tile"><a href="${category.path}"><img src="/images/collection-${category.handle}.svg" alt="" width="600" height="400" loading="lazy"><span>Shop ${escapeHtml(category.name)}</span></a></li>`)
    .join('');
  const newArrivals = catalog.categoryByHandle('new-arrivals')?.path ?? '/';
  const main = `<section class="hero">
<img class="hero__image" src="/images/hero.svg" alt="" width="1600" height="600">
<h1 class="hero__title">Gear for the long way round</h1>
<p class="hero__text">Boots, layers and bags built to last, from makers we know by name.</p>
<a class="button hero__cta" href="${newArrivals}">Shop new arrivals</a>
</section>
<section class="home-sections"><h2>Shop by department</h2><ul class="collection-list">${sections}</ul></section>
<section class="featured-products"><h2>Best sellers</h2>
${site.theme.productGrid(site, featured)}
</section>`;
  return renderSitePage(site, {
    title: `${SHOP_NAME} | Outdoor clothing, shoes and bags`,
    description: 'Outdoor clothing, shoes and bags for women, men and kids.',
    canonical: absoluteUrl(site, '/'),
    head: `\n<meta property="og:type" content="website">\n<meta property="og:title" content="${escapeHtml(SHOP_NAME)}">\n<meta property="og:url" content="${absoluteUrl(site, '/')}">`,
    template: 'index',
    main,
  });
}
