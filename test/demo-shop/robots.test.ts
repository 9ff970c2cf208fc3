import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeDemoShops, generateCatalog, SHOP_FLAVOURS, startDemoShops } from '../../src/demo-shop/index.js';
import type { DemoShop, DemoShops, ShopCategory } from '../../src/demo-shop/index.js';
import { httpGet } from './http-helpers.js';
import { FLAVOUR_LINKS, menuLinks, pathOf, robotsMatcher } from './flavour-crawler.js';

const SITEMAP_INDEX = { shopify: '/sitemap.xml', woocommerce: '/sitemap_index.xml', generic: '/sitemap.xml' } as const;

describe('demo shop robots.txt', () => {
  let shops: DemoShops;
  before(async () => {
    shops = await startDemoShops({ seed: 3, products: 120 });
  });
  after(() => closeDemoShops(shops));

  const get = (shop: DemoShop, path: string) => httpGet(new URL(path, shop.url).href);
  const staffOnly = (shop: DemoShop): ShopCategory => shop.catalog.categories.find((c) => shop.catalog.isDisallowed(c.path))!;

  for (const flavour of SHOP_FLAVOURS) {
    it(`lists the ${flavour} disallowed paths and the sitemap index, without Crawl-delay`, async () => {
      const shop = shops[flavour];
      const response = await get(shop, '/robots.txt');
      assert.equal(response.status, 200);
      assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8');
      const lines = response.body.split('\n');
      assert.ok(lines.includes('User-agent: *'));
      for (const path of shop.catalog.robotsDisallow) assert.ok(lines.includes(`Disallow: ${path}`), path);
      assert.ok(lines.includes(`Sitemap: ${new URL(SITEMAP_INDEX[flavour], shop.url).href}`));
      assert.doesNotMatch(response.body, /crawl-delay/i);
      const matcher = robotsMatcher(response.body);
      for (const product of shop.catalog.products) assert.equal(matcher(product.path), shop.catalog.isDisallowed(product.path), product.path);
    });

    it(`links disallowed ${flavour} pages from the site: the staff-only category in the menu, internal products in listings`, async () => {
      const shop = shops[flavour];
      const home = await get(shop, '/');
      const privateCategory = staffOnly(shop);
      assert.ok(menuLinks(home.body).map((href) => pathOf(shop, href)).includes(privateCategory.path));
      assert.equal(shop.catalog.publicCategories().length, shop.catalog.categories.length - 1);
      const internal = shop.catalog.productsIn(privateCategory.handle);
      assert.ok(internal.length > 0);
      for (const product of internal) {
        assert.ok(shop.catalog.isDisallowed(product.path), product.path);
        assert.deepEqual(product.categories, [product.categories[0], privateCategory.handle], 'listed in its leaf and the staff-only category only');
        assert.ok(!shop.catalog.publicProducts().includes(product));
      }
      const leaf = shop.catalog.categoryByHandle(internal[0]!.categories[0]!)!;
      const position = shop.catalog.productsIn(leaf.handle).indexOf(internal[0]!);
      const page = Math.floor(position / shop.catalog.productsPerPage) + 1;
      const listing = await get(shop, shop.catalog.categoryUrlPath(leaf, page));
      const links = FLAVOUR_LINKS[flavour].products(listing.body).map((href) => pathOf(shop, href));
      assert.ok(links.some((link) => link.startsWith(internal[0]!.path)), 'the public leaf listing links the internal product');
      const disallowedLinks = links.filter((link) => shop.catalog.isDisallowed(link));
      assert.ok(disallowedLinks.every((link) => internal.some((product) => link.startsWith(product.path))), 'only internal products are linked under a disallowed path');
    });

    it(`records every request and the ${flavour} fetches robots.txt disallows`, async () => {
      const shop = shops[flavour];
      const before = shop.requests().length;
      const started = Date.now();
      const privatePath = staffOnly(shop).path;
      const internalPath = shop.catalog.productsIn(staffOnly(shop).handle)[0]!.path;
      assert.equal((await get(shop, privatePath)).status, 200, 'disallowed pages still answer');
      assert.equal((await get(shop, internalPath)).status, 200);
      await httpGet(new URL('/robots.txt', shop.url).href, { method: 'HEAD' });
      const recent = shop.requests().slice(before);
      assert.deepEqual(recent.map((r) => [r.method, r.path]), [['GET', privatePath], ['GET', internalPath], ['HEAD', '/robots.txt']]);
      assert.ok(recent.every((r) => r.at >= started && r.at <= Date.now()));
      assert.deepEqual(shop.disallowedHits().slice(-2), [privatePath, internalPath]);
    });
  }

  it('matches robots rules the RFC 9309 way: prefixes, wildcards, the longest match, Allow on a tie', () => {
    const shopify = generateCatalog({ products: 1 });
    assert.ok(shopify.isDisallowed('/collections/private-sale?page=2'));
    assert.ok(shopify.isDisallowed('/collections/private-sale/products.json'));
    assert.ok(!shopify.isDisallowed('/collections/sale'));
    assert.ok(shopify.isDisallowed('/products/internal-womens-boot?variant=1'));
    const woo = generateCatalog({ products: 1, flavour: 'woocommerce' });
    assert.ok(woo.isDisallowed('/wp-admin/options.php'));
    assert.ok(!woo.isDisallowed('/wp-admin/admin-ajax.php'), 'the longer Allow wins');
    assert.ok(woo.isDisallowed('/product-category/staff-only/page/2/'));
    assert.deepEqual(woo.robotsDisallow.includes('/wp-admin/admin-ajax.php'), false);
    const generic = generateCatalog({ products: 1, flavour: 'generic' });
    assert.ok(generic.isDisallowed('/item/8-internal-mens-cap'));
    assert.ok(!generic.isDisallowed('/item/8-mens-cap'));
    assert.ok(generic.robotsDisallow.includes('/item/*-internal-'));
  });
});
