import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeDemoShops, SHOP_FLAVOURS, startDemoShops } from '../../src/demo-shop/index.js';
import type { DemoShop, DemoShops } from '../../src/demo-shop/index.js';
import { httpGet } from './http-helpers.js';
import { robotsMatcher } from './flavour-crawler.js';

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
}

/** Sitemap URLs named by robots.txt, then each index's files; the page URLs they list. */
async function sitemapPages(shop: DemoShop): Promise<{ files: string[]; pages: string[] }> {
  const robots = (await httpGet(`${shop.url}robots.txt`)).body;
  const queue = [...robots.matchAll(/^Sitemap: (\S+)$/gm)].map((match) => match[1] ?? '');
  const files: string[] = [];
  const pages: string[] = [];
  while (queue.length > 0) {
    const url = queue.shift()!;
    const response = await httpGet(url);
    assert.equal(response.status, 200, url);
    assert.equal(response.headers['content-type'], 'application/xml; charset=utf-8');
    files.push(new URL(url).pathname + new URL(url).search);
    if (response.body.includes('<sitemapindex')) queue.push(...locs(response.body));
    else pages.push(...locs(response.body).filter((loc) => !loc.includes('/images/')).map((loc) => new URL(loc).pathname + new URL(loc).search));
  }
  return { files, pages };
}

describe('demo shop sitemaps per flavour', () => {
  let shops: DemoShops;
  before(async () => {
    shops = await startDemoShops({ seed: 5, products: 2100 });
  });
  after(() => closeDemoShops(shops));

  for (const flavour of SHOP_FLAVOURS) {
    it(`lists every public ${flavour} product and category, and nothing robots.txt disallows`, async () => {
      const shop = shops[flavour];
      const { pages } = await sitemapPages(shop);
      const expected = [
        ...shop.catalog.publicProducts().map((product) => shop.catalog.productUrlPath(product)),
        ...shop.catalog.publicCategories().map((category) => shop.catalog.categoryUrlPath(category)),
      ];
      assert.deepEqual([...pages].sort(), expected.sort());
      const disallowed = robotsMatcher((await httpGet(`${shop.url}robots.txt`)).body);
      assert.deepEqual(pages.filter(disallowed), []);
    });
  }

  it('splits sitemaps the way each platform does', async () => {
    assert.deepEqual((await sitemapPages(shops.shopify)).files, ['/sitemap.xml', '/sitemap-products.xml', '/sitemap-collections.xml']);
    assert.deepEqual((await sitemapPages(shops.woocommerce)).files,
      ['/sitemap_index.xml', '/product-sitemap.xml', '/product-sitemap2.xml', '/product-sitemap3.xml', '/product_cat-sitemap.xml']);
    assert.deepEqual((await sitemapPages(shops.generic)).files, ['/sitemap.xml', '/sitemaps/products-1.xml', '/sitemaps/categories.xml']);
    const moved = await httpGet(`${shops.woocommerce.url}sitemap.xml`);
    assert.equal(moved.status, 301);
    assert.equal(moved.headers['location'], '/sitemap_index.xml');
    assert.equal((await httpGet(`${shops.woocommerce.url}product-sitemap4.xml`)).status, 404);
    assert.equal((await httpGet(`${shops.generic.url}sitemaps/products-2.xml`)).status, 404);
  });
});
