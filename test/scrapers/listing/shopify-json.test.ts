import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTrawlError } from '../../../src/domain/errors.js';
import { HtmlListingScraper } from '../../../src/scrapers/listing/html-listing.scraper.js';
import { htmlPage } from '../support/page.js';

const scraper = new HtmlListingScraper();

function jsonPage(body: string, url: string) {
  return htmlPage(body, { url, contentType: 'application/json; charset=utf-8' });
}

describe('Shopify JSON listing endpoint', () => {
  const urls: { name: string; category: string; platform: 'SHOPIFY' | 'WOOCOMMERCE'; page: number; expected: string | undefined }[] = [
    { name: 'a collection', category: 'https://shop.example/collections/shoes', platform: 'SHOPIFY', page: 1, expected: 'https://shop.example/collections/shoes/products.json?limit=250&page=1' },
    { name: 'a collection with trailing slash, query and market prefix', category: 'https://shop.example/en-ca/collections/shoes/?sort_by=price&page=3', platform: 'SHOPIFY', page: 2, expected: 'https://shop.example/collections/shoes/products.json?limit=250&page=2' },
    { name: 'a product under a collection', category: 'https://shop.example/collections/shoes/products/boot', platform: 'SHOPIFY', page: 1, expected: undefined },
    { name: 'a page that is not a collection', category: 'https://shop.example/pages/about', platform: 'SHOPIFY', page: 1, expected: undefined },
    { name: 'another platform', category: 'https://shop.example/collections/shoes', platform: 'WOOCOMMERCE', page: 1, expected: undefined },
    { name: 'page 0', category: 'https://shop.example/collections/shoes', platform: 'SHOPIFY', page: 0, expected: undefined },
    { name: 'a malformed URL', category: 'not a url', platform: 'SHOPIFY', page: 1, expected: undefined },
  ];
  for (const { name, category, platform, page, expected } of urls) {
    it(`builds the products.json URL for ${name}`, () => assert.equal(scraper.jsonListingUrl(category, platform, page), expected));
  }

  it('turns product handles into product URLs in order, with the next JSON page', () => {
    const body = JSON.stringify({ products: [{ id: 1, handle: 'trail-runner', title: 'Trail Runner' }, { id: 2, handle: 'wool-slipper' }, { id: 3 }, { id: 4, handle: 'trail-runner' }] });
    const listing = scraper.parseJsonListing(jsonPage(body, 'https://shop.example/collections/shoes/products.json?limit=250&page=2'), 'https://shop.example/collections/shoes');
    assert.deepEqual(listing, {
      url: 'https://shop.example/collections/shoes/products.json?limit=250&page=2',
      products: [{ url: 'https://shop.example/products/trail-runner', position: 1 }, { url: 'https://shop.example/products/wool-slipper', position: 2 }],
      subcategories: [],
      nextPageUrl: 'https://shop.example/collections/shoes/products.json?limit=250&page=3',
      paginationStyle: 'json-endpoint',
    });
  });

  it('ends the listing at an empty products array', () => {
    const listing = scraper.parseJsonListing(jsonPage('{"products":[]}', 'https://shop.example/collections/shoes/products.json?limit=250&page=9'), 'https://shop.example/collections/shoes');
    assert.deepEqual(listing.products, []);
    assert.equal(listing.nextPageUrl, undefined);
    assert.equal(listing.paginationStyle, undefined);
  });

  for (const [name, body] of [['truncated JSON', '{"products":[{"handle":"a"'], ['an HTML password page', '<!doctype html><html><body>Opening soon</body></html>'], ['JSON without products', '{"errors":"Not Found"}']]) {
    it(`rejects ${name} as not a JSON listing`, () => {
      assert.throws(
        () => scraper.parseJsonListing(jsonPage(body!, 'https://shop.example/collections/shoes/products.json?limit=250&page=1'), 'https://shop.example/collections/shoes'),
        (error: unknown) => isTrawlError(error) && error.code === 'INVALID_RESPONSE' && error.retryable === false && /products\.json/.test(error.message),
      );
    });
  }
});
