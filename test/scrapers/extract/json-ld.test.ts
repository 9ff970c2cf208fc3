import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExtractedProduct } from '../../../src/domain/entities/product.js';
import { CheerioProductExtractor } from '../../../src/scrapers/extract/cheerio-product.extractor.js';
import { parseLenientJson } from '../../../src/scrapers/extract/lenient-json.js';
import { htmlPage } from '../support/page.js';

const extractor = new CheerioProductExtractor();

function withJsonLd(...blocks: string[]): string {
  const scripts = blocks.map((block) => `<script type="application/ld+json">${block}</script>`).join('\n');
  return `<!doctype html><html><head><title>Shop</title>${scripts}</head><body><p>hello</p></body></html>`;
}

async function extract(html: string): Promise<ExtractedProduct> {
  const product = await extractor.extract(htmlPage(html));
  assert.ok(product, 'expected a product');
  return product;
}

describe('JSON-LD extraction', () => {
  it('reads a plain Product with one Offer, recording json-ld as the source', async () => {
    const product = await extract(withJsonLd(JSON.stringify({
      '@context': 'https://schema.org', '@type': 'Product', name: 'Trail Runner &amp; Co', description: '<p>Light  shoe</p>',
      brand: 'Acme', image: '/img/runner.jpg', sku: 'TR-1', gtin13: '4006381333931', mpn: 'M-77', url: '/products/trail-runner',
      offers: { '@type': 'Offer', price: '129.00', priceCurrency: 'EUR', availability: 'https://schema.org/InStock' },
    })));
    assert.equal(product.title, 'Trail Runner & Co');
    assert.equal(product.description, 'Light shoe');
    assert.equal(product.brand, 'Acme');
    assert.deepEqual(product.images, ['https://shop.example/img/runner.jpg']);
    assert.equal(product.sku, 'TR-1');
    assert.equal(product.gtin, '4006381333931');
    assert.equal(product.mpn, 'M-77');
    assert.equal(product.canonicalUrl, 'https://shop.example/products/trail-runner');
    assert.deepEqual(product.price, { amount: '129.00', currency: 'EUR' });
    assert.equal(product.availability, 'IN_STOCK');
    for (const field of ['title', 'brand', 'images', 'sku', 'gtin', 'mpn', 'price', 'availability', 'canonicalUrl']) {
      assert.equal(product.sources[field], 'json-ld', field);
    }
  });

  it('finds the product in @graph, follows @id references and reads the BreadcrumbList in position order', async () => {
    const product = await extract(withJsonLd(JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Shop' },
        { '@type': 'BreadcrumbList', itemListElement: [
          { '@type': 'ListItem', position: 3, name: 'Kettle' },
          { '@type': 'ListItem', position: 1, item: { '@id': '/', name: 'Home' } },
          { '@type': 'ListItem', position: 2, name: 'Kitchen', item: '/kitchen' },
        ] },
        { '@type': ['Product', 'Thing'], '@id': '#product', name: 'Kettle', brand: { '@id': '#brand' }, offers: { '@id': '#offer' } },
        { '@type': 'Brand', '@id': '#brand', name: 'Boilright' },
        { '@type': 'Offer', '@id': '#offer', price: 39.5, priceCurrency: 'GBP', availability: 'OutOfStock' },
      ],
    })));
    assert.equal(product.title, 'Kettle');
    assert.equal(product.brand, 'Boilright');
    assert.deepEqual(product.price, { amount: '39.50', currency: 'GBP' });
    assert.equal(product.availability, 'OUT_OF_STOCK');
    assert.deepEqual(product.breadcrumbs, ['Home', 'Kitchen']);
    assert.equal(product.sources.breadcrumbs, 'json-ld');
  });

  it('reads a Product nested as mainEntity of a WebPage inside a top-level array', async () => {
    const product = await extract(withJsonLd(JSON.stringify([
      { '@type': 'Organization', name: 'Shop' },
      { '@type': 'ItemPage', mainEntity: { '@type': 'Product', name: 'Lamp', offers: { price: '15', priceCurrency: 'usd', availability: 'PreOrder' } } },
    ])));
    assert.equal(product.title, 'Lamp');
    assert.deepEqual(product.price, { amount: '15.00', currency: 'USD' });
    assert.equal(product.availability, 'PREORDER');
  });

  it('keeps a ProductGroup in stock when only some variants are sold out, with variant options and prices', async () => {
    const product = await extract(withJsonLd(JSON.stringify({
      '@context': 'https://schema.org', '@type': 'ProductGroup', name: 'Tee', productGroupID: 'TEE', variesBy: ['https://schema.org/size', 'color'],
      hasVariant: [
        { '@type': 'Product', name: 'Tee S red', sku: 'TEE-S', size: 'S', color: 'Red',
          offers: { '@type': 'Offer', price: '20.00', priceCurrency: 'USD', availability: 'https://schema.org/SoldOut' } },
        { '@type': 'Product', name: 'Tee M red', sku: 'TEE-M', size: 'M', color: { '@type': 'Color', name: 'Red' },
          offers: { '@type': 'Offer', price: '22.00', priceCurrency: 'USD', availability: 'https://schema.org/InStock' } },
        { '@type': 'Product', name: 'Tee L', sku: 'TEE-L', additionalProperty: [{ '@type': 'PropertyValue', name: 'fit', value: 'loose' }],
          offers: { '@type': 'Offer', price: '18.00', priceCurrency: 'USD', availability: 'https://schema.org/OutOfStock' } },
      ],
    })));
    assert.equal(product.availability, 'IN_STOCK');
    assert.deepEqual(product.price, { amount: '22.00', currency: 'USD' }, 'the cheapest buyable variant sets the price');
    assert.equal(product.variants.length, 3);
    assert.deepEqual(product.variants[0], {
      title: 'Tee S red', sku: 'TEE-S', options: { size: 'S', color: 'Red' }, price: { amount: '20.00', currency: 'USD' }, availability: 'OUT_OF_STOCK',
    });
    assert.deepEqual(product.variants[1]?.options, { size: 'M', color: 'Red' });
    assert.deepEqual(product.variants[2]?.options, { fit: 'loose' });
  });

  it('takes the cheapest in-stock offer of an offers array and lists named offers as variants', async () => {
    const product = await extract(withJsonLd(JSON.stringify({
      '@type': 'Product', name: 'Mug',
      offers: [
        { '@type': 'Offer', sku: 'MUG-1', name: 'Small', price: '8.00', priceCurrency: 'EUR', availability: 'OutOfStock' },
        { '@type': 'Offer', sku: 'MUG-2', name: 'Large', price: '12.00', priceCurrency: 'EUR', availability: 'InStock' },
        { '@type': 'Offer', sku: 'MUG-3', name: 'Huge', price: '15.00', priceCurrency: 'EUR', availability: 'InStock' },
      ],
    })));
    assert.deepEqual(product.price, { amount: '12.00', currency: 'EUR' });
    assert.equal(product.availability, 'IN_STOCK');
    assert.deepEqual(product.variants.map((variant) => [variant.sku, variant.title, variant.availability]), [
      ['MUG-1', 'Small', 'OUT_OF_STOCK'], ['MUG-2', 'Large', 'IN_STOCK'], ['MUG-3', 'Huge', 'IN_STOCK'],
    ]);
  });

  it('prices an AggregateOffer by its lowPrice', async () => {
    const product = await extract(withJsonLd(JSON.stringify({
      '@type': 'Product', name: 'Sofa', offers: { '@type': 'AggregateOffer', lowPrice: '1299', highPrice: '1899', priceCurrency: 'SEK', offerCount: 4 },
    })));
    assert.deepEqual(product.price, { amount: '1299.00', currency: 'SEK' });
    assert.equal(product.availability, 'UNKNOWN');
  });

  it('reads a strikethrough priceSpecification as the compare-at price', async () => {
    const product = await extract(withJsonLd(JSON.stringify({
      '@type': 'Product', name: 'Drill',
      offers: { '@type': 'Offer', price: '79.99', priceCurrency: 'USD', priceSpecification: [
        { '@type': 'UnitPriceSpecification', price: '79.99', priceCurrency: 'USD' },
        { '@type': 'UnitPriceSpecification', priceType: 'https://schema.org/StrikethroughPrice', price: '99.99', priceCurrency: 'USD' },
      ] },
    })));
    assert.deepEqual(product.compareAtPrice, { amount: '99.99', currency: 'USD' });
    assert.equal(product.sources.compareAtPrice, 'json-ld');
  });

  it('reads brand objects, ImageObjects, ratings and every GTIN flavour', async () => {
    const base = { '@type': 'Product', name: 'Cam', offers: { price: '1', priceCurrency: 'USD' } };
    const product = await extract(withJsonLd(JSON.stringify({
      ...base, brand: [{ '@type': 'Brand', name: 'Lumix' }], manufacturer: 'Other',
      image: [{ '@type': 'ImageObject', url: 'https://cdn.example/a.jpg' }, { '@type': 'ImageObject', contentUrl: '//cdn.example/b.jpg' },
        'https://cdn.example/a.jpg'],
      aggregateRating: { '@type': 'AggregateRating', ratingValue: '4,6', reviewCount: '1203' }, gtin8: 96385074,
    })));
    assert.equal(product.brand, 'Lumix');
    assert.deepEqual(product.images, ['https://cdn.example/a.jpg', 'https://cdn.example/b.jpg']);
    assert.equal(product.rating, 4.6);
    assert.equal(product.reviewCount, 1203);
    assert.equal(product.gtin, '96385074');
    for (const [key, value, expected] of [['gtin12', '0 12345 67890 5', '012345678905'], ['gtin14', '10012345678902', '10012345678902'],
      ['gtin', 'https://id.gs1.org/01/09506000134352', '09506000134352']] as const) {
      const other = await extract(withJsonLd(JSON.stringify({ ...base, [key]: value })));
      assert.equal(other.gtin, expected, key);
    }
  });

  it('tolerates comments, trailing commas, raw newlines, HTML comment wrappers and a broken block next to a good one', async () => {
    const messy = `<!--
      {
        // the product
        "@type": "Product", /* old: "Thing" */
        "name": "Messy
 Widget",
        "offers": { "price": "5.50", "priceCurrency": "CHF", "availability": "InStock", },
      }
    -->`;
    const product = await extract(withJsonLd('{ "@type": "Organization", "name": ', messy));
    assert.equal(product.title, 'Messy Widget');
    assert.deepEqual(product.price, { amount: '5.50', currency: 'CHF' });
  });

  it('reads a block with trailing junk and two values back to back', () => {
    assert.deepEqual(parseLenientJson('{"a":1}};'), [{ a: 1 }]);
    assert.deepEqual(parseLenientJson('{"a":1}\n{"b":[1,2,]}'), [{ a: 1 }, { b: [1, 2] }]);
    assert.deepEqual(parseLenientJson('not json at all'), []);
    assert.deepEqual(parseLenientJson('//<![CDATA[\n{"c":"x\\"y"}\n//]]>'), [{ c: 'x"y' }]);
  });

  it('ignores an ItemList of other products and uses the page Product', async () => {
    const product = await extract(withJsonLd(
      JSON.stringify({ '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', item: { '@type': 'Product', name: 'Related' } }] }),
      JSON.stringify({ '@type': 'Product', name: 'Main', offers: { price: '3', priceCurrency: 'EUR' } }),
    ));
    assert.equal(product.title, 'Main');
  });
});
