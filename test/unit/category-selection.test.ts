import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SELECTED_TYPES, selectCategories } from '../../src/domain/category-selection.js';
import { isTrawlError } from '../../src/domain/errors.js';
import type { NavigationEntry } from '../../src/domain/entities/site.js';

const BASE = 'https://shop.example';

function entry(name: string, path: string, extra: Partial<NavigationEntry> = {}): NavigationEntry {
  return { name, url: `${BASE}${path}`, depth: extra.parentUrl ? 1 : 0, ...extra };
}

const MENU: readonly NavigationEntry[] = [
  entry('Gift Cards', '/products/gift-card'),
  entry('Nike', '/collections/nike', { section: 'Brands' }),
  entry('Sale', '/collections/sale'),
  entry('Women', '/collections/women'),
  entry('Clothing', '/collections/clothing'),
  entry('Dresses', '/collections/dresses', { parentUrl: `${BASE}/collections/clothing` }),
  entry('Tops', '/collections/tops', { parentUrl: `${BASE}/collections/clothing` }),
  entry('Shoes', '/collections/shoes'),
  entry('New In', '/collections/new-in'),
  entry('Men', '/collections/men'),
];

const names = (selected: readonly { name: string }[]): string[] => selected.map((category) => category.name);

describe('category selection', () => {
  it('orders by type preference, leaves before parents, then menu order, and drops OTHER by default', () => {
    const selected = selectCategories(MENU);
    assert.deepEqual(names(selected), ['Dresses', 'Tops', 'Shoes', 'Clothing', 'Women', 'Men', 'Sale', 'New In', 'Nike']);
    assert.deepEqual(selected.map((category) => category.rank), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(DEFAULT_SELECTED_TYPES, ['PRODUCT', 'GENDER', 'FEATURED', 'BRAND']);
  });

  it('keeps the navigation fields and adds type, reason and rank', () => {
    const [first] = selectCategories(MENU, { maxCategories: 1 });
    assert.deepEqual(first && { ...first, reason: typeof first.reason }, {
      name: 'Dresses', url: `${BASE}/collections/dresses`, depth: 1, parentUrl: `${BASE}/collections/clothing`,
      type: 'PRODUCT', reason: 'string', rank: 1,
    });
  });

  it('keeps only the requested types, in preference order whatever order they are given in', () => {
    assert.deepEqual(names(selectCategories(MENU, { types: ['BRAND', 'GENDER'] })), ['Women', 'Men', 'Nike']);
    assert.deepEqual(names(selectCategories(MENU, { types: ['OTHER'] })), ['Gift Cards']);
  });

  it('cuts the ordered list at maxCategories', () => {
    assert.deepEqual(names(selectCategories(MENU, { maxCategories: 4 })), ['Dresses', 'Tops', 'Shoes', 'Clothing']);
    assert.deepEqual(selectCategories(MENU, { maxCategories: 0 }), []);
  });

  it('rejects a negative or fractional maxCategories, naming the field', () => {
    for (const maxCategories of [-1, 2.5, Number.NaN]) {
      assert.throws(() => selectCategories(MENU, { maxCategories }), (error: unknown) =>
        isTrawlError(error) && error.code === 'INVALID_INPUT' && /maxCategories/.test(error.message));
    }
  });

  it('dedupes by canonical url, keeping the best-typed entry', () => {
    const selected = selectCategories([
      entry('Shop', '/collections/all'),
      entry('Boots', '/collections/boots'),
      entry('Boots', '/collections/boots/#top'),
      entry('Featured', '/collections/boots?utm_source=menu'),
      entry('Women', '/collections/women'),
      entry('Women', '/collections/women/'),
    ], { types: ['PRODUCT', 'GENDER', 'FEATURED', 'BRAND', 'OTHER'] });
    assert.deepEqual(names(selected), ['Boots', 'Women', 'Shop']);
  });

  it('treats relative urls and parent links consistently when deduping and finding leaves', () => {
    const selected = selectCategories([
      { name: 'Clothing', url: '/c/clothing/', depth: 0 },
      { name: 'Jeans', url: '/c/jeans', parentUrl: '/c/clothing', depth: 1 },
      { name: 'Jeans', url: '/c/jeans#x', parentUrl: '/c/clothing', depth: 1 },
    ]);
    assert.deepEqual(names(selected), ['Jeans', 'Clothing']);
  });

  it('returns an empty list for an empty menu', () => {
    assert.deepEqual(selectCategories([]), []);
  });
});
