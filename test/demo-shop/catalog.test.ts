import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateCatalog } from '../../src/demo-shop/index.js';
import type { ShopCatalog, ShopProduct } from '../../src/demo-shop/index.js';

function snapshot(catalog: ShopCatalog): string {
  return JSON.stringify({ categories: catalog.categories, products: catalog.products });
}

function isValidEan13(gtin: string): boolean {
  if (!/^\d{13}$/.test(gtin)) return false;
  const sum = [...gtin.slice(0, 12)].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === Number(gtin[12]);
}

function share(products: readonly ShopProduct[], predicate: (product: ShopProduct) => boolean): number {
  return products.filter(predicate).length / products.length;
}

describe('demo shop catalog', () => {
  it('generates an identical catalog for the same seed', () => {
    assert.equal(snapshot(generateCatalog({ seed: 7, products: 300 })), snapshot(generateCatalog({ seed: 7, products: 300 })));
  });

  it('generates a different catalog for a different seed', () => {
    const a = generateCatalog({ seed: 7, products: 300 });
    const b = generateCatalog({ seed: 8, products: 300 });
    assert.notEqual(snapshot(a), snapshot(b));
    assert.notDeepEqual(a.products.map((p) => p.title), b.products.map((p) => p.title));
  });

  it('serialises products with their variants, images and description', () => {
    const product = generateCatalog({ products: 3 }).products[0]!;
    const plain = JSON.parse(JSON.stringify(product)) as ShopProduct;
    assert.deepEqual(plain.variants, JSON.parse(JSON.stringify(product.variants)));
    assert.deepEqual(plain.images, [...product.images]);
    assert.equal(plain.description, product.description);
  });

  it('applies the documented defaults', () => {
    const catalog = generateCatalog();
    assert.equal(catalog.products.length, 120);
    assert.equal(catalog.productsPerPage, 24);
    assert.equal(catalog.currency, 'USD');
    assert.equal(catalog.seed, 1);
    assert.ok(catalog.products.every((p) => p.currency === 'USD'));
  });

  it('rejects invalid options with a message naming the option', () => {
    assert.throws(() => generateCatalog({ products: -1 }), /DemoShopOptions\.products/);
    assert.throws(() => generateCatalog({ productsPerPage: 0 }), /DemoShopOptions\.productsPerPage/);
    assert.throws(() => generateCatalog({ currency: 'dollars' }), /DemoShopOptions\.currency "dollars"/);
    assert.throws(() => generateCatalog({ seed: 1.5 }), /DemoShopOptions\.seed/);
  });

  it('builds gender sections with product-type subcategories, featured and brand collections', () => {
    const catalog = generateCatalog({ products: 10 });
    const kinds = new Set(catalog.categories.map((c) => c.kind));
    assert.deepEqual([...kinds].sort(), ['brand', 'featured', 'gender', 'product-type']);
    assert.deepEqual(catalog.categories.filter((c) => c.kind === 'gender').map((c) => c.name), ['Women', 'Men', 'Kids']);
    const boots = catalog.categoryByHandle('mens-boots')!;
    assert.equal(boots.path, '/collections/mens-boots');
    assert.equal(boots.parentHandle, 'mens-shoes');
    assert.equal(catalog.categoryByHandle('mens-shoes')!.parentHandle, 'men');
    assert.deepEqual(catalog.childrenOf('mens-shoes').map((c) => c.name), ['Boots', 'Sneakers', 'Sandals']);
    assert.deepEqual(catalog.categories.filter((c) => c.kind === 'featured').map((c) => c.name), ['New Arrivals', 'Sale', 'Best Sellers', 'Private Sale']);
    assert.ok(catalog.categories.some((c) => c.kind === 'brand' && c.name === 'Alder & Finch' && c.handle === 'alder-finch'));
    for (const category of catalog.categories) {
      if (category.parentHandle !== undefined) assert.ok(catalog.categoryByHandle(category.parentHandle), category.handle);
    }
  });

  it('files every product under a product-type leaf plus at most two collections', () => {
    const catalog = generateCatalog({ products: 2000 });
    for (const product of catalog.products) {
      assert.ok(product.categories.length >= 1 && product.categories.length <= 3, product.handle);
      const leaf = catalog.categoryByHandle(product.categories[0]!)!;
      assert.equal(leaf.kind, 'product-type');
      assert.equal(leaf.listsProducts, true);
      assert.equal(leaf.name, product.productType);
      assert.equal(new Set(product.categories).size, product.categories.length);
      assert.equal(product.compareAtPrice !== undefined, product.categories.includes('sale'), product.handle);
    }
    assert.ok(catalog.products.some((p) => p.categories.length === 3));
  });

  it('lists each product in exactly the categories it names, in catalog order', () => {
    const catalog = generateCatalog({ products: 1000 });
    for (const category of catalog.categories) {
      const listed = catalog.productsIn(category.handle);
      const expected = catalog.products.filter((p) => p.categories.includes(category.handle));
      assert.deepEqual(listed.map((p) => p.handle), expected.map((p) => p.handle), category.handle);
      if (!category.listsProducts) assert.equal(listed.length, 0);
    }
    assert.deepEqual(catalog.productsIn('no-such-category'), []);
  });

  it('gives products unique handles, paths, SKUs and valid GTIN-13s', () => {
    const catalog = generateCatalog({ products: 3000 });
    const { products } = catalog;
    assert.equal(new Set(products.map((p) => p.handle)).size, products.length);
    assert.equal(new Set(products.map((p) => p.sku)).size, products.length);
    assert.equal(new Set(products.map((p) => p.gtin)).size, products.length);
    for (const product of products) {
      assert.match(product.handle, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.equal(product.path, `/products/${product.handle}`);
      assert.ok(isValidEan13(product.gtin), product.gtin);
      assert.equal(catalog.productByHandle(product.handle), product);
    }
    assert.ok(products.some((p) => /-\d+$/.test(p.handle)), 'colliding titles get a numeric suffix');
    assert.equal(catalog.productByHandle('no-such-product'), undefined);
  });

  it('prices products realistically: decimal strings, sale prices below compare-at prices', () => {
    const { products } = generateCatalog({ products: 3000 });
    for (const product of products) {
      assert.match(product.price, /^\d+\.\d{2}$/);
      assert.ok(Number(product.price) >= 19.99 && Number(product.price) <= 349, product.price);
      if (product.compareAtPrice !== undefined) assert.ok(Number(product.compareAtPrice) > Number(product.price));
      const lowest = Math.min(...product.variants.map((v) => Number(v.price)));
      assert.equal(lowest, Number(product.price), product.handle);
    }
    assert.ok(products.some((p) => p.price.endsWith('.00')));
    assert.ok(products.some((p) => p.price.endsWith('.99')));
    assert.ok(products.some((p) => new Set(p.variants.map((v) => v.price)).size > 1), 'some products price sizes differently');
  });

  it('puts about 15% on sale, 8% out of stock and 3% on preorder', () => {
    const { products } = generateCatalog({ products: 5000 });
    const onSale = share(products, (p) => p.compareAtPrice !== undefined);
    const outOfStock = share(products, (p) => p.availability === 'OUT_OF_STOCK');
    const preorder = share(products, (p) => p.availability === 'PREORDER');
    assert.ok(onSale > 0.12 && onSale < 0.18, `on sale ${onSale}`);
    assert.ok(outOfStock > 0.06 && outOfStock < 0.1, `out of stock ${outOfStock}`);
    assert.ok(preorder > 0.015 && preorder < 0.045, `preorder ${preorder}`);
    assert.ok(products.some((p) => p.availability === 'BACKORDER'));
  });

  it('gives variants Size and Color options, with some sizes sold out on in-stock products', () => {
    const { products } = generateCatalog({ products: 1000 });
    for (const product of products) {
      assert.ok(product.variants.length >= 1);
      for (const variant of product.variants) {
        assert.deepEqual(Object.keys(variant.options).sort(), ['Color', 'Size']);
        assert.equal(variant.title, `${variant.options.Size} / ${variant.options.Color}`);
        assert.ok(variant.sku.startsWith(`${product.sku}-`));
      }
      if (product.availability === 'OUT_OF_STOCK') assert.ok(product.variants.every((v) => v.availability === 'OUT_OF_STOCK'));
      if (product.availability === 'IN_STOCK') assert.ok(product.variants.some((v) => v.availability === 'IN_STOCK'));
    }
    const partlySoldOut = products.filter((p) => p.availability === 'IN_STOCK' && p.variants.some((v) => v.availability === 'OUT_OF_STOCK'));
    assert.ok(partlySoldOut.length > 0);
  });

  it('returns equal values each time the computed fields are read', () => {
    const product = generateCatalog({ products: 50 }).products[42]!;
    assert.deepEqual(product.variants, product.variants);
    assert.deepEqual(product.images, product.images);
    assert.equal(product.description, product.description);
    assert.ok(product.images.length >= 2 && product.images.every((image) => /^\/images\/[a-z0-9-]+\.png$/.test(image)));
  });

  it('generates a 10,000-product catalog', () => {
    const catalog = generateCatalog({ products: 10_000, seed: 3 });
    assert.equal(catalog.products.length, 10_000);
    assert.equal(new Set(catalog.products.map((p) => p.handle)).size, 10_000);
    assert.equal(catalog.pageCount('sale'), Math.ceil(catalog.productsIn('sale').length / 24));
  });
});
