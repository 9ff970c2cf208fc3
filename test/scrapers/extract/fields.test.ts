import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availabilityFromText } from '../../../src/scrapers/extract/availability.js';
import { hasValidCheckDigit, toGtin } from '../../../src/scrapers/extract/gtin.js';
import { imageKey, isProductImageUrl, largestSrcsetCandidate } from '../../../src/scrapers/extract/page-images.js';
import { plainText } from '../../../src/scrapers/extract/text.js';
import { extractProduct } from './fixtures/extract.helper.js';

const ld = (value: object) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('GTIN', () => {
  const cases: [unknown, string | undefined][] = [
    ['4006381333931', '4006381333931'], ['4006381333932', undefined], [96385074, '96385074'], ['96385075', undefined],
    ['0 12345 67890 5', '012345678905'], ['012345678906', undefined], ['10012345678902', '10012345678902'], ['10012345678903', undefined],
    ['https://id.gs1.org/01/09506000134352', '09506000134352'], ['https://id.gs1.org/01/09506000134353', undefined],
    ['978-0-306-40615-7', '9780306406157'], [12345678905, '012345678905'], ['EAN: 4006381333931', '4006381333931'],
    ['ABC123', undefined], ['123', undefined], ['123456789012345', undefined], [null, undefined], [4.5, undefined],
  ];
  for (const [value, expected] of cases) {
    it(`reads ${JSON.stringify(value)} as ${expected ?? 'no GTIN'}`, () => assert.equal(toGtin(value), expected));
  }

  it('validates the GS1 check digit of every length', () => {
    assert.equal(hasValidCheckDigit('73513537'), true);
    assert.equal(hasValidCheckDigit('036000291452'), true);
    assert.equal(hasValidCheckDigit('5901234123457'), true);
    assert.equal(hasValidCheckDigit('15400141288763'), true);
    assert.equal(hasValidCheckDigit('5901234123458'), false);
  });

  it('reads gtin8, gtin12, gtin13, gtin14 and gtin keys, skipping an invalid one for a valid one', async () => {
    for (const key of ['gtin8', 'gtin12', 'gtin13', 'gtin14', 'gtin']) {
      const value = { gtin8: '73513537', gtin12: '036000291452', gtin13: '5901234123457', gtin14: '15400141288763', gtin: '5901234123457' }[key];
      const product = await extractProduct(ld({ '@type': 'Product', name: 'X', [key]: value }));
      assert.equal(product.gtin, value, key);
    }
    const mixed = await extractProduct(ld({ '@type': 'Product', name: 'X', gtin: '1234', gtin13: '5901234123457' }));
    assert.equal(mixed.gtin, '5901234123457');
  });
});

describe('images', () => {
  it('rejects data URIs, tracking pixels, icons, logos and spacers', () => {
    for (const url of ['data:image/gif;base64,R0lGOD', 'https://www.facebook.com/tr?id=1&ev=PageView', 'https://shop.example/icons/cart.png',
      'https://shop.example/logo.png', 'https://shop.example/img/spacer.gif', 'https://shop.example/img/star.svg', 'https://shop.example/favicon.ico',
      'https://pixel.example.com/p.gif', 'https://shop.example/assets/payment-icons/visa.png']) {
      assert.equal(isProductImageUrl(url), false, url);
    }
    for (const url of ['https://shop.example/img/logo-tee.jpg', 'https://cdn.shopify.com/s/files/1/products/tee.jpg?v=1']) {
      assert.equal(isProductImageUrl(url), true, url);
    }
  });

  it('keys the sizes of one photo alike: Shopify suffixes and width params, WordPress thumbnails', () => {
    assert.equal(imageKey('https://cdn.shopify.com/s/files/1/2/3/products/tee_400x.jpg?v=1'), imageKey('https://shop.example/cdn/shop/products/tee.jpg?v=1&width=1200'));
    assert.equal(imageKey('https://a.example/wp-content/uploads/hoodie-300x300.jpg'), imageKey('http://a.example/wp-content/uploads/hoodie.jpg'));
    assert.notEqual(imageKey('https://a.example/img/lamp-400.jpg'), imageKey('https://a.example/img/lamp-1200.jpg'));
  });

  it('picks the largest srcset candidate by width or density', () => {
    assert.equal(largestSrcsetCandidate('a.jpg 400w, b.jpg 1200w, c.jpg 800w'), 'b.jpg');
    assert.equal(largestSrcsetCandidate('a.jpg, b.jpg 2x, c.jpg 1.5x'), 'b.jpg');
    assert.equal(largestSrcsetCandidate('https://img.example/w_400,h_300/a.jpg 400w, https://img.example/w_800,h_600/a.jpg 800w'), 'https://img.example/w_800,h_600/a.jpg');
  });

  it('keeps gallery images absolute, deduplicated, largest first, without pixels and chrome', async () => {
    const html = `<html><head><meta property="og:type" content="product"><meta property="og:title" content="Vase">
      <meta property="og:image" content="//cdn.example/vase_800x.jpg"></head><body><div class="product-gallery">
      <img src="/vase_200x.jpg" srcset="/vase_400x.jpg 400w, /vase_1600x.jpg 1600w"><img src="/img/badge.svg"><img src="/t.gif" width="1" height="1">
      <img src="data:image/png;base64,iVBOR" data-src="/vase-side.jpg"><img src="https://www.facebook.com/tr?id=9"></div></body></html>`;
    const product = await extractProduct(html);
    assert.deepEqual(product.images, ['https://cdn.example/vase_800x.jpg', 'https://shop.example/vase_1600x.jpg', 'https://shop.example/vase-side.jpg']);
  });
});

describe('text fields', () => {
  it('turns an HTML description into plain text, collapsed and capped near 5,000 characters', async () => {
    assert.equal(plainText('<p>Hello&nbsp;<b>world</b></p><style>p{}</style><script>x()</script>\n\n<ul><li>one</li></ul>'), 'Hello world one');
    const long = `<p>${'word '.repeat(3000)}</p>`;
    const product = await extractProduct(ld({ '@type': 'Product', name: 'X', description: long }));
    assert.ok(product.description!.length <= 5000);
    assert.ok(product.description!.endsWith('word…'));
  });

  it('reads ratings on a five-star scale and review counts with thousands separators', async () => {
    const product = await extractProduct(ld({ '@type': 'Product', name: 'X', aggregateRating: { ratingValue: '8.6', bestRating: '10', reviewCount: '1,203' } }));
    assert.equal(product.rating, 4.3);
    assert.equal(product.reviewCount, 1203);
    const percent = await extractProduct(ld({ '@type': 'Product', name: 'X', aggregateRating: { ratingValue: '80', ratingCount: 12 } }));
    assert.equal(percent.rating, 4, 'a percentage without bestRating is out of 100');
    assert.equal(percent.reviewCount, 12);
    const bogus = await extractProduct(ld({ '@type': 'Product', name: 'X', aggregateRating: { ratingValue: '6', bestRating: '5' } }));
    assert.equal(bogus.rating, undefined, 'above its own scale');
  });

  it('reads data-product-* attributes of the product area', async () => {
    const html = `<html><body><div class="product" data-product-sku="LMP-9" data-product-brand="Lumo" data-product-gtin="5901234123457">
      <h1>Lamp</h1><span class="price">$40.00</span><button class="add-to-cart">Add to cart</button></div>
      <div class="related" data-product-sku="OTHER"><span class="price">$5</span></div></body></html>`;
    const product = await extractProduct(html);
    assert.deepEqual([product.sku, product.brand, product.gtin], ['LMP-9', 'Lumo', '5901234123457']);
    assert.equal(product.sources.sku, 'markup');
  });

  const stockTexts: [string, string | undefined][] = [
    ['Only 3 left in stock', 'IN_STOCK'], ['Out of stock', 'OUT_OF_STOCK'], ['Currently unavailable.', 'OUT_OF_STOCK'],
    ['Auf Lager', 'IN_STOCK'], ['Ausverkauft', 'OUT_OF_STOCK'], ['Nicht lieferbar', 'OUT_OF_STOCK'], ['En stock', 'IN_STOCK'],
    ['Rupture de stock', 'OUT_OF_STOCK'], ['Agotado', 'OUT_OF_STOCK'], ['Disponibile', 'IN_STOCK'], ['Op voorraad', 'IN_STOCK'],
    ['Pre-order now', 'PREORDER'], ['Available on backorder', 'BACKORDER'], ['Discontinued', 'DISCONTINUED'], ['在庫切れ', 'OUT_OF_STOCK'],
    ['Ships in 3 days', undefined],
  ];
  for (const [text, expected] of stockTexts) {
    it(`reads the stock message ${JSON.stringify(text)} as ${expected ?? 'unknown'}`, () => assert.equal(availabilityFromText(text), expected));
  }
});
