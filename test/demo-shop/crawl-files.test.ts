import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop } from '../../src/demo-shop/index.js';
import type { DemoShop } from '../../src/demo-shop/index.js';
import { httpGet } from './http-helpers.js';

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
}

describe('demo shop robots.txt and sitemaps', () => {
  let shop: DemoShop;
  before(async () => {
    shop = await startDemoShop({ seed: 2, products: 150 });
  });
  after(() => shop.close());

  const get = (path: string) => httpGet(new URL(path, shop.url).href);

  it('disallows cart, account, checkout and search and points to the sitemap', async () => {
    const response = await get('/robots.txt');
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8');
    const lines = response.body.split('\n');
    assert.ok(lines.includes('User-agent: *'));
    for (const path of ['/cart', '/account', '/checkout', '/search']) assert.ok(lines.includes(`Disallow: ${path}`), path);
    assert.ok(lines.includes(`Sitemap: ${shop.url}sitemap.xml`));
  });

  it('serves a sitemap index pointing to the product and collection sitemaps', async () => {
    const response = await get('/sitemap.xml');
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'application/xml; charset=utf-8');
    assert.match(response.body, /<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    assert.deepEqual(locs(response.body), [`${shop.url}sitemap-products.xml`, `${shop.url}sitemap-collections.xml`]);
  });

  it('lists every public product URL exactly once in the product sitemap', async () => {
    const response = await get('/sitemap-products.xml');
    assert.equal(response.status, 200);
    const productUrls = locs(response.body).filter((loc) => loc.includes('/products/'));
    assert.deepEqual(productUrls, shop.catalog.publicProducts().map((p) => `${shop.url}${p.path.slice(1)}`));
    assert.equal((await get('/sitemap-products.xml?page=2')).status, 404);
  });

  it('lists every public collection URL in the collection sitemap', async () => {
    const response = await get('/sitemap-collections.xml');
    assert.deepEqual(locs(response.body), shop.catalog.publicCategories().map((c) => `${shop.url}${c.path.slice(1)}`));
  });

  it('splits product sitemaps at 50,000 URLs', async () => {
    const big = await startDemoShop({ products: 52_000 });
    try {
      const index = locs((await httpGet(`${big.url}sitemap.xml`)).body);
      assert.deepEqual(index, [`${big.url}sitemap-products.xml`, `${big.url}sitemap-products.xml?page=2`, `${big.url}sitemap-collections.xml`]);
      const second = await httpGet(`${big.url}sitemap-products.xml?page=2`);
      const expected = big.catalog.publicProducts().slice(50_000).map((p) => `${big.url}${p.path.slice(1)}`);
      assert.ok(expected.length > 0, 'more than 50,000 public products');
      assert.deepEqual(locs(second.body).filter((loc) => loc.includes('/products/')), expected);
    } finally {
      await big.close();
    }
  });
});
