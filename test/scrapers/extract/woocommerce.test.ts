import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractProduct, money } from './fixtures/extract.helper.js';
import { wooSimpleOnSale, wooVariable } from './fixtures/woocommerce.fixture.js';

const page = { url: 'https://kettle.example/product/hoodie/' };

describe('WooCommerce extraction', () => {
  it('reads a simple product on sale: <ins> price, <del> compare-at, SKU, stock, tabs, rating, gallery, breadcrumbs', async () => {
    const product = await extractProduct(wooSimpleOnSale(), page);
    assert.equal(product.platform, 'WOOCOMMERCE');
    assert.equal(product.title, 'Hoodie');
    assert.deepEqual(product.price, money('42.00', 'GBP'));
    assert.deepEqual(product.compareAtPrice, money('45.00', 'GBP'));
    assert.equal(product.sku, 'woo-hoodie');
    assert.equal(product.availability, 'IN_STOCK');
    assert.equal(product.description, 'Pellentesque habitant morbi tristique senectus et netus. Heavyweight cotton fleece.');
    assert.equal(product.rating, 4.5);
    assert.equal(product.reviewCount, 2);
    assert.deepEqual(product.images, [
      'https://kettle.example/wp-content/uploads/2024/01/hoodie-2.jpg', 'https://kettle.example/wp-content/uploads/2024/01/hoodie-blue-1.jpg',
    ]);
    assert.deepEqual(product.breadcrumbs, ['Home', 'Clothing', 'Hoodies']);
    assert.equal(product.canonicalUrl, 'https://kettle.example/product/hoodie/');
    for (const field of ['title', 'price', 'compareAtPrice', 'sku', 'availability', 'description', 'rating', 'images', 'breadcrumbs']) {
      assert.equal(product.sources[field], 'woocommerce', field);
    }
  });

  it('takes the shop name as the brand only because nothing else names one', async () => {
    const product = await extractProduct(wooSimpleOnSale(), page);
    assert.equal(product.brand, 'Kettle & Co');
    assert.equal(product.sources.brand, 'opengraph');
  });

  it('reads the variations form: option labels from the selects, per-variation price, SKU and stock', async () => {
    const product = await extractProduct(wooVariable(), page);
    assert.deepEqual(product.price, money('42.50', 'GBP'), 'the lower end of the shown range');
    assert.equal(product.compareAtPrice, undefined);
    assert.deepEqual(product.variants, [
      { title: 'Blue / Yes', sku: 'woo-hoodie-blue-logo', options: { Color: 'Blue', Logo: 'Yes' }, price: money('45.00', 'GBP'), availability: 'IN_STOCK' },
      { title: 'Green / No', sku: 'woo-hoodie-green', options: { Color: 'Green', Logo: 'No' }, price: money('42.50', 'GBP'), availability: 'OUT_OF_STOCK' },
      { title: 'Red', sku: 'woo-hoodie-red', options: { Color: 'Red' }, price: money('45.00', 'GBP'), availability: 'BACKORDER' },
    ]);
    assert.equal(product.availability, 'IN_STOCK', 'one variation in stock makes the product in stock');
    assert.equal(product.sources.variants, 'woocommerce');
  });

  it('keeps going when the variations are loaded by AJAX (data-product_variations="false")', async () => {
    const product = await extractProduct(wooVariable(false), page);
    assert.deepEqual(product.variants, []);
    assert.deepEqual(product.price, money('42.50', 'GBP'));
    assert.equal(product.availability, 'IN_STOCK', 'the enabled add-to-basket button');
  });

  const stockCases: [string, string, string][] = [
    ['<p class="stock out-of-stock">Out of stock</p>', 'OUT_OF_STOCK', 'the out-of-stock paragraph'],
    ['<p class="stock available-on-backorder">Available on backorder</p>', 'BACKORDER', 'the backorder paragraph'],
    ['<p class="stock">Nicht vorrätig</p>', 'OUT_OF_STOCK', 'a translated message without the class'],
    ['', 'IN_STOCK', 'no stock paragraph, an enabled add-to-cart button'],
  ];
  for (const [stock, expected, what] of stockCases) {
    it(`reads availability ${expected} from ${what}`, async () => {
      const product = await extractProduct(wooSimpleOnSale({ stock }), page);
      assert.equal(product.availability, expected);
    });
  }

  it('ignores an "N/A" SKU and falls back to the first category when there is no breadcrumb', async () => {
    const html = wooSimpleOnSale({ sku: 'N/A' }).replace(/<nav class="woocommerce-breadcrumb"[\s\S]*?<\/nav>/, '');
    const product = await extractProduct(html, page);
    assert.equal(product.sku, undefined);
    assert.deepEqual(product.breadcrumbs, ['Hoodies']);
  });

  it('shows the sale price over a stale JSON-LD price and keeps the higher one as compare-at', async () => {
    const jsonLd = `<script type="application/ld+json">{"@context":"https://schema.org/","@graph":[{"@type":"Product","name":"Hoodie","sku":"woo-hoodie",
      "offers":[{"@type":"Offer","price":"45.00","priceCurrency":"GBP","availability":"http://schema.org/InStock"}]}]}</script>`;
    const html = wooSimpleOnSale().replace('</head>', `${jsonLd}</head>`);
    const product = await extractProduct(html, page);
    assert.deepEqual(product.price, money('42.00', 'GBP'));
    assert.deepEqual(product.compareAtPrice, money('45.00', 'GBP'));
    assert.equal(product.sources.price, 'woocommerce');
  });
});
