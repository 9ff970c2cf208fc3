import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeDemoShops, SHOP_FLAVOURS, startDemoShops } from '../../src/demo-shop/index.js';
import type { DemoShops } from '../../src/demo-shop/index.js';
import { httpGet } from './http-helpers.js';
import { crawlShop, FLAVOUR_LINKS, footerLinks, menuLinks, pathOf } from './flavour-crawler.js';

describe('demo shop discovery from the home page', () => {
  let shops: DemoShops;
  before(async () => {
    shops = await startDemoShops({ seed: 4, products: 150, productsPerPage: 8 });
  });
  after(() => closeDemoShops(shops));

  for (const flavour of SHOP_FLAVOURS) {
    it(`reaches exactly the public products of a ${flavour} shop through the menu and pagination`, async () => {
      const shop = shops[flavour];
      const result = await crawlShop(shop);
      const expected = new Set(shop.catalog.publicProducts().map((product) => shop.catalog.productUrlPath(product)));
      assert.deepEqual([...result.productPages].sort(), [...expected].sort());
      assert.ok(expected.size < shop.catalog.products.length, 'some products are only reachable through disallowed paths');
      assert.ok(result.skippedProducts.size > 0, 'listings link products robots.txt disallows');
      for (const link of result.skippedProducts) assert.ok(shop.catalog.isDisallowed(link), link);
      const privateCategory = shop.catalog.categories.find((category) => !shop.catalog.publicCategories().includes(category))!;
      assert.deepEqual([...result.skippedMenu], [privateCategory.path], 'the menu links the disallowed staff-only category');
      assert.deepEqual(shop.disallowedHits(), [], 'a polite crawl fetches nothing robots.txt disallows');
    });

    it(`links every category from the ${flavour} menu and keeps footer links out of it`, async () => {
      const shop = shops[flavour];
      const home = await httpGet(shop.url);
      const menu = new Set(menuLinks(home.body).map((href) => pathOf(shop, href)));
      assert.deepEqual([...menu].sort(), shop.catalog.categories.map((category) => category.path).sort());
      const footer = footerLinks(home.body).map((href) => pathOf(shop, href));
      assert.ok(footer.length >= 6, 'account, cart, about, contact and policy links');
      const categoryPaths = new Set(shop.catalog.categories.map((category) => category.path));
      for (const path of footer) {
        assert.ok(!menu.has(path) && !categoryPaths.has(path), path);
        assert.equal((await httpGet(new URL(path, shop.url).href)).status, 200, path);
      }
    });

    it(`serves ${flavour} section landing pages that link their subcategories and list no products`, async () => {
      const shop = shops[flavour];
      const landings = shop.catalog.categories.filter((category) => !category.listsProducts);
      assert.ok(landings.length >= 3);
      for (const landing of landings) {
        const response = await httpGet(new URL(landing.path, shop.url).href);
        assert.equal(response.status, 200, landing.path);
        assert.deepEqual(FLAVOUR_LINKS[flavour].products(response.body), [], landing.path);
        const main = /<main[\s\S]*<\/main>/.exec(response.body)?.[0] ?? '';
        for (const child of shop.catalog.childrenOf(landing.handle)) assert.ok(main.includes(`href="${child.path}"`), `${landing.handle} -> ${child.handle}`);
        assert.equal(shop.catalog.productsIn(landing.handle).length, 0);
      }
    });
  }

  it('files products under a leaf, and under featured and brand collections, in every flavour alike', () => {
    const { shopify, woocommerce, generic } = shops;
    const staffOnly = (shop: typeof shopify, handle: string) => shop.catalog.isDisallowed(shop.catalog.categoryByHandle(handle)!.path);
    const shape = (shop: typeof shopify) => shop.catalog.products.map((product) =>
      [product.title, product.categories.map((handle) => (staffOnly(shop, handle) ? '(staff only)' : handle)).join(' ')]);
    assert.deepEqual(shape(woocommerce), shape(shopify));
    assert.deepEqual(shape(generic), shape(shopify));
    assert.ok(shopify.catalog.products.some((product) => product.categories.length === 3), 'some products are in three categories');
    const kinds = new Set(shopify.catalog.products.flatMap((product) => product.categories.map((handle) => shopify.catalog.categoryByHandle(handle)!.kind)));
    assert.deepEqual([...kinds].sort(), ['brand', 'featured', 'product-type']);
  });
});
