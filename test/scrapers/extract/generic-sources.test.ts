import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractProduct, extractor, money } from './fixtures/extract.helper.js';
import { htmlPage } from '../support/page.js';

const RDFA_VOCAB = `<!doctype html><html lang="en"><body>
<ol vocab="https://schema.org/" typeof="BreadcrumbList">
  <li property="itemListElement" typeof="ListItem"><a property="item" typeof="WebPage" href="/"><span property="name">Home</span></a><meta property="position" content="1"></li>
  <li property="itemListElement" typeof="ListItem"><a property="item" typeof="WebPage" href="/tools"><span property="name">Tools</span></a><meta property="position" content="2"></li>
</ol>
<div vocab="https://schema.org/" typeof="Product">
  <h1 property="name">Cordless Drill</h1>
  <img property="image" src="/img/drill.jpg" alt="">
  <div property="brand" typeof="Brand"><span property="name">Torqly</span></div>
  <span property="sku">TD-18</span><meta property="gtin13" content="4006381333931">
  <p property="description">An 18 V   drill.</p>
  <div property="aggregateRating" typeof="AggregateRating"><span property="ratingValue">4.4</span> (<span property="reviewCount">87</span>)</div>
  <div property="offers" typeof="Offer"><meta property="priceCurrency" content="EUR"><span property="price" content="129.00">129,00 €</span>
    <link property="availability" href="https://schema.org/InStock"></div>
</div></body></html>`;

const RDFA_PREFIXED = `<!doctype html><html><body>
<div typeof="schema:Product"><h2 property="schema:name">Garden Hose</h2>
  <div property="schema:offers" typeof="schema:Offer"><span property="schema:price" content="24.5">$24.50</span>
  <meta property="schema:priceCurrency" content="USD"><link property="schema:availability" href="http://schema.org/OutOfStock"></div></div>
</body></html>`;

const TWITTER = `<!doctype html><html><head><meta property="og:type" content="product"><meta property="og:title" content="Linen Shirt">
<meta name="twitter:label1" content="Price"><meta name="twitter:data1" content="£65.00">
<meta name="twitter:label2" content="Availability"><meta name="twitter:data2" content="In stock">
<meta name="description" content="A breathable   linen shirt for summer."></head><body><p>Shirt</p></body></html>`;

describe('generic sources', () => {
  it('reads RDFa with a schema.org vocab: product, brand, offer, rating, GTIN and an RDFa BreadcrumbList', async () => {
    const product = await extractProduct(RDFA_VOCAB);
    assert.equal(product.title, 'Cordless Drill');
    assert.equal(product.brand, 'Torqly');
    assert.equal(product.sku, 'TD-18');
    assert.equal(product.gtin, '4006381333931');
    assert.equal(product.description, 'An 18 V drill.');
    assert.deepEqual(product.price, money('129.00', 'EUR'));
    assert.equal(product.availability, 'IN_STOCK');
    assert.equal(product.rating, 4.4);
    assert.equal(product.reviewCount, 87);
    assert.deepEqual(product.images, ['https://shop.example/img/drill.jpg']);
    assert.deepEqual(product.breadcrumbs, ['Home', 'Tools']);
    for (const field of ['title', 'brand', 'sku', 'gtin', 'price', 'availability', 'rating', 'breadcrumbs']) assert.equal(product.sources[field], 'rdfa', field);
  });

  it('reads RDFa written with the schema: prefix and no vocab', async () => {
    const product = await extractProduct(RDFA_PREFIXED);
    assert.equal(product.title, 'Garden Hose');
    assert.deepEqual(product.price, money('24.50', 'USD'));
    assert.equal(product.availability, 'OUT_OF_STOCK');
    assert.equal(product.sources.price, 'rdfa');
  });

  it('reads loose property="schema:price" attributes when something else says it is a product', async () => {
    const html = `<html><head><meta property="og:type" content="product"><meta property="og:title" content="Mug"></head>
      <body><span property="schema:price" content="12.00"></span><meta property="schema:priceCurrency" content="CAD"></body></html>`;
    const product = await extractProduct(html);
    assert.deepEqual(product.price, money('12.00', 'CAD'));
    assert.equal(product.sources.price, 'rdfa');
  });

  it('reads Twitter card label/data pairs and uses the meta description only as a fallback', async () => {
    const product = await extractProduct(TWITTER);
    assert.deepEqual(product.price, money('65.00', 'GBP'));
    assert.equal(product.availability, 'IN_STOCK');
    assert.equal(product.description, 'A breathable linen shirt for summer.');
    assert.deepEqual([product.sources.price, product.sources.availability, product.sources.description], ['meta', 'meta', 'meta']);
    const described = await extractProduct(TWITTER.replace('<p>Shirt</p>', '<div class="product-description"><p>Visible text about the shirt.</p></div>'));
    assert.equal(described.description, 'Visible text about the shirt.');
    assert.equal(described.sources.description, 'markup');
  });

  it('reads product:sale_price as the price and product:price as the compare-at price', async () => {
    const html = `<html><head><meta property="og:type" content="og:product"><meta property="og:title" content="Tent">
      <meta property="product:price:amount" content="299.00"><meta property="product:price:currency" content="AUD">
      <meta property="product:sale_price:amount" content="249.00"><meta property="product:sale_price:currency" content="AUD">
      <meta property="product:condition" content="new"><meta property="product:availability" content="preorder">
      <meta property="product:retailer_item_id" content="TENT-2P"><meta property="product:upc" content="036000291452"></head><body></body></html>`;
    const product = await extractProduct(html);
    assert.deepEqual(product.price, money('249.00', 'AUD'));
    assert.deepEqual(product.compareAtPrice, money('299.00', 'AUD'));
    assert.equal(product.availability, 'PREORDER');
    assert.equal(product.sku, 'TENT-2P');
    assert.equal(product.gtin, '036000291452');
  });

  const availabilityForms: [string, string][] = [
    ['https://schema.org/InStock', 'IN_STOCK'], ['HTTP://SCHEMA.ORG/INSTOCK', 'IN_STOCK'], ['schema:InStock', 'IN_STOCK'],
    ['InStock', 'IN_STOCK'], ['in_stock', 'IN_STOCK'], ['http://schema.org/LimitedAvailability', 'IN_STOCK'],
    ['https://schema.org/InStoreOnly', 'IN_STOCK'], ['https://schema.org/OnlineOnly', 'IN_STOCK'], ['OutOfStock', 'OUT_OF_STOCK'],
    ['https://schema.org/SoldOut', 'OUT_OF_STOCK'], ['out of stock', 'OUT_OF_STOCK'], ['http://schema.org/PreOrder', 'PREORDER'],
    ['https://schema.org/PreSale', 'PREORDER'], ['https://schema.org/BackOrder', 'BACKORDER'], ['MadeToOrder', 'BACKORDER'],
    ['https://schema.org/Discontinued', 'DISCONTINUED'], ['https://schema.org/Reserved', 'OUT_OF_STOCK'], ['maybe', 'UNKNOWN'],
  ];
  for (const [value, expected] of availabilityForms) {
    it(`reads JSON-LD availability ${JSON.stringify(value)} as ${expected}`, async () => {
      const html = `<script type="application/ld+json">${JSON.stringify({ '@type': 'Product', name: 'X', offers: { price: 1, priceCurrency: 'USD', availability: value } })}</script>`;
      assert.equal((await extractProduct(html)).availability, expected);
    });
  }

  it('reads offers as an object or an array, a priceSpecification price, and an AggregateOffer with only a highPrice', async () => {
    const cases: [unknown, string][] = [
      [{ '@type': 'Offer', price: '10.00', priceCurrency: 'EUR' }, '10.00'],
      [[{ '@type': 'Offer', price: '12.00', priceCurrency: 'EUR' }, { '@type': 'Offer', price: '11.00', priceCurrency: 'EUR' }], '11.00'],
      [{ '@type': 'Offer', priceCurrency: 'EUR', priceSpecification: { '@type': 'UnitPriceSpecification', price: 13, priceCurrency: 'EUR' } }, '13.00'],
      [{ '@type': 'AggregateOffer', highPrice: '14.00', priceCurrency: 'EUR' }, '14.00'],
      [{ '@type': 'AggregateOffer', lowPrice: 9.5, highPrice: '14.00', priceCurrency: 'EUR', offerCount: 3 }, '9.50'],
    ];
    for (const [offers, amount] of cases) {
      const product = await extractProduct(`<script type="application/ld+json">${JSON.stringify({ '@type': 'Product', name: 'X', offers })}</script>`);
      assert.deepEqual(product.price, money(amount, 'EUR'), JSON.stringify(offers));
    }
  });

  it('returns null for a page whose only product hint is a loose itemprop or RDFa price', async () => {
    const loose = '<html><body><h1>About us</h1><span itemprop="price">10</span><span property="schema:price" content="5"></span></body></html>';
    assert.equal(await extractor.extract(htmlPage(loose)), null);
  });
});
