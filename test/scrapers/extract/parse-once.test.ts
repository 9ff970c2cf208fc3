import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load } from 'cheerio/slim';
import { CheerioProductExtractor } from '../../../src/scrapers/extract/cheerio-product.extractor.js';
import { htmlPage } from '../support/page.js';

const PRODUCT = `<!doctype html><html lang="en"><head><title>Trail Mug</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Trail Mug","sku":"TM-1",
"offers":{"@type":"Offer","price":"12.50","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}</script></head>
<body><main><h1>Trail Mug</h1><p class="price">€12.50</p></main></body></html>`;

/** A parser that counts its calls and adds Shopify fingerprints to the document it returns (they are not in the HTML). */
function markingParser(): { parse: (html: string) => ReturnType<typeof load>; calls: () => number } {
  let calls = 0;
  return {
    parse: (html) => {
      calls++;
      const $ = load(html);
      $('head').append('<meta name="shopify-checkout-api-token" content="t"><script src="//cdn.shopify.com/s/files/1/theme.js"></script>');
      return $;
    },
    calls: () => calls,
  };
}

describe('parsing a page once', () => {
  it('detects an unknown platform from the one parsed document the steps read', async () => {
    const parser = markingParser();
    const product = await new CheerioProductExtractor(undefined, undefined, parser.parse).extract(htmlPage(PRODUCT));
    assert.equal(parser.calls(), 1);
    assert.equal(product?.platform, 'SHOPIFY', 'the platform comes from the parsed document, not from a second parse of the HTML');
    assert.equal(product?.title, 'Trail Mug');
    assert.deepEqual(product?.price, { amount: '12.50', currency: 'EUR' });
  });

  it('parses once when the platform is given', async () => {
    const parser = markingParser();
    const product = await new CheerioProductExtractor(undefined, undefined, parser.parse).extract(htmlPage(PRODUCT), { platform: 'GENERIC' });
    assert.equal(parser.calls(), 1);
    assert.equal(product?.platform, 'GENERIC');
  });

  it('detects GENERIC for the same page parsed plainly', async () => {
    const product = await new CheerioProductExtractor().extract(htmlPage(PRODUCT));
    assert.equal(product?.platform, 'GENERIC');
  });
});
