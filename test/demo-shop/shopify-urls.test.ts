import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop } from '../../src/demo-shop/index.js';
import type { DemoShop } from '../../src/demo-shop/index.js';
import { httpGet, linkRel, productCardLinks } from './http-helpers.js';
import { walkListing } from './flavour-crawler.js';

interface ProductsJson {
  products: { handle: string; title: string; variants: { price: string; sku: string }[] }[];
}

describe('demo shop Shopify URLs', () => {
  let shop: DemoShop;
  before(async () => {
    shop = await startDemoShop({ seed: 6, products: 400, productsPerPage: 12 });
  });
  after(() => shop.close());

  const get = (path: string) => httpGet(new URL(path, shop.url).href);

  it('pages /collections/<handle>/products.json in listing order, with an empty array past the end', async () => {
    const handles: string[] = [];
    let page = 1;
    for (;; page += 1) {
      const response = await get(`/collections/sale/products.json?limit=7&page=${page}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
      const { products } = JSON.parse(response.body) as ProductsJson;
      if (products.length === 0) break;
      assert.ok(products.length <= 7);
      for (const product of products) {
        assert.ok(product.variants.length > 0 && product.variants.every((variant) => /^\d+\.\d{2}$/.test(variant.price)), product.handle);
        assert.equal(product.title, shop.catalog.productByHandle(product.handle)?.title);
      }
      handles.push(...products.map((product) => product.handle));
    }
    assert.deepEqual(handles, shop.catalog.productsIn('sale').map((product) => product.handle));
    assert.ok(page > 3, 'several pages');
    const prices = (JSON.parse((await get('/collections/sale/products.json?limit=1')).body) as ProductsJson).products[0]!.variants.map((v) => v.price);
    assert.deepEqual(prices, shop.catalog.productsIn('sale')[0]!.variants.map((v) => v.price));
  });

  it('defaults products.json to 30 a page, clamps limit to 250 and 404s an unknown collection', async () => {
    const all = shop.catalog.productsIn('womens-shirts').length;
    const count = async (query: string) => (JSON.parse((await get(`/collections/womens-shirts/products.json${query}`)).body) as ProductsJson).products.length;
    assert.equal(await count(''), Math.min(30, all));
    assert.equal(await count('?limit=1000'), Math.min(250, all));
    assert.equal(await count('?limit=abc&page=1'), Math.min(30, all));
    assert.equal((await get('/collections/no-such-collection/products.json')).status, 404);
  });

  it('links some cards collection-scoped or with variant and utm parameters, all resolving to the canonical product page', async () => {
    const { products } = await walkListing(shop, '/collections/womens-shirts');
    const scoped = products.filter((link) => link.startsWith('/collections/womens-shirts/products/'));
    const variant = products.filter((link) => /\?variant=\d+$/.test(link));
    const tracked = products.filter((link) => /\?utm_source=/.test(link));
    assert.ok(scoped.length > 0 && variant.length > 0 && tracked.length > 0, 'every kind of link appears');
    assert.ok(products.filter((link) => /^\/products\/[^?]+$/.test(link)).length > products.length / 2, 'most links are plain');
    for (const link of [scoped[0]!, variant[0]!, tracked[0]!]) {
      const handle = /\/products\/([^?]+)/.exec(link)![1]!;
      const plain = await get(`/products/${handle}`);
      const response = await get(link);
      assert.equal(response.status, 200, link);
      assert.equal(linkRel(response.body, 'canonical'), new URL(`/products/${handle}`, shop.url).href, link);
      assert.equal(response.body, plain.body, 'the same page at every URL');
    }
    assert.equal((await get('/collections/no-such-collection/products/x')).status, 404);
  });

  it('marks the pages as Shopify: Shopify.theme, a cdn.shopify.com host, theme assets under /cdn/shop/, a powered-by header', async () => {
    const home = await get('/');
    assert.match(home.body, /Shopify\.theme = \{"name":"Dawn"/);
    assert.match(home.body, /cdn\.shopify\.com/);
    assert.doesNotMatch(home.body, /(src|href)="(https?:)?\/\/cdn\.shopify\.com/, 'no page asset is fetched from the internet');
    const stylesheet = /<link rel="stylesheet" href="(\/cdn\/shop\/[^"]+)">/.exec(home.body)?.[1];
    assert.ok(stylesheet);
    const css = await get(stylesheet);
    assert.equal(css.status, 200);
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
    assert.equal(home.headers['powered-by'], 'Shopify');
    assert.match(home.body, /<body class="template-index">/);
  });

  it('lists plain product paths on the home page', async () => {
    const links = productCardLinks((await get('/')).body);
    assert.ok(links.length > 0 && links.every((link) => /^\/products\/[a-z0-9-]+$/.test(link)));
  });
});
