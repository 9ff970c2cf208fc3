import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop } from '../../src/demo-shop/index.js';
import type { DemoShop, ShopProduct } from '../../src/demo-shop/index.js';
import { decodeEntities, httpGet, jsonLdBlocks, linkRel, metaProperties } from './http-helpers.js';

const SCHEMA_AVAILABILITY = {
  IN_STOCK: 'https://schema.org/InStock',
  OUT_OF_STOCK: 'https://schema.org/OutOfStock',
  PREORDER: 'https://schema.org/PreOrder',
  BACKORDER: 'https://schema.org/BackOrder',
} as const;

describe('demo shop product pages', () => {
  let shop: DemoShop;
  before(async () => {
    shop = await startDemoShop({ seed: 11, products: 300, currency: 'EUR' });
  });
  after(() => shop.close());

  const absolute = (path: string) => new URL(path, shop.url).href;
  const find = (predicate: (p: ShopProduct) => boolean) => {
    const product = shop.catalog.products.find(predicate);
    assert.ok(product, 'the catalog has a product for this case');
    return product;
  };
  const productLd = (html: string) => jsonLdBlocks(html).find((block) => block['@type'] === 'Product')!;

  it('embeds schema.org Product JSON-LD that matches the catalog', async () => {
    const product = find((p) => p.rating !== undefined && new Set(p.variants.map((v) => v.price)).size === 1);
    const response = await httpGet(absolute(product.path));
    assert.equal(response.status, 200);
    const ld = productLd(response.body);
    assert.equal(ld['name'], product.title);
    assert.deepEqual(ld['brand'], { '@type': 'Brand', name: product.brand });
    assert.equal(ld['sku'], product.sku);
    assert.equal(ld['gtin13'], product.gtin);
    assert.equal(ld['description'], product.description);
    assert.deepEqual(ld['image'], product.images.map(absolute));
    const offers = ld['offers'] as Record<string, unknown>;
    assert.equal(offers['@type'], 'Offer');
    assert.equal(offers['price'], product.price);
    assert.equal(offers['priceCurrency'], 'EUR');
    assert.equal(offers['availability'], SCHEMA_AVAILABILITY[product.availability]);
    assert.deepEqual(ld['aggregateRating'], { '@type': 'AggregateRating', ratingValue: product.rating!.value, reviewCount: product.rating!.count, bestRating: 5, worstRating: 1 });
  });

  it('uses an AggregateOffer with one Offer per variant when variant prices differ', async () => {
    const product = find((p) => new Set(p.variants.map((v) => v.price)).size > 1);
    const offers = productLd((await httpGet(absolute(product.path))).body)['offers'] as Record<string, unknown>;
    assert.equal(offers['@type'], 'AggregateOffer');
    assert.equal(offers['lowPrice'], product.price);
    assert.equal(offers['highPrice'], String(Math.max(...product.variants.map((v) => Number(v.price))).toFixed(2)));
    assert.equal(offers['offerCount'], product.variants.length);
    const each = offers['offers'] as Record<string, unknown>[];
    assert.deepEqual(each.map((o) => [o['sku'], o['price'], o['availability']]), product.variants.map((v) => [v.sku, v.price, SCHEMA_AVAILABILITY[v.availability]]));
  });

  it('reports each availability with its schema.org URL', async () => {
    for (const availability of ['IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'BACKORDER'] as const) {
      const product = find((p) => p.availability === availability);
      const html = (await httpGet(absolute(product.path))).body;
      assert.equal((productLd(html)['offers'] as Record<string, unknown>)['availability'], SCHEMA_AVAILABILITY[availability], availability);
      assert.match(html, new RegExp(`data-availability="${availability}"`));
    }
  });

  it('carries OpenGraph product meta, a canonical link and lang="en"', async () => {
    const product = find(() => true);
    const html = (await httpGet(absolute(product.path))).body;
    const meta = metaProperties(html);
    assert.deepEqual(meta.get('og:type'), ['product']);
    assert.deepEqual(meta.get('og:title')?.map(decodeEntities), [product.title]);
    assert.equal(meta.get('og:image')?.[0], absolute(product.images[0]!));
    assert.deepEqual(meta.get('product:price:amount'), [product.price]);
    assert.deepEqual(meta.get('product:price:currency'), ['EUR']);
    assert.equal(linkRel(html, 'canonical'), absolute(product.path));
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
  });

  it('serves the same page and canonical when the URL carries tracking parameters', async () => {
    const product = find(() => true);
    const plain = await httpGet(absolute(product.path));
    const tracked = await httpGet(absolute(`${product.path}?utm_source=x&utm_medium=email&gclid=abc`));
    assert.equal(tracked.status, 200);
    assert.equal(tracked.body, plain.body);
    assert.equal(linkRel(tracked.body, 'canonical'), absolute(product.path));
  });

  it('shows the title, the formatted price and a struck-through compare-at price when on sale', async () => {
    const product = find((p) => p.compareAtPrice !== undefined);
    const html = (await httpGet(absolute(product.path))).body;
    assert.equal(decodeEntities(/<h1 class="product__title">([^<]*)<\/h1>/.exec(html)?.[1] ?? ''), product.title);
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' });
    assert.ok(html.includes(`data-price="${product.price}">${format.format(Number(product.price))}</span>`));
    assert.ok(html.includes(`<s class="price price--compare" data-compare-at-price="${product.compareAtPrice}">${format.format(Number(product.compareAtPrice))}</s>`));
    const ld = productLd(html)['offers'] as Record<string, Record<string, unknown>>;
    assert.equal(ld['priceSpecification']?.['price'], product.compareAtPrice);
  });

  it('marks a sold-out size while the product stays in stock and can be added to the cart', async () => {
    const product = find((p) => {
      if (p.availability !== 'IN_STOCK') return false;
      const sizes = new Set(p.variants.map((v) => v.options.Size));
      return [...sizes].some((size) => p.variants.filter((v) => v.options.Size === size).every((v) => v.availability === 'OUT_OF_STOCK'));
    });
    const html = (await httpGet(absolute(product.path))).body;
    assert.match(html, /<input type="radio" id="option-size-\d+" name="Size" value="[^"]+" disabled><label[^>]*class="option-label option-label--sold-out"/);
    assert.match(html, /<button type="submit" name="add" class="button product-form__submit">Add to cart<\/button>/);
    assert.match(html, /data-availability="OUT_OF_STOCK" disabled>/);
  });

  it('disables the add-to-cart button of an out-of-stock product', async () => {
    const product = find((p) => p.availability === 'OUT_OF_STOCK');
    const html = (await httpGet(absolute(product.path))).body;
    assert.match(html, /class="button product-form__submit" disabled>Sold out<\/button>/);
  });

  it('renders breadcrumbs and a gallery with srcset for every image', async () => {
    const product = find((p) => p.categories[0] === 'mens-boots' || p.categories[0] === 'womens-boots');
    const html = (await httpGet(absolute(product.path))).body;
    const gender = product.categories[0]!.startsWith('mens') ? 'Men' : 'Women';
    assert.match(html, new RegExp(`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li[^>]*><a href="/">Home</a></li><li[^>]*><a href="[^"]+">${gender}</a></li><li[^>]*><a href="[^"]+">Shoes</a></li><li[^>]*><a href="/collections/${product.categories[0]}">Boots</a></li>`));
    for (const image of product.images) assert.ok(html.includes(`srcset="${image}?w=400 400w, ${image}?w=800 800w, ${image}?w=1200 1200w"`), image);
    const crumbs = jsonLdBlocks(html).find((block) => block['@type'] === 'BreadcrumbList')!;
    assert.equal((crumbs['itemListElement'] as unknown[]).length, 5);
  });

  it('serves product images as real PNGs', async () => {
    const product = find(() => true);
    const response = await httpGet(absolute(`${product.images[0]}?w=800`));
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'image/png');
    assert.ok(response.body.startsWith('\u0089PNG') || response.body.includes('PNG'), 'PNG signature');
  });

  it('answers 404 with an HTML page for an unknown product handle', async () => {
    const response = await httpGet(absolute('/products/no-such-product'));
    assert.equal(response.status, 404);
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    assert.ok(!response.body.includes('application/ld+json'));
  });
});
