import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeDemoShops, generateCatalog, SHOP_FLAVOURS, startDemoShops } from '../../src/demo-shop/index.js';
import type { DemoShop, DemoShops } from '../../src/demo-shop/index.js';
import { httpGet, shopifyProductPath } from './http-helpers.js';
import { walkListing } from './flavour-crawler.js';

const FIRST_PAGES = { shopify: '/search?q=Rain+Boot', woocommerce: '/?s=Rain+Boot&post_type=product', generic: '/search?q=Rain+Boot' } as const;
const SECOND_PAGES = { shopify: '/search?q=boot&page=2', woocommerce: '/page/2/?s=boot&post_type=product', generic: '/search?q=boot&p=2' } as const;

describe('demo shop search', () => {
  let shops: DemoShops;
  before(async () => {
    shops = await startDemoShops({ seed: 12, products: 250, productsPerPage: 5 });
  });
  after(() => closeDemoShops(shops));

  const get = (shop: DemoShop, path: string) => httpGet(new URL(path, shop.url).href);

  it('finds products whose title contains the query, ignoring case and surrounding spaces', () => {
    const catalog = generateCatalog({ seed: 12, products: 250 });
    const boots = catalog.searchResults('BOOT');
    assert.ok(boots.length > 5);
    assert.deepEqual(boots, catalog.products.filter((product) => product.title.toLowerCase().includes('boot')));
    assert.deepEqual(catalog.searchResults('  boot '), boots);
    assert.deepEqual(catalog.searchResults('   '), []);
    assert.deepEqual(catalog.searchResults('no such thing'), []);
  });

  for (const flavour of SHOP_FLAVOURS) {
    it(`pages ${flavour} search results with the flavour's pagination, listing exactly the catalog's results`, async () => {
      const shop = shops[flavour];
      assert.equal(shop.catalog.searchUrlPath('Rain Boot'), FIRST_PAGES[flavour]);
      assert.equal(shop.catalog.searchUrlPath('boot', 2), SECOND_PAGES[flavour]);
      const { products, pages } = await walkListing(shop, shop.catalog.searchUrlPath('boot'));
      const expected = shop.catalog.searchResults('boot');
      assert.deepEqual(products.map((link) => shopifyProductPath(link)), expected.map((product) => product.path));
      assert.deepEqual(pages, Array.from({ length: Math.ceil(expected.length / 5) }, (_, i) => shop.catalog.searchUrlPath('boot', i + 1)));
      assert.ok(pages.length >= 3);
    });

    it(`answers a ${flavour} search with no results, a blank search and a page past the end`, async () => {
      const shop = shops[flavour];
      const none = await get(shop, shop.catalog.searchUrlPath('zzzz'));
      assert.equal(none.status, 200);
      assert.match(none.body, /0 results for &ldquo;zzzz&rdquo;/);
      const blank = await get(shop, shop.catalog.searchUrlPath(''));
      assert.equal(blank.status, 200);
      assert.match(blank.body, /Enter a search term/);
      const past = Math.ceil(shop.catalog.searchResults('boot').length / 5) + 1;
      assert.equal((await get(shop, shop.catalog.searchUrlPath('boot', past))).status, 404);
    });
  }
});
