import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractProduct, money } from './fixtures/extract.helper.js';
import { MAGENTO1_SIMPLE, lumaConfigurable } from './fixtures/magento.fixture.js';

const page = { url: 'https://luma.example/chaz-kangeroo-hoodie.html' };

describe('Magento extraction', () => {
  it('reads a Magento 2 configurable product: finalPrice and oldPrice, SKU, stock, description, gallery', async () => {
    const product = await extractProduct(lumaConfigurable(), page);
    assert.equal(product.platform, 'MAGENTO');
    assert.equal(product.title, 'Chaz Kangeroo Hoodie');
    assert.deepEqual(product.price, money('39.00', 'USD'));
    assert.deepEqual(product.compareAtPrice, money('45.00', 'USD'));
    assert.equal(product.sku, 'MH01');
    assert.equal(product.availability, 'IN_STOCK');
    assert.equal(product.description, 'The Chaz Kangeroo Hoodie is ready for anything. Two-tone gray heather hoodie. Machine wash/dry.');
    assert.deepEqual(product.images, [
      'https://luma.example/media/catalog/product/cache/926507dc7f93631a094422215b778fe0/m/h/mh01-gray_alt1_1.jpg',
      'https://luma.example/media/catalog/product/cache/926507dc7f93631a094422215b778fe0/m/h/mh01-gray_main_1.jpg',
    ], 'the gallery\'s main image first, and one URL per photo whatever the cache size');
    for (const field of ['title', 'price', 'compareAtPrice', 'sku', 'availability', 'description', 'variants', 'images']) {
      assert.equal(product.sources[field], 'magento', field);
    }
  });

  it('turns the swatch renderer\'s jsonConfig into variants with option labels and per-child prices', async () => {
    const product = await extractProduct(lumaConfigurable(), page);
    assert.deepEqual(product.variants, [
      { title: 'Blue / XS', options: { Color: 'Blue', Size: 'XS' }, price: money('39.00', 'USD'), availability: 'UNKNOWN' },
      { title: 'Blue / S', options: { Color: 'Blue', Size: 'S' }, price: money('39.00', 'USD'), availability: 'UNKNOWN' },
      { title: 'Red / XS', options: { Color: 'Red', Size: 'XS' }, price: money('45.00', 'USD'), availability: 'UNKNOWN' },
    ]);
  });

  it('reads .stock.unavailable as out of stock, and a price box without oldPrice as no compare-at price', async () => {
    const html = lumaConfigurable({ stock: '<div class="stock unavailable" title="Availability"><span>Out of stock</span></div>', oldPrice: false });
    const product = await extractProduct(html, page);
    assert.equal(product.availability, 'OUT_OF_STOCK');
    assert.equal(product.compareAtPrice, undefined);
  });

  it('prefers the visible special price over the meta tag\'s stale price', async () => {
    const html = lumaConfigurable().replace('<meta property="product:price:amount" content="39">', '<meta property="product:price:amount" content="45">');
    const product = await extractProduct(html, page);
    assert.deepEqual(product.price, money('39.00', 'USD'));
    assert.equal(product.sources.price, 'magento');
  });

  it('reads a Magento 1 product: special and old price, out-of-stock availability, breadcrumbs', async () => {
    const product = await extractProduct(MAGENTO1_SIMPLE, { url: 'https://m1.example/elizabeth-knit-top.html' });
    assert.equal(product.platform, 'MAGENTO');
    assert.equal(product.title, 'Elizabeth Knit Top');
    assert.deepEqual(product.price, money('180.00', 'USD'));
    assert.deepEqual(product.compareAtPrice, money('210.00', 'USD'));
    assert.equal(product.availability, 'OUT_OF_STOCK');
    assert.equal(product.description, 'Semi-fitted knit top.');
    assert.deepEqual(product.breadcrumbs, ['Home', 'Women']);
    assert.deepEqual(product.images, ['https://m1.example/media/catalog/product/cache/1/image/1800x/040ec09b1e35df139433887a97daa66f/w/b/wbk002t.jpg']);
  });

  it('reads the options of #product-options-wrapper when there is no configurable config', async () => {
    const options = `<div class="product-options-wrapper" id="product-options-wrapper"><div class="field required"><label class="label" for="select_12"><span>Size</span></label>
      <select name="options[12]" id="select_12" class="product-custom-option"><option value="">-- Please Select --</option><option value="31">Small</option>
      <option value="32">Large +$5.00</option></select></div></div>`;
    const html = lumaConfigurable().replace(/<div class="product-options-wrapper"[\s\S]*?<\/script>/, options);
    assert.ok(!html.includes('jsonConfig'));
    const product = await extractProduct(html, page);
    assert.deepEqual(product.variants, [
      { title: 'Small', options: { Size: 'Small' }, availability: 'UNKNOWN' },
      { title: 'Large', options: { Size: 'Large' }, availability: 'UNKNOWN' },
    ]);
  });
});
