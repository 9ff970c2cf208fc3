import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeDemoShops, generateCatalog, SHOP_FLAVOURS, startDemoShop, startDemoShops } from '../../src/demo-shop/index.js';
import { createServer } from 'node:net';
import { httpGet } from './http-helpers.js';

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('demo shop flavours', () => {
  it('defaults to the Shopify flavour and rejects an unknown one by name', () => {
    assert.equal(generateCatalog({ products: 1 }).flavour, 'shopify');
    assert.throws(() => generateCatalog({ flavour: 'magento' as never }), /DemoShopOptions\.flavour "magento" is not one of shopify, woocommerce, generic/);
  });

  it('generates the same products in every flavour, at each flavour\'s own URLs', () => {
    const [shopify, woo, generic] = SHOP_FLAVOURS.map((flavour) => generateCatalog({ flavour, seed: 21, products: 200 }));
    const strip = (catalog: typeof shopify) => catalog!.products.map((product) => [product.id, product.handle, product.title, product.sku, product.price]);
    assert.deepEqual(strip(woo), strip(shopify));
    assert.deepEqual(strip(generic), strip(shopify));
    const product = shopify!.products[4]!;
    assert.equal(shopify!.productUrlPath(product), `/products/${product.handle}`);
    assert.equal(woo!.productUrlPath(woo!.products[4]!), `/product/${product.handle}/`);
    assert.equal(generic!.productUrlPath(generic!.products[4]!), `/item/5-${product.handle}`);
    assert.equal(generic!.productById(5), generic!.products[4]);
    assert.equal(generic!.productById(0), undefined);
  });

  it('nests WooCommerce category URLs under their parents and pages each flavour its own way', () => {
    const [shopify, woo, generic] = SHOP_FLAVOURS.map((flavour) => generateCatalog({ flavour, products: 10 }));
    const boots = (catalog: typeof shopify) => catalog!.categoryByHandle('mens-boots')!;
    assert.equal(shopify!.categoryUrlPath(boots(shopify)), '/collections/mens-boots');
    assert.equal(shopify!.categoryUrlPath(boots(shopify), 3), '/collections/mens-boots?page=3');
    assert.equal(woo!.categoryUrlPath(boots(woo)), '/product-category/men/mens-shoes/mens-boots/');
    assert.equal(woo!.categoryUrlPath(boots(woo), 3), '/product-category/men/mens-shoes/mens-boots/page/3/');
    assert.equal(woo!.categoryByHandle('men')!.path, '/product-category/men/');
    assert.equal(generic!.categoryUrlPath(boots(generic)), '/shop/mens-boots');
    assert.equal(generic!.categoryUrlPath(boots(generic), 3), '/shop/mens-boots?p=3');
  });

  it('keeps internal products out of the public set, and nothing else', () => {
    for (const flavour of SHOP_FLAVOURS) {
      const catalog = generateCatalog({ flavour, products: 600 });
      const hidden = catalog.products.filter((product) => !catalog.publicProducts().includes(product));
      assert.ok(hidden.length >= 20, flavour);
      assert.ok(hidden.every((product) => product.handle.startsWith('internal-') && catalog.isDisallowed(product.path)), flavour);
      assert.ok(catalog.products.slice(0, 7).every((product) => catalog.publicProducts().includes(product)), 'the first products are public');
      assert.ok(hidden.every((product) => product.compareAtPrice === undefined && !product.categories.includes('sale')));
    }
  });

  it('generates a 20,000-product catalog with its public set and a search in every flavour', () => {
    for (const flavour of SHOP_FLAVOURS) {
      const catalog = generateCatalog({ flavour, products: 20_000, seed: 2 });
      assert.equal(catalog.products.length, 20_000);
      assert.ok(catalog.publicProducts().length > 19_000);
      assert.ok(catalog.searchResults('parka').length > 100);
    }
  });

  it('starts one shop per flavour with startDemoShops and closes them all', async () => {
    const shops = await startDemoShops({ products: 12 });
    try {
      assert.deepEqual(Object.keys(shops).sort(), [...SHOP_FLAVOURS].sort());
      assert.equal(new Set(Object.values(shops).map((shop) => shop.port)).size, 3);
      for (const flavour of SHOP_FLAVOURS) {
        assert.equal(shops[flavour].flavour, flavour);
        assert.equal(shops[flavour].catalog.flavour, flavour);
        assert.equal((await httpGet(shops[flavour].url)).status, 200);
      }
    } finally {
      await closeDemoShops(shops);
    }
    for (const shop of Object.values(shops)) await assert.rejects(httpGet(shop.url));
  });

  it('closes the shops already started when a later flavour cannot start', async (t) => {
    const blocker = await startDemoShop({ products: 1 });
    try {
      if (!(await portIsFree(blocker.port - 1))) {
        t.skip(`port ${blocker.port - 1} is taken by something else`);
        return;
      }
      await assert.rejects(startDemoShops({ products: 1, port: blocker.port - 1 }), /EADDRINUSE/);
      await assert.rejects(httpGet(`http://127.0.0.1:${blocker.port - 1}/`), 'the first shop was closed again');
    } finally {
      await blocker.close();
    }
  });
});
