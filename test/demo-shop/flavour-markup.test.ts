import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeDemoShops, startDemoShops } from '../../src/demo-shop/index.js';
import type { DemoShop, DemoShops } from '../../src/demo-shop/index.js';
import { decodeEntities, httpGet, jsonLdBlocks, linkRel } from './http-helpers.js';

describe('demo shop WooCommerce and generic markup', () => {
  let shops: DemoShops;
  before(async () => {
    shops = await startDemoShops({ seed: 8, products: 80 });
  });
  after(() => closeDemoShops(shops));

  const get = (shop: DemoShop, path: string) => httpGet(new URL(path, shop.url).href);

  it('marks WooCommerce pages with generator tags, the plugin stylesheet and woocommerce body classes', async () => {
    const shop = shops.woocommerce;
    const page = await get(shop, shop.catalog.categoryByHandle('sale')!.path);
    assert.match(page.body, /<meta name="generator" content="WooCommerce [\d.]+">/);
    assert.match(page.body, /<meta name="generator" content="WordPress [\d.]+">/);
    assert.match(page.body, /<body class="[^"]*\bwoocommerce\b[^"]*">/);
    const stylesheet = /href="(\/wp-content\/plugins\/woocommerce\/[^"?]+\.css)\?ver=[^"]+"/.exec(page.body)?.[1];
    assert.ok(stylesheet);
    assert.equal((await get(shop, stylesheet)).status, 200);
    assert.doesNotMatch(page.body, /Shopify/);
  });

  it('lists WooCommerce products as li.product cards with a woocommerce-LoopProduct-link', async () => {
    const shop = shops.woocommerce;
    const sale = shop.catalog.productsIn('sale');
    const page = await get(shop, shop.catalog.categoryByHandle('sale')!.path);
    const cards = [...page.body.matchAll(/<li class="product type-product post-(\d+)[^"]*">\n<a href="([^"]+)" class="woocommerce-LoopProduct-link woocommerce-loop-product__link">/g)];
    assert.deepEqual(cards.map((card) => card[2]), sale.slice(0, shop.catalog.productsPerPage).map((product) => product.path));
    assert.deepEqual(cards.map((card) => Number(card[1])), sale.slice(0, shop.catalog.productsPerPage).map((product) => product.id));
    assert.match(page.body, /<del aria-hidden="true"><span class="woocommerce-Price-amount amount">/);
  });

  it('serves WooCommerce product pages at /product/<slug>/ with JSON-LD and a canonical link', async () => {
    const shop = shops.woocommerce;
    const product = shop.catalog.publicProducts()[0]!;
    assert.match(product.path, /^\/product\/[a-z0-9-]+\/$/);
    const page = await get(shop, `${product.path}?utm_source=newsletter`);
    assert.equal(page.status, 200);
    assert.equal(linkRel(page.body, 'canonical'), new URL(product.path, shop.url).href);
    assert.equal(jsonLdBlocks(page.body).find((block) => block['@type'] === 'Product')?.['name'], product.title);
    assert.match(page.body, /<body class="[^"]*single-product[^"]*woocommerce/);
    const bare = await get(shop, product.path.slice(0, -1));
    assert.equal(bare.status, 301);
    assert.equal(bare.headers['location'], product.path);
  });

  it('uses schema.org microdata instead of JSON-LD on half the generic product pages', async () => {
    const shop = shops.generic;
    const products = shop.catalog.publicProducts().slice(0, 6);
    const kinds = new Set<string>();
    for (const product of products) {
      const page = await get(shop, product.path);
      assert.equal(page.status, 200, product.path);
      const kind = shop.catalog.structuredDataOf(product);
      kinds.add(kind);
      assert.equal(kind, product.id % 2 === 0 ? 'microdata' : 'json-ld');
      if (kind === 'microdata') {
        assert.equal(jsonLdBlocks(page.body).length, 0, product.path);
        assert.match(page.body, /itemscope itemtype="https:\/\/schema.org\/Product"/);
        assert.equal(decodeEntities(/<meta itemprop="name" content="([^"]*)">/.exec(page.body)?.[1] ?? ''), product.title);
        assert.ok(page.body.includes(`<meta itemprop="price" content="${product.price}">`));
      } else {
        assert.equal(jsonLdBlocks(page.body).find((block) => block['@type'] === 'Product')?.['sku'], product.sku);
        assert.doesNotMatch(page.body, /itemscope/);
      }
    }
    assert.deepEqual([...kinds].sort(), ['json-ld', 'microdata']);
  });

  it('serves generic items at /item/<id>-<slug> and redirects other slugs to it', async () => {
    const shop = shops.generic;
    const product = shop.catalog.publicProducts()[2]!;
    assert.equal(product.path, `/item/${product.id}-${product.handle}`);
    for (const path of [`/item/${product.id}`, `/item/${product.id}-old-name?ref=x`]) {
      const response = await get(shop, path);
      assert.equal(response.status, 301, path);
      assert.equal(response.headers['location'], `${product.path}${path.includes('?') ? '?ref=x' : ''}`);
    }
    assert.equal((await get(shop, `/item/${shop.catalog.products.length + 1}-x`)).status, 404);
    const page = await get(shop, product.path);
    assert.doesNotMatch(page.body, /Shopify|woocommerce|wp-content/i);
  });
});
