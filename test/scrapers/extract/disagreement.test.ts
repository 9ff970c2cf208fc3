import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExtractedProduct } from '../../../src/domain/entities/product.js';
import { extractProduct, money } from './fixtures/extract.helper.js';

const ld = (value: object) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const offer = (price: string, currency = 'USD', availability = 'InStock') => ({ '@type': 'Offer', price, priceCurrency: currency, availability });

/** A product page: structured data in the head, the visible price block and add-to-cart button in the body. */
function page(head: string, priceBlock: string, extraBody = ''): string {
  return `<!doctype html><html lang="en-US"><head>${head}</head><body><div class="product-main"><h1>Rain Jacket</h1>
    <div class="price-box">${priceBlock}</div><button class="add-to-cart">Add to cart</button>${extraBody}</div></body></html>`;
}

interface Case {
  name: string;
  html: string;
  expect: (product: ExtractedProduct) => void;
}

const CASES: Case[] = [
  {
    name: 'a visible sale price with the regular one struck through beats a stale JSON-LD price',
    html: page(ld({ '@type': 'Product', name: 'Rain Jacket', offers: offer('120.00') }), '<s>$120.00</s> <span class="price">$89.00</span>'),
    expect: (p) => {
      assert.deepEqual(p.price, money('89.00', 'USD'));
      assert.deepEqual(p.compareAtPrice, money('120.00', 'USD'));
      assert.deepEqual([p.sources.price, p.sources.compareAtPrice], ['markup', 'markup']);
    },
  },
  {
    name: 'a lower visible price makes the stale structured price the compare-at price',
    html: page(ld({ '@type': 'Product', name: 'Rain Jacket', offers: offer('120.00') }), '<span class="price">$89.00</span>'),
    expect: (p) => {
      assert.deepEqual(p.price, money('89.00', 'USD'));
      assert.deepEqual(p.compareAtPrice, money('120.00', 'USD'));
      assert.equal(p.sources.compareAtPrice, 'json-ld');
    },
  },
  {
    name: 'a higher visible price wins without inventing a compare-at price',
    html: page(ld({ '@type': 'Product', name: 'Rain Jacket', offers: offer('120.00') }), '<span class="price">$135.00</span>'),
    expect: (p) => {
      assert.deepEqual(p.price, money('135.00', 'USD'));
      assert.equal(p.compareAtPrice, undefined);
    },
  },
  {
    name: 'a visible price that is another variant\'s price is the selected variant, not a sale',
    html: page(ld({ '@type': 'Product', name: 'Rain Jacket', offers: [
      { ...offer('30.00'), sku: 'RJ-L', name: 'Large' }, { ...offer('20.00'), sku: 'RJ-S', name: 'Small' }] }), '<span class="price">$30.00</span>'),
    expect: (p) => {
      assert.deepEqual(p.price, money('30.00', 'USD'));
      assert.equal(p.compareAtPrice, undefined);
    },
  },
  {
    name: 'a visible price in another currency does not replace the structured one',
    html: page(ld({ '@type': 'Product', name: 'Rain Jacket', offers: offer('120.00') }), '<span class="price">89,00 €</span>'),
    expect: (p) => {
      assert.deepEqual(p.price, money('120.00', 'USD'));
      assert.equal(p.sources.price, 'json-ld');
    },
  },
  {
    name: 'JSON-LD outranks the OpenGraph price when the page shows neither',
    html: `<html><head>${ld({ '@type': 'Product', name: 'Rain Jacket', offers: offer('45.00', 'EUR') })}
      <meta property="og:type" content="product"><meta property="product:price:amount" content="50.00"><meta property="product:price:currency" content="EUR"></head><body></body></html>`,
    expect: (p) => {
      assert.deepEqual(p.price, money('45.00', 'EUR'));
      assert.equal(p.sources.price, 'json-ld');
    },
  },
  {
    name: 'a product whose own offer says sold out but one variant is in stock is IN_STOCK',
    html: page(ld({ '@type': 'ProductGroup', name: 'Rain Jacket', offers: offer('20.00', 'USD', 'OutOfStock'), hasVariant: [
      { '@type': 'Product', name: 'S', sku: 'S', offers: offer('20.00', 'USD', 'OutOfStock') },
      { '@type': 'Product', name: 'M', sku: 'M', offers: offer('20.00', 'USD', 'InStock') }] }), '<span class="price">$20.00</span>'),
    expect: (p) => assert.equal(p.availability, 'IN_STOCK'),
  },
  {
    name: 'a sold-out badge on a related product does not make the product sold out',
    html: page('', '<span class="price">$20.00</span>',
      '</div><aside class="related"><div class="card"><span class="price">$15.00</span><button disabled>Sold out</button></div></aside><div>'),
    expect: (p) => assert.equal(p.availability, 'IN_STOCK'),
  },
  {
    name: 'the brand is not the shop\'s own name while another source names a brand',
    html: `<html><head><meta property="og:site_name" content="Rainy Days">${ld({ '@type': 'Product', name: 'Rain Jacket', brand: 'Rainy Days', offers: offer('1') })}</head>
      <body><div itemscope itemtype="https://schema.org/Product"><span itemprop="brand">Stormline</span></div></body></html>`,
    expect: (p) => {
      assert.equal(p.brand, 'Stormline');
      assert.equal(p.sources.brand, 'microdata');
    },
  },
  {
    name: 'the declared canonical link outranks the JSON-LD url (often a ?variant= link)',
    html: `<html><head><link rel="canonical" href="https://shop.example/products/rain-jacket">
      ${ld({ '@type': 'Product', name: 'Rain Jacket', url: 'https://shop.example/products/rain-jacket?variant=2', offers: offer('1') })}</head><body></body></html>`,
    expect: (p) => {
      assert.equal(p.canonicalUrl, 'https://shop.example/products/rain-jacket');
      assert.equal(p.sources.canonicalUrl, 'markup');
    },
  },
  {
    name: 'the html lang outranks og:locale and the Content-Language header',
    html: `<html lang="nl-BE"><head><meta property="og:locale" content="fr_BE">${ld({ '@type': 'Product', name: 'Rain Jacket' })}</head><body></body></html>`,
    expect: (p) => {
      assert.equal(p.language, 'nl-BE');
      assert.equal(p.sources.language, 'markup');
    },
  },
  {
    name: 'og:locale is the language when the html has no lang',
    html: `<html><head><meta property="og:locale" content="fr_BE">${ld({ '@type': 'Product', name: 'Rain Jacket' })}</head><body></body></html>`,
    expect: (p) => {
      assert.equal(p.language, 'fr-BE');
      assert.equal(p.sources.language, 'opengraph');
    },
  },
  {
    name: 'the site name is cut from a title that only the OpenGraph tags give',
    html: '<html><head><meta property="og:type" content="product"><meta property="og:site_name" content="Rainy Days"><meta property="og:title" content="Rain Jacket | Rainy Days"></head><body></body></html>',
    expect: (p) => assert.equal(p.title, 'Rain Jacket'),
  },
];

describe('when sources disagree', () => {
  for (const { name, html, expect } of CASES) {
    it(name, async () => expect(await extractProduct(html)));
  }

  it('takes the language from the Content-Language header when the page says nothing', async () => {
    const product = await extractProduct(`<html><head>${ld({ '@type': 'Product', name: 'Rain Jacket' })}</head></html>`, { headers: { 'content-language': 'sv-SE, en' } });
    assert.equal(product.language, 'sv-SE');
    assert.equal(product.sources.language, 'meta');
  });
});
