/**
 * Self-check of the scoring rules: `node dist/bench/quality/score.selfcheck.js`.
 * Exits non-zero on the first rule that does not hold.
 */
import assert from 'node:assert/strict';
import type { ExtractedProduct } from '../../src/domain/entities/product.js';
import { emptyFields, type LabelledFields } from './corpus.types.js';
import { canonicalAmount, canonicalCrumbs, canonicalImage, fieldStats, judgeField, observedFields, type FieldVerdict } from './score.js';

const PAGE = 'https://shop.example/products/boot';
let checks = 0;

function check(name: string, run: () => void): void {
  try {
    run();
    checks++;
  } catch (error) {
    console.error(`score self-check FAILED: ${name}`);
    throw error;
  }
}

function label(fields: Partial<LabelledFields>): LabelledFields {
  return { ...emptyFields(), title: 'Trail Boot', ...fields };
}

function got(fields: Partial<ExtractedProduct>): ReturnType<typeof observedFields> {
  return observedFields({ title: 'Trail Boot', availability: 'UNKNOWN', images: [], variants: [], breadcrumbs: [], sources: {}, ...fields });
}

check('amounts compare as decimals', () => {
  assert.equal(canonicalAmount('049.50'), '49.5');
  assert.equal(canonicalAmount('24990'), '24990');
  assert.equal(canonicalAmount('1299.00'), '1299');
  assert.equal(canonicalAmount('.5'), '0.5');
  assert.equal(canonicalAmount('1,299.00'), null);
  assert.equal(canonicalAmount(''), null);
});

check('a price needs the same amount and currency', () => {
  const expected = label({ price: { amount: '1299.00', currency: 'EUR' } });
  assert.equal(judgeField('price', expected, got({ price: { amount: '1299', currency: 'eur' } }), PAGE).outcome, 'tp');
  assert.equal(judgeField('price', expected, got({ price: { amount: '1299', currency: 'USD' } }), PAGE).outcome, 'wrong');
  assert.equal(judgeField('price', expected, got({}), PAGE).outcome, 'fn');
  const wrong = judgeField('price', expected, got({ price: { amount: '1558.80', currency: 'EUR' } }), PAGE);
  assert.ok(Math.abs((wrong.error ?? 0) - 0.2) < 1e-9);
});

check('a value for a field labelled null is a false positive; both null is a true negative', () => {
  assert.equal(judgeField('compareAtPrice', label({}), got({ compareAtPrice: { amount: '10', currency: 'USD' } }), PAGE).outcome, 'fp');
  assert.equal(judgeField('compareAtPrice', label({}), got({}), PAGE).outcome, 'tn');
  assert.equal(judgeField('brand', label({}), got({ brand: '   ' }), PAGE).outcome, 'tn');
});

check('brand and availability ignore case; text ignores spacing', () => {
  assert.equal(judgeField('brand', label({ brand: 'Alder & Finch' }), got({ brand: ' alder  &\u00a0FINCH ' }), PAGE).outcome, 'tp');
  assert.equal(judgeField('availability', label({ availability: 'IN_STOCK' }), got({ availability: 'IN_STOCK' }), PAGE).outcome, 'tp');
  assert.equal(judgeField('title', label({}), got({ title: 'Trail\n  Boot' }), PAGE).outcome, 'tp');
  assert.equal(judgeField('title', label({}), got({ title: 'Trail Boot – Alder Store' }), PAGE).outcome, 'wrong');
});

check('UNKNOWN availability counts as no availability', () => {
  assert.equal(judgeField('availability', label({ availability: 'OUT_OF_STOCK' }), got({ availability: 'UNKNOWN' }), PAGE).outcome, 'fn');
});

check('GTINs ignore leading zeros; SKUs ignore case', () => {
  assert.equal(judgeField('gtin', label({ gtin: '012345678905' }), got({ gtin: '0012345678905' }), PAGE).outcome, 'tp');
  assert.equal(judgeField('sku', label({ sku: 'AF-12-blk' }), got({ sku: 'af-12-BLK' }), PAGE).outcome, 'tp');
});

check('images: the labelled main image must be among the extracted ones, at any rendition', () => {
  assert.equal(canonicalImage('//cdn.shopify.com/s/files/1/01/02/products/boot_1024x1024.jpg?v=1', PAGE), canonicalImage('https://cdn.shopify.com/s/files/1/01/02/products/boot.jpg', PAGE));
  assert.equal(canonicalImage('https://s.example/wp-content/uploads/2023/01/boot-600x600.jpg', PAGE), canonicalImage('https://s.example/wp-content/uploads/2023/01/boot.jpg', PAGE));
  assert.equal(canonicalImage('/media/catalog/product/cache/0f831c1845fc143d00d6d1ebc49f446a/b/o/boot.jpg', PAGE), canonicalImage('https://shop.example/media/catalog/product/b/o/boot.jpg', PAGE));
  const expected = label({ images: ['https://shop.example/img/boot-1.jpg', 'https://shop.example/img/boot-2.jpg'] });
  assert.equal(judgeField('images', expected, got({ images: ['/img/boot-2.jpg', '/img/boot-1.jpg?w=800'] }), PAGE).outcome, 'tp');
  assert.equal(judgeField('images', expected, got({ images: ['/img/boot-2.jpg'] }), PAGE).outcome, 'wrong');
});

check('breadcrumbs drop a leading home link and a trailing product title', () => {
  assert.deepEqual(canonicalCrumbs(['Startseite', 'Herren', 'Schuhe', 'Trail Boot'], 'Trail Boot'), ['herren', 'schuhe']);
  const expected = label({ breadcrumbs: ['Men', 'Boots'] });
  assert.equal(judgeField('breadcrumbs', expected, got({ breadcrumbs: ['Home', 'Men', 'Boots', 'Trail Boot'] }), PAGE).outcome, 'tp');
  assert.equal(judgeField('breadcrumbs', expected, got({ breadcrumbs: ['Home', 'Boots'] }), PAGE).outcome, 'wrong');
});

check('ratings within 0.05, review counts exact, languages by primary subtag', () => {
  assert.equal(judgeField('rating', label({ rating: 4.5 }), got({ rating: 4.52 }), PAGE).outcome, 'tp');
  assert.equal(judgeField('rating', label({ rating: 4.5 }), got({ rating: 90 }), PAGE).outcome, 'wrong');
  assert.equal(judgeField('reviewCount', label({ reviewCount: 1234 }), got({ reviewCount: 1234 }), PAGE).outcome, 'tp');
  assert.equal(judgeField('language', label({ language: 'de-DE' }), got({ language: 'de' }), PAGE).outcome, 'tp');
  assert.equal(judgeField('language', label({ language: 'de-CH' }), got({ language: 'fr-CH' }), PAGE).outcome, 'wrong');
});

check('a wrong value counts once as a false positive and once as a false negative', () => {
  const verdicts: FieldVerdict[] = [
    { field: 'sku', outcome: 'tp', expected: 'A', got: 'A' },
    { field: 'sku', outcome: 'wrong', expected: 'B', got: 'C' },
    { field: 'sku', outcome: 'fn', expected: 'D', got: null },
    { field: 'sku', outcome: 'fp', expected: null, got: 'E' },
    { field: 'sku', outcome: 'tn', expected: null, got: null },
    { field: 'brand', outcome: 'tp', expected: 'X', got: 'X' },
  ];
  const stats = fieldStats('sku', verdicts);
  assert.deepEqual([stats.tp, stats.fp, stats.fn, stats.support], [1, 2, 2, 3]);
  assert.equal(stats.precision, 1 / 3);
  assert.equal(stats.recall, 1 / 3);
  assert.ok(Math.abs(stats.f1 - 1 / 3) < 1e-12);
});

check('a field never predicted has no precision and F1 0', () => {
  const stats = fieldStats('mpn', [{ field: 'mpn', outcome: 'fn', expected: 'M1', got: null }]);
  assert.equal(stats.precision, null);
  assert.equal(stats.recall, 0);
  assert.equal(stats.f1, 0);
});

check('a null extraction is every field missing', () => {
  const fields = observedFields(null);
  assert.ok(Object.values(fields).every((value) => value === null));
});

console.log(`score self-check: ${checks} checks passed`);
