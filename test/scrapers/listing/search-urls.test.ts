import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Platform } from '../../../src/domain/entities/site.js';
import { isTrawlError } from '../../../src/domain/errors.js';
import { HtmlListingScraper } from '../../../src/scrapers/listing/html-listing.scraper.js';

const scraper = new HtmlListingScraper();
const GENERIC = ['https://shop.example/search?q=red%20shoes', 'https://shop.example/?s=red%20shoes', 'https://shop.example/search?query=red%20shoes'];

describe('search URLs of a site', () => {
  const cases: { platform: Platform; expected: string[] }[] = [
    { platform: 'SHOPIFY', expected: ['https://shop.example/search?q=red%20shoes&type=product', ...GENERIC] },
    { platform: 'WOOCOMMERCE', expected: ['https://shop.example/?s=red%20shoes&post_type=product', ...GENERIC] },
    { platform: 'MAGENTO', expected: ['https://shop.example/catalogsearch/result/?q=red%20shoes', ...GENERIC] },
    { platform: 'BIGCOMMERCE', expected: ['https://shop.example/search.php?search_query=red%20shoes', ...GENERIC] },
    { platform: 'SALESFORCE', expected: GENERIC },
    { platform: 'GENERIC', expected: GENERIC },
  ];
  for (const { platform, expected } of cases) {
    it(`puts the ${platform} search page first, then the generic ones, each once`, () => {
      assert.deepEqual(scraper.searchUrls('https://shop.example/some/page?x=1', platform, ' red shoes '), expected);
    });
  }

  it('URL-encodes the query', () => {
    assert.deepEqual(scraper.searchUrls('https://shop.example', 'GENERIC', 'a&b=c/d?#é')[0], 'https://shop.example/search?q=a%26b%3Dc%2Fd%3F%23%C3%A9');
  });

  it('rejects a site URL that is not absolute http(s) and an empty query', () => {
    assert.throws(() => scraper.searchUrls('shop.example', 'GENERIC', 'x'), (error: unknown) => isTrawlError(error) && error.code === 'INVALID_URL');
    assert.throws(() => scraper.searchUrls('ftp://shop.example', 'GENERIC', 'x'), (error: unknown) => isTrawlError(error) && error.code === 'INVALID_URL');
    assert.throws(() => scraper.searchUrls('https://shop.example', 'GENERIC', '  '), (error: unknown) => isTrawlError(error) && error.code === 'INVALID_INPUT');
  });
});
