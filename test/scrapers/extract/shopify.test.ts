import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { productEndpoints } from '../../../src/scrapers/extract/shopify.source.js';
import { extractProduct, money, relatedServer } from './fixtures/extract.helper.js';
import { SHOPIFY_PRODUCT_JS, SHOPIFY_PRODUCT_JSON, dawnProductPage, embeddedProductJson } from './fixtures/shopify.fixture.js';

const PAGE_URL = 'https://northfold.example/products/merino-crew-sweater';
const JS_URL = `${PAGE_URL}.js`;
const JSON_URL = `${PAGE_URL}.json`;
const page = { url: PAGE_URL };

describe('Shopify extraction', () => {
  it('reads /products/<handle>.js through fetchRelated: prices in cents, variants with stock, vendor, barcode', async () => {
    const related = relatedServer({ [JS_URL]: SHOPIFY_PRODUCT_JS });
    const product = await extractProduct(dawnProductPage(), page, { fetchRelated: related.fetchRelated });
    assert.deepEqual(related.asked, [JS_URL]);
    assert.equal(product.platform, 'SHOPIFY');
    assert.equal(product.title, 'Merino Crew Sweater');
    assert.equal(product.brand, 'Northfold');
    assert.equal(product.description, 'Soft merino wool. 100% merino Machine washable');
    assert.deepEqual(product.price, money('89.00', 'USD'), 'the cheapest available variant');
    assert.deepEqual(product.compareAtPrice, money('120.00', 'USD'));
    assert.equal(product.sku, 'MCS-NAV-M');
    assert.equal(product.gtin, '4006381333931');
    assert.equal(product.availability, 'IN_STOCK');
    assert.deepEqual(product.variants[0], {
      title: 'Navy / S', sku: 'MCS-NAV-S', options: { Color: 'Navy', Size: 'S' }, price: money('89.00', 'USD'), availability: 'OUT_OF_STOCK',
    });
    assert.deepEqual(product.variants.map((variant) => variant.availability), ['OUT_OF_STOCK', 'IN_STOCK', 'IN_STOCK']);
    assert.deepEqual(product.images, [
      'https://cdn.shopify.com/s/files/1/0612/3456/products/merino-navy.jpg?v=1704899000',
      'https://cdn.shopify.com/s/files/1/0612/3456/products/merino-oat.jpg?v=1704899001',
    ], 'the same photo at other sizes and on the shop domain is one image');
    assert.deepEqual(product.breadcrumbs, ['Home', 'Sweaters']);
    for (const field of ['title', 'brand', 'price', 'compareAtPrice', 'variants', 'sku', 'gtin', 'availability', 'images']) {
      assert.equal(product.sources[field], 'shopify-json', field);
    }
    assert.equal(product.sources.canonicalUrl, 'markup');
  });

  it('falls back to /products/<handle>.json when .js is unreachable: decimal prices, stock from the page', async () => {
    const related = relatedServer({ [JS_URL]: new Error('HTTP 404'), [JSON_URL]: SHOPIFY_PRODUCT_JSON });
    const product = await extractProduct(dawnProductPage(), page, { fetchRelated: related.fetchRelated });
    assert.deepEqual(related.asked, [JS_URL, JSON_URL]);
    assert.deepEqual(product.price, money('89.00', 'USD'));
    assert.deepEqual(product.compareAtPrice, money('120.00', 'USD'));
    assert.equal(product.description, 'Soft merino wool.');
    assert.deepEqual(product.variants.map((variant) => [variant.title, variant.price?.amount, variant.availability]), [
      ['Navy / M', '89.00', 'UNKNOWN'], ['Oat / L', '99.00', 'UNKNOWN'],
    ]);
    assert.equal(product.availability, 'IN_STOCK');
    assert.equal(product.sources.availability, 'json-ld');
  });

  it('falls back silently to the page when both endpoints are unreachable, fetching no more than two URLs', async () => {
    const related = relatedServer({});
    const product = await extractProduct(dawnProductPage(), page, { fetchRelated: related.fetchRelated });
    assert.equal(related.asked.length, 2);
    assert.equal(product.title, 'Merino Crew Sweater');
    assert.equal(product.sources.brand, 'shopify');
    assert.deepEqual(product.price, money('89.00', 'USD'));
    assert.deepEqual(product.compareAtPrice, money('120.00', 'USD'));
    assert.equal(product.sources.compareAtPrice, 'markup');
    assert.deepEqual(product.variants.map((variant) => [variant.sku, variant.price?.amount, variant.availability]), [
      ['MCS-NAV-S', '89.00', 'OUT_OF_STOCK'], ['MCS-NAV-M', '89.00', 'IN_STOCK'], ['MCS-OAT-L', '99.00', 'IN_STOCK'],
    ], 'the analytics variants take their stock from the JSON-LD offers with the same SKU');
    assert.equal(product.availability, 'IN_STOCK');
  });

  it('uses the theme\'s embedded product JSON without fetching anything', async () => {
    const related = relatedServer({ [JS_URL]: SHOPIFY_PRODUCT_JS });
    const product = await extractProduct(dawnProductPage({ embeddedJson: embeddedProductJson(SHOPIFY_PRODUCT_JS) }), page, related);
    assert.deepEqual(related.asked, []);
    assert.equal(product.sources.variants, 'shopify-json');
    assert.equal(product.variants.length, 3);
  });

  it('prices the variant selected by ?variant= in the URL', async () => {
    const related = relatedServer({ [JS_URL]: SHOPIFY_PRODUCT_JS });
    const html = dawnProductPage({ sale: '$99.00', regular: '' });
    const product = await extractProduct(html, { url: `${PAGE_URL}?variant=42000000000003` }, related);
    assert.deepEqual(related.asked, [JS_URL]);
    assert.deepEqual(product.price, money('99.00', 'USD'));
    assert.equal(product.compareAtPrice, undefined);
    assert.equal(product.sku, 'MCS-OAT-L');
  });

  it('reads hundredths in a zero-decimal currency (JPY) from Shopify.currency', async () => {
    const yen = { ...SHOPIFY_PRODUCT_JS, variants: SHOPIFY_PRODUCT_JS.variants.map((variant) => ({ ...variant, price: 1_250_000, compare_at_price: null })) };
    const html = dawnProductPage({ currency: 'JPY', embeddedJson: embeddedProductJson(yen), sale: '¥12,500', regular: '' });
    const product = await extractProduct(html, page);
    assert.deepEqual(product.price, money('12500', 'JPY'));
  });

  it('finds the endpoints under a market prefix and a collection path, and none off a product URL', () => {
    assert.deepEqual(productEndpoints('https://shop.example/en-ca/products/tee?variant=1', undefined),
      ['https://shop.example/en-ca/products/tee.js', 'https://shop.example/en-ca/products/tee.json']);
    assert.deepEqual(productEndpoints('https://shop.example/collections/summer/products/tee', undefined)[0], 'https://shop.example/products/tee.js');
    assert.deepEqual(productEndpoints('https://shop.example/pages/about', 'https://shop.example/products/tee')[0], 'https://shop.example/products/tee.js');
    assert.deepEqual(productEndpoints('https://shop.example/pages/about', undefined), []);
  });

  it('never asks for another site\'s URL, and runs no Shopify step when told the platform is GENERIC', async () => {
    const offsite = relatedServer({ [JS_URL]: SHOPIFY_PRODUCT_JS });
    const mirrored = await extractProduct(dawnProductPage(), { url: 'https://mirror.example/pages/merino' }, offsite);
    assert.deepEqual(offsite.asked, [], 'the canonical product URL is on another host');
    assert.equal(mirrored.sources.title, 'json-ld');
    const generic = relatedServer({ [JS_URL]: SHOPIFY_PRODUCT_JS });
    const product = await extractProduct(dawnProductPage(), page, { ...generic, platform: 'GENERIC' });
    assert.deepEqual(generic.asked, []);
    assert.equal(product.platform, 'GENERIC');
    assert.equal(product.sources.title, 'json-ld');
  });
});
