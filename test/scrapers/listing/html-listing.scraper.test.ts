import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTrawlError } from '../../../src/domain/errors.js';
import { HtmlListingScraper } from '../../../src/scrapers/listing/html-listing.scraper.js';
import { htmlPage } from '../support/page.js';

const scraper = new HtmlListingScraper();

/** A category page of about 300 KB with `count` product cards, menus and a pager, as a big Shopify theme renders it. */
function bigListing(count: number): string {
  const menu = Array.from({ length: 200 }, (_, i) => `<li class="menu__item"><a href="/collections/menu-${i}">Menu ${i}</a></li>`).join('');
  const cards = Array.from({ length: count }, (_, i) => `<li class="grid__item"><div class="product-card" data-product-handle="item-${i}">
<a class="product-card__link" href="/products/item-${i}"><img src="/cdn/item-${i}.jpg" alt="Item ${i}" width="400" height="400" loading="lazy"></a>
<h3 class="product-card__title"><a href="/products/item-${i}">Item number ${i} in a long descriptive title</a></h3>
<p class="product-card__vendor">Vendor ${i % 17}</p><div class="price"><span class="price-item" data-price="${i}.99">$${i}.99</span></div></div></li>`).join('\n');
  return `<!doctype html><html><head><title>All</title><link rel="next" href="/collections/all?page=2"></head><body>
<header><nav><ul class="menu">${menu}</ul></nav></header><main id="main"><ul class="product-grid">${cards}</ul>
<nav class="pagination"><a href="/collections/all?page=2">2</a></nav></main><footer><a href="/pages/about">About</a></footer></body></html>`;
}

describe('HtmlListingScraper.parse', () => {
  it('reads products, next page and subcategories of the demo shop category page markup', () => {
    const body = `<!DOCTYPE html><html lang="en"><head><title>Jackets | Trailhead Supply Co.</title>
<link rel="canonical" href="http://127.0.0.1:4000/collections/jackets?page=2"><link rel="prev" href="http://127.0.0.1:4000/collections/jackets">
<link rel="next" href="http://127.0.0.1:4000/collections/jackets?page=3"></head><body class="template-collection collection-jackets">
<a class="skip-link" href="#main">Skip to content</a><header class="site-header"><a class="site-header__logo" href="/">Trailhead</a>
<nav class="main-nav" aria-label="Main menu"><ul class="menu menu--top"><li class="menu__item"><a class="menu__link" href="/collections/women">Women</a></li></ul></nav></header>
<main id="main" class="main"><nav class="breadcrumbs"><a href="/">Home</a> / <a href="/collections/women">Women</a></nav>
<ul class="product-grid">
<li class="product-card" data-product-handle="alpine-shell"><a class="product-card__link" href="/products/alpine-shell"><img class="product-card__image" src="/images/alpine-shell-1.svg" alt="Alpine Shell"></a>
<h3 class="product-card__title"><a href="/products/alpine-shell">Alpine Shell</a></h3><p class="product-card__vendor">Northwind</p></li>
<li class="product-card" data-product-handle="ridge-fleece"><a class="product-card__link" href="/products/ridge-fleece"><img src="/images/ridge-fleece-1.svg" alt="Ridge Fleece"></a></li>
</ul><nav class="pagination" aria-label="Pagination"><a class="pagination__prev" rel="prev" href="/collections/jackets">Previous</a>
<a class="pagination__page" href="/collections/jackets">1</a> <span class="pagination__page pagination__page--current" aria-current="page">2</span>
<a class="pagination__page" href="/collections/jackets?page=3">3</a> <a class="pagination__next" rel="next" href="/collections/jackets?page=3">Next</a></nav>
</main><footer class="site-footer"><nav class="footer-nav"><ul><li><a href="/about">About us</a></li></ul></nav></footer></body></html>`;
    const listing = scraper.parse(htmlPage(body, { url: 'http://127.0.0.1:4000/collections/jackets?page=2' }), 'GENERIC');
    assert.deepEqual(listing, {
      url: 'http://127.0.0.1:4000/collections/jackets?page=2',
      products: [{ url: 'http://127.0.0.1:4000/products/alpine-shell', position: 1 }, { url: 'http://127.0.0.1:4000/products/ridge-fleece', position: 2 }],
      nextPageUrl: 'http://127.0.0.1:4000/collections/jackets?page=3',
      paginationStyle: 'rel-next',
      subcategories: [],
    });
  });

  it('throws NOT_HTML for a body that is not HTML', () => {
    const page = htmlPage('{"products":[]}', { url: 'https://shop.example/collections/all', contentType: 'application/json' });
    assert.throws(() => scraper.parse(page, 'SHOPIFY'), (error: unknown) =>
      isTrawlError(error) && error.code === 'NOT_HTML' && error.details.url === 'https://shop.example/collections/all');
  });

  it('accepts an HTML body served with a wrong Content-Type, and an empty HTML body', () => {
    const mislabelled = htmlPage('<!doctype html><html><body><main><a href="/products/a">A</a></main></body></html>', { url: 'https://shop.example/c', contentType: 'text/plain' });
    assert.deepEqual(scraper.parse(mislabelled, 'SHOPIFY').products, [{ url: 'https://shop.example/products/a', position: 1 }]);
    assert.deepEqual(scraper.parse(htmlPage('', { url: 'https://shop.example/c' }), 'SHOPIFY'), { url: 'https://shop.example/c', products: [], subcategories: [] });
  });

  it('reads what it can from malformed, truncated HTML without throwing', () => {
    const body = `<!doctype html><html><head><title>Broken</title></head><body><main><ul class="product-grid">
<li class="product-card"><a href="/products/a">A<li class="product-card"><a href='/products/b'>B</b></i></a></div></div>
<li class="product-card"><a href=/products/c?x=1&amp;y="2">C</a><<<>>><a href="http://[bad-host/products/d">D</a>
<li class="product-card"><a href="/products/e" class="product-card__link"><img src="e.jpg" alt="E</li></ul><nav class="pagination"><a href="?page=2">2</a><a href="/prod`;
    const listing = scraper.parse(htmlPage(body, { url: 'https://shop.example/collections/all' }), 'SHOPIFY');
    assert.deepEqual(listing.products.slice(0, 3).map((product) => product.url), [
      'https://shop.example/products/a', 'https://shop.example/products/b', 'https://shop.example/products/c?x=1&y=%222%22',
    ]);
  });

  it('survives pathologically deep nesting', () => {
    const body = `<!doctype html><html><body><main>${'<div>'.repeat(5000)}<div class="product-card"><a href="/products/deep">Deep</a></div></main></body></html>`;
    assert.deepEqual(scraper.parse(htmlPage(body, { url: 'https://shop.example/c' }), 'GENERIC').products.map((p) => p.url), ['https://shop.example/products/deep']);
  });

  it('parses a 300 KB page with 1,000 products, each once, in page order', () => {
    const body = bigListing(1000);
    assert.ok(body.length >= 300_000, `fixture is ${body.length} characters`);
    const listing = scraper.parse(htmlPage(body, { url: 'https://shop.example/collections/all' }), 'SHOPIFY');
    assert.equal(listing.products.length, 1000);
    assert.deepEqual(listing.products[0], { url: 'https://shop.example/products/item-0', position: 1 });
    assert.deepEqual(listing.products[999], { url: 'https://shop.example/products/item-999', position: 1000 });
    assert.equal(listing.nextPageUrl, 'https://shop.example/collections/all?page=2');
  });
});
