import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cornerstoneProduct } from './fixtures/bigcommerce.fixture.js';
import { extractProduct, money } from './fixtures/extract.helper.js';
import { SITE_GENESIS_PRODUCT, sfraProduct } from './fixtures/sfcc.fixture.js';

describe('BigCommerce extraction', () => {
  const page = { url: 'https://cg.example/laundry-detergent/' };

  it('reads BCData.product_attributes and the .productView: prices, SKU, UPC as GTIN, MPN, brand, images', async () => {
    const product = await extractProduct(cornerstoneProduct(), page);
    assert.equal(product.platform, 'BIGCOMMERCE');
    assert.equal(product.title, 'Laundry Detergent');
    assert.equal(product.brand, 'Common Good');
    assert.deepEqual(product.price, money('39.95', 'USD'));
    assert.deepEqual(product.compareAtPrice, money('49.95', 'USD'));
    assert.equal(product.sku, 'SLCB');
    assert.equal(product.gtin, '036000291452');
    assert.equal(product.mpn, 'SL-CB-1');
    assert.equal(product.availability, 'IN_STOCK');
    assert.equal(product.description, 'This all-natural, plant-based laundry detergent is gentle.');
    assert.deepEqual(product.breadcrumbs, ['Home', 'Laundry']);
    assert.deepEqual(product.images, [
      'https://cdn11.bigcommerce.com/s-abc123/images/stencil/1280x1280/products/77/266/foglinenbeigestripetowel1b__72491.1490302186.jpg?c=2',
      'https://cdn11.bigcommerce.com/s-abc123/images/stencil/1280x1280/products/77/267/detergent-back__88.jpg?c=2',
    ]);
    for (const field of ['title', 'brand', 'price', 'compareAtPrice', 'sku', 'gtin', 'mpn', 'availability', 'images']) {
      assert.equal(product.sources[field], 'bigcommerce', field);
    }
  });

  it('reads a product off sale (no compare-at) and out of stock (instock false, disabled button)', async () => {
    const product = await extractProduct(cornerstoneProduct({ instock: false, sale: false }), page);
    assert.deepEqual(product.price, money('49.95', 'USD'));
    assert.equal(product.compareAtPrice, undefined);
    assert.equal(product.availability, 'OUT_OF_STOCK');
  });
});

describe('Salesforce Commerce Cloud extraction', () => {
  const page = { url: 'https://refarch.example/s/RefArch/modern-blazer/25592581M.html?lang=en_US' };

  it('reads an SFRA product: data-pid, sales value content, strike-through list price, availability, images', async () => {
    const product = await extractProduct(sfraProduct(), page);
    assert.equal(product.platform, 'SALESFORCE');
    assert.equal(product.title, 'Modern Blazer');
    assert.equal(product.sku, '25592581M');
    assert.deepEqual(product.price, money('139.00', 'USD'));
    assert.deepEqual(product.compareAtPrice, money('199.00', 'USD'));
    assert.equal(product.availability, 'IN_STOCK');
    assert.equal(product.description, 'A navy modern blazer.');
    assert.deepEqual(product.breadcrumbs, ['Womens', 'Clothing']);
    assert.equal(product.images.length, 2);
    for (const field of ['title', 'sku', 'price', 'compareAtPrice', 'availability', 'description', 'images']) assert.equal(product.sources[field], 'sfcc', field);
  });

  it('reads an SFRA product out of stock and without a list price', async () => {
    const product = await extractProduct(sfraProduct({ available: false, strike: false }), page);
    assert.equal(product.availability, 'OUT_OF_STOCK');
    assert.equal(product.compareAtPrice, undefined);
  });

  it('reads a SiteGenesis product with German prices and stock text', async () => {
    const product = await extractProduct(SITE_GENESIS_PRODUCT, { url: 'https://shop.example.de/leinenhose/701644391743.html' });
    assert.equal(product.platform, 'SALESFORCE');
    assert.equal(product.title, 'Leinenhose');
    assert.equal(product.sku, '701644391743');
    assert.deepEqual(product.price, money('59.95', 'EUR'));
    assert.deepEqual(product.compareAtPrice, money('89.95', 'EUR'));
    assert.equal(product.availability, 'IN_STOCK');
    assert.equal(product.language, 'de-DE');
  });
});
