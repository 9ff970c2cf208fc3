import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ListedCategory } from '../../../src/domain/ports/listing-scraper.port.js';
import { HtmlListingScraper } from '../../../src/scrapers/listing/html-listing.scraper.js';
import { htmlPage } from '../support/page.js';
import { MAGENTO_CATEGORY, WOOCOMMERCE_SHOP } from './platform-pages.fixture.js';

const scraper = new HtmlListingScraper();

function subcategories(body: string, url: string): ListedCategory[] {
  return scraper.parse(htmlPage(body, { url }), 'GENERIC').subcategories;
}

function page(main: string): string {
  return `<!doctype html><html><body>
<header class="site-header"><nav><ul class="category-list"><li><a href="/c/garden">Garden</a></li></ul></nav></header>
<main>${main}</main>
<footer><h3>Categories</h3><ul><li><a href="/c/gifts">Gifts</a></li></ul></footer></body></html>`;
}

describe('subcategories of a category page', () => {
  const cases: { name: string; body: string; url: string; expected: ListedCategory[] }[] = [
    {
      name: 'WooCommerce category tiles, named without their item count',
      body: WOOCOMMERCE_SHOP, url: 'https://shop.example/shop/',
      expected: [{ name: 'Accessories', url: 'https://shop.example/product-category/accessories/' }],
    },
    {
      name: 'a .subcategories block, not the header menu or the footer',
      body: page('<div class="subcategories"><a href="/c/furniture/chairs">Chairs</a> <a href="/c/furniture/tables"> Tables\n</a></div>'),
      url: 'https://shop.example/c/furniture',
      expected: [{ name: 'Chairs', url: 'https://shop.example/c/furniture/chairs' }, { name: 'Tables', url: 'https://shop.example/c/furniture/tables' }],
    },
    {
      name: 'a "Shop by category" block found by its heading, tiles named by image alt',
      body: page('<section class="promo"><h2>Shop by category</h2><a href="/c/lamps/desk"><img src="d.jpg" alt="Desk lamps"></a> <a href="/c/lamps/floor">Floor lamps</a></section>'),
      url: 'https://shop.example/c/lamps',
      expected: [{ name: 'Desk lamps', url: 'https://shop.example/c/lamps/desk' }, { name: 'Floor lamps', url: 'https://shop.example/c/lamps/floor' }],
    },
    {
      name: 'Shopify subcollection and collection-list blocks, each URL once',
      body: page('<div class="collection-subcollections"><a href="/collections/boots">Boots</a></div><ul class="collection-list"><li class="collection-tile"><a href="/collections/boots">Boots</a></li><li class="collection-tile"><a href="/collections/sandals"><span>Sandals</span></a></li></ul>'),
      url: 'https://shop.example/collections/shoes',
      expected: [{ name: 'Boots', url: 'https://shop.example/collections/boots' }, { name: 'Sandals', url: 'https://shop.example/collections/sandals' }],
    },
    {
      name: 'a hand-rolled .subcats block',
      body: page('<div class="subcats"><a class="subcat" href="/shop/womens-shoes">Shoes</a> <a class="subcat" href="/shop/womens-clothing">Clothing</a></div>'),
      url: 'https://shop.example/shop/women',
      expected: [{ name: 'Shoes', url: 'https://shop.example/shop/womens-shoes' }, { name: 'Clothing', url: 'https://shop.example/shop/womens-clothing' }],
    },
    {
      name: 'not Magento layered navigation (filter-options)',
      body: MAGENTO_CATEGORY, url: 'https://shop.example/women/tops-women.html', expected: [],
    },
    {
      name: 'not filter, sort or query-only variants of the page, nor other hosts',
      body: page(`<div class="category-list"><a href="/c/bags?color=red">Red</a> <a href="?sort=price">Price</a> <a href="https://other.example/c/bags/totes">Totes</a> <a href="/c/bags/clutches">Clutches</a></div>
        <div class="facets"><div class="subcategories"><a href="/c/bags/backpacks">Backpacks</a></div></div>`),
      url: 'https://shop.example/c/bags',
      expected: [{ name: 'Clutches', url: 'https://shop.example/c/bags/clutches' }],
    },
    {
      name: 'a page without subcategory blocks', body: page('<ul class="product-grid"><li class="product-card"><a href="/p/x">X</a></li></ul>'),
      url: 'https://shop.example/c/x', expected: [],
    },
  ];
  for (const { name, body, url, expected } of cases) {
    it(`lists ${name}`, () => assert.deepEqual(subcategories(body, url), expected));
  }
});
