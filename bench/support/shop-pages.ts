import type { FetchedPage } from '../../src/domain/ports/page-fetcher.port.js';
import type { ShopCatalog, ShopProduct } from '../../src/demo-shop/index.js';
import { escapeHtml } from '../../src/demo-shop/html.js';
import { renderProductCard } from '../../src/demo-shop/product-card.js';
import { renderProductPage } from '../../src/demo-shop/product.page.js';
import { createSiteContext, type SiteContext } from '../../src/demo-shop/site-context.js';

/** The origin pages are rendered for; nothing listens there. */
export const OFFLINE_ORIGIN = 'http://127.0.0.1:8080';

export interface RenderedPage {
  product: ShopProduct;
  page: FetchedPage;
}

/** Renders product pages exactly as the demo shop serves them, without a server. */
export function renderProductPages(catalog: ShopCatalog, count: number): RenderedPage[] {
  const site = createSiteContext(catalog, OFFLINE_ORIGIN);
  return catalog.products.slice(0, count).map((product) => ({ product, page: fetchedPage(`${OFFLINE_ORIGIN}${product.path}`, renderProductPage(site, product)) }));
}

/** A FetchedPage around HTML, as the HTTP fetcher would return it. */
export function fetchedPage(url: string, body: string): FetchedPage {
  return {
    requestedUrl: url, url, status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, contentType: 'text/html; charset=utf-8',
    charset: 'utf-8', body, bytes: Buffer.byteLength(body), durationMs: 1,
  };
}

/**
 * A product page grown to at least `bytes` with what heavy real shop pages
 * carry: a theme settings script, an inline SVG sprite, review threads and
 * recommendation grids, all inside the normal page (before `</main>`).
 */
export function paddedProductPage(catalog: ShopCatalog, product: ShopProduct, bytes: number): string {
  const site = createSiteContext(catalog, OFFLINE_ORIGIN);
  const html = renderProductPage(site, product);
  const blocks: string[] = [themeScript(catalog), iconSprite()];
  let size = Buffer.byteLength(html) + blocks.reduce((sum, block) => sum + block.length, 0);
  for (let round = 0; size < bytes; round++) {
    const block = round % 2 === 0 ? reviews(product, round) : recommendations(site, catalog, round);
    blocks.push(block);
    size += Buffer.byteLength(block);
  }
  return html.replace('</main>', `${blocks.join('\n')}\n</main>`);
}

function themeScript(catalog: ShopCatalog): string {
  const settings = {
    colors: { accent: '#2f5d50', background: '#fffdf8', text: '#1d1d1b' },
    cart: { type: 'drawer', freeShippingThreshold: 7500 },
    collections: catalog.categories.slice(0, 40).map((category) => ({ handle: category.handle, title: category.name, url: category.path })),
  };
  return `<script>window.theme = ${JSON.stringify(settings)};</script>`;
}

function iconSprite(): string {
  const icons = ['cart', 'search', 'account', 'close', 'chevron', 'star', 'truck', 'return', 'heart', 'share'];
  const symbols = icons.map((name, i) =>
    `<symbol id="icon-${name}" viewBox="0 0 24 24"><path d="M${i} 2l${10 - i} ${i + 3}-${i + 2} 8h${i * 2}v6H3z" fill="none" stroke="currentColor" stroke-width="1.5"/></symbol>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" style="display:none">${symbols.join('')}</svg>`;
}

function reviews(product: ShopProduct, round: number): string {
  const items = Array.from({ length: 12 }, (_, i) => {
    const stars = 1 + ((round + i) % 5);
    return `<article class="review" data-review-id="r-${round}-${i}"><header class="review__header">` +
      `<span class="review__stars" aria-label="${stars} out of 5 stars">${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}</span>` +
      `<h4 class="review__title">${escapeHtml(`${['Great', 'Solid', 'Okay', 'Runs small', 'Love it'][i % 5]!} ${product.productType.toLowerCase()}`)}</h4>` +
      `<p class="review__author">Customer ${round * 12 + i} <time datetime="2025-0${1 + (i % 9)}-1${i % 10}">verified buyer</time></p></header>` +
      `<div class="review__body"><p>${escapeHtml(product.description)}</p></div>` +
      `<footer class="review__footer"><button type="button" class="review__helpful">Helpful (${i})</button></footer></article>`;
  });
  return `<section class="reviews" id="reviews-${round}"><h2>Customer reviews</h2>${items.join('\n')}</section>`;
}

function recommendations(site: SiteContext, catalog: ShopCatalog, round: number): string {
  const picks = Array.from({ length: 12 }, (_, i) => catalog.products[(round * 12 + i) % catalog.products.length]!);
  return `<section class="recommendations"><h2>You may also like</h2><ul class="product-grid">\n${picks.map((p) => renderProductCard(site, p)).join('\n')}\n</ul></section>`;
}
