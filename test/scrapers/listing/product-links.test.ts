import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Platform } from '../../../src/domain/entities/site.js';
import { HtmlListingScraper } from '../../../src/scrapers/listing/html-listing.scraper.js';
import { htmlPage } from '../support/page.js';
import {
  BIGCOMMERCE_CATEGORY, GENERIC_LISTING, JSON_LD_ONLY, MAGENTO_CATEGORY, SFCC_GRID, SHOPIFY_COLLECTION, WOOCOMMERCE_SHOP,
} from './platform-pages.fixture.js';

const scraper = new HtmlListingScraper();

function productUrls(body: string, url: string, platform: Platform): string[] {
  const listing = scraper.parse(htmlPage(body, { url }), platform);
  listing.products.forEach((product, index) => assert.equal(product.position, index + 1, 'positions are 1-based and in page order'));
  return listing.products.map((product) => product.url);
}

describe('product links of a listing page', () => {
  const cases: { name: string; body: string; url: string; platform: Platform; expected: string[] }[] = [
    {
      name: 'Shopify: grid products (collection-scoped and plain paths, fragment removed, query kept), not menus, footer or recommendations',
      body: SHOPIFY_COLLECTION, url: 'https://shop.example/collections/shoes', platform: 'SHOPIFY',
      expected: [
        'https://shop.example/collections/shoes/products/trail-runner',
        'https://shop.example/products/city-sneaker?variant=40112&utm_source=grid',
        'https://shop.example/products/wool-slipper',
      ],
    },
    {
      name: 'WooCommerce: loop product links, not the category tile, add-to-cart links, header or sidebar widget',
      body: WOOCOMMERCE_SHOP, url: 'https://shop.example/shop/', platform: 'WOOCOMMERCE',
      expected: ['https://shop.example/product/hoodie-with-logo/', 'https://shop.example/product/beanie/'],
    },
    {
      name: 'Magento: product-item links of the grid, not wishlist, compare or layered navigation',
      body: MAGENTO_CATEGORY, url: 'https://shop.example/women/tops-women.html', platform: 'MAGENTO',
      expected: ['https://shop.example/radiant-tee.html', 'https://shop.example/breathe-easy-tank.html'],
    },
    {
      name: 'BigCommerce: one product per card, not its add-to-cart link',
      body: BIGCOMMERCE_CATEGORY, url: 'https://shop.example/shop-all/', platform: 'BIGCOMMERCE',
      expected: ['https://shop.example/orbit-terrarium-large/', 'https://shop.example/utility-caddy/'],
    },
    {
      name: 'Salesforce: the tile product link, not swatches or quick view, although the grid is marked SomeProducts',
      body: SFCC_GRID, url: 'https://shop.example/en_US/womens/clothing/tops/', platform: 'SALESFORCE',
      expected: ['https://shop.example/en_US/womens/clothing/tops/v-neck-top/25519318M.html', 'https://shop.example/en_US/p/sleeveless-blouse/P0150M.html'],
    },
    {
      name: 'generic: microdata product cards, tracking parameters kept, off-site product dropped, relative link resolved',
      body: GENERIC_LISTING, url: 'https://shop.example/lamps', platform: 'GENERIC',
      expected: ['https://shop.example/lamps/desk-lamp-900?utm_source=listing&utm_medium=grid', 'https://shop.example/lamps/wall-lamp-12'],
    },
    {
      name: 'hand-rolled shop: item tiles linking /item/<id>-<slug>, not the basket',
      body: `<!doctype html><html><body><header><a href="/basket">Basket</a></header><main id="main"><div class="items">
        <div class="item-tile" id="item-7"><a class="item-tile__link" href="/item/7-alpine-shell"><img alt="Alpine Shell"><span class="item-tile__name">Alpine Shell</span></a></div>
        <div class="item-tile" id="item-9"><a class="item-tile__link" href="/item/9-ridge-fleece">Ridge Fleece</a> <a href="/basket?add=9">Add</a></div>
        </div><div class="pager"><a class="pager__next" href="/shop/jackets?p=2">Next &rsaquo;</a></div></main></body></html>`,
      url: 'https://shop.example/shop/jackets', platform: 'GENERIC',
      expected: ['https://shop.example/item/7-alpine-shell', 'https://shop.example/item/9-ridge-fleece'],
    },
    {
      name: 'JSON-LD ItemList: entries in position order, same host only',
      body: JSON_LD_ONLY, url: 'https://shop.example/chairs', platform: 'GENERIC',
      expected: ['https://shop.example/chairs/pine-chair', 'https://shop.example/chairs/oak-chair'],
    },
  ];
  for (const { name, body, url, platform, expected } of cases) {
    it(name, () => assert.deepEqual(productUrls(body, url, platform), expected));
  }

  it('finds the platform pages products also when the platform is unknown', () => {
    for (const { body, url, expected } of cases) assert.deepEqual(productUrls(body, url, 'GENERIC'), expected);
  });

  it('lists a product shown in a carousel and again in the grid once, at its first position', () => {
    const body = `<!doctype html><html><body><main>
      <div class="featured-carousel"><div class="product-card"><a href="/products/b">B</a></div></div>
      <ul class="product-grid">
        <li class="product-card"><a href="/products/a">A</a></li>
        <li class="product-card"><a href="/products/b">B</a></li>
        <li class="product-card"><a href="/products/c?utm_source=carousel">C</a></li>
      </ul></main></body></html>`;
    const listing = scraper.parse(htmlPage(body, { url: 'https://shop.example/collections/all' }), 'SHOPIFY');
    assert.deepEqual(listing.products, [
      { url: 'https://shop.example/products/b', position: 1 },
      { url: 'https://shop.example/products/a', position: 2 },
      { url: 'https://shop.example/products/c?utm_source=carousel', position: 3 },
    ]);
  });

  it('keeps only the main listing when recommendations sit outside it', () => {
    const body = `<!doctype html><html><body>
      <div class="recently-seen"><a href="/products/seen-before">Seen</a></div>
      <main><a href="/products/listed">Listed</a></main>
      <div class="more-to-love"><a href="/products/suggested">Suggested</a></div></body></html>`;
    assert.deepEqual(productUrls(body, 'https://shop.example/collections/all', 'SHOPIFY'), ['https://shop.example/products/listed']);
  });

  it('resolves links against the page <base href> and drops other hosts and non-http links', () => {
    const body = `<!doctype html><html><head><base href="https://shop.example/fr/"></head><body><main>
      <a href="products/robe">Robe</a> <a href="https://cdn.example/products/robe">CDN</a>
      <a href="javascript:void(0)" class="product-card">JS</a> <a href="mailto:x@shop.example">Mail</a></main></body></html>`;
    assert.deepEqual(productUrls(body, 'https://shop.example/collections/robes', 'SHOPIFY'), ['https://shop.example/fr/products/robe']);
  });

  it('does not list the page itself or Shopify JSON endpoints', () => {
    const body = `<!doctype html><html><body><main><ul class="product-grid">
      <li class="product-card"><a href="/collections/all">All</a></li>
      <li class="product-card"><a href="/products/real">Real</a><a href="/products/real.js">JS</a></li></ul>
      <a href="/products.json">JSON</a></main></body></html>`;
    assert.deepEqual(productUrls(body, 'https://shop.example/collections/all', 'SHOPIFY'), ['https://shop.example/products/real']);
  });
});
