import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CheerioProductExtractor } from '../../../src/scrapers/extract/cheerio-product.extractor.js';
import type { ExtractionSource } from '../../../src/scrapers/extract/extraction.types.js';
import { GENERIC_STEPS, PLATFORM_STEPS, stepsFor } from '../../../src/scrapers/extract/platform-steps.js';
import { htmlPage } from '../support/page.js';
import { cornerstoneProduct } from './fixtures/bigcommerce.fixture.js';
import { extractProduct, money } from './fixtures/extract.helper.js';
import { lumaConfigurable } from './fixtures/magento.fixture.js';
import { sfraProduct } from './fixtures/sfcc.fixture.js';
import { dawnProductPage } from './fixtures/shopify.fixture.js';
import { wooSimpleOnSale } from './fixtures/woocommerce.fixture.js';

describe('extraction steps by platform', () => {
  it('runs a platform\'s own steps first, then the generic ones as fallbacks', () => {
    assert.deepEqual(stepsFor('SHOPIFY').map((step) => step.name), [
      'shopify-json', 'shopify', 'json-ld', 'microdata', 'rdfa', 'opengraph', 'meta', 'markup',
    ]);
    assert.deepEqual(stepsFor('GENERIC').map((step) => step.name), GENERIC_STEPS.map((step) => step.name));
    for (const [platform, steps] of Object.entries(PLATFORM_STEPS)) {
      assert.deepEqual(stepsFor(platform as keyof typeof PLATFORM_STEPS).slice(0, steps.length), steps, platform);
    }
  });

  const pages: [string, string, string, string][] = [
    ['SHOPIFY', dawnProductPage(), 'https://northfold.example/products/merino-crew-sweater', 'shopify'],
    ['WOOCOMMERCE', wooSimpleOnSale(), 'https://kettle.example/product/hoodie/', 'woocommerce'],
    ['MAGENTO', lumaConfigurable(), 'https://luma.example/chaz-kangeroo-hoodie.html', 'magento'],
    ['BIGCOMMERCE', cornerstoneProduct(), 'https://cg.example/laundry-detergent/', 'bigcommerce'],
    ['SALESFORCE', sfraProduct(), 'https://refarch.example/s/RefArch/modern-blazer/25592581M.html', 'sfcc'],
  ];
  for (const [platform, html, url, source] of pages) {
    it(`detects ${platform} from the page, records it on the product and credits the ${source} step`, async () => {
      const product = await extractProduct(html, { url });
      assert.equal(product.platform, platform);
      assert.ok(Object.values(product.sources).includes(source), JSON.stringify(product.sources));
    });
  }

  it('uses the platform the caller knows instead of detecting it, and falls back to the generic steps', async () => {
    const told = await extractProduct(wooSimpleOnSale(), { url: 'https://kettle.example/product/hoodie/' }, { platform: 'MAGENTO' });
    assert.equal(told.platform, 'MAGENTO');
    assert.equal(told.title, 'Hoodie');
    assert.deepEqual(told.price, money('42.00', 'GBP'), 'the visible markup still finds the sale price');
    assert.ok(!Object.values(told.sources).includes('woocommerce'));
  });

  it('takes custom steps: a registry is data, not a class tree', async () => {
    const fixed: ExtractionSource = {
      name: 'markup',
      extract: () => ({ source: 'markup', productSignal: true, fields: { title: 'From a custom step', price: money('1.00', 'EUR') } }),
    };
    const extractor = new CheerioProductExtractor([fixed], { ...PLATFORM_STEPS, GENERIC: [] });
    const product = await extractor.extract(htmlPage('<html><body><p>anything</p></body></html>'));
    assert.equal(product?.title, 'From a custom step');
    assert.equal(product?.platform, 'GENERIC');
  });
});
