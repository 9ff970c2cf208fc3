import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RelatedEndpointMemory } from '../../src/domain/related-endpoint-memory.js';

describe('RelatedEndpointMemory', () => {
  it('stops requesting a kind of endpoint a site answered with misses three times in a row, until the skip ends', () => {
    let now = 0;
    const memory = new RelatedEndpointMemory({ now: () => now, skipMs: 60_000 });
    for (const handle of ['a', 'b', 'c']) {
      assert.equal(memory.shouldTry(`https://shop.example/products/${handle}.js`), true);
      memory.record(`https://shop.example/products/${handle}.js`, false);
    }
    assert.equal(memory.shouldTry('https://shop.example/products/d.js'), false, 'the .js kind is skipped');
    assert.equal(memory.shouldTry('https://shop.example/products/d.json'), true, 'another kind is not');
    assert.equal(memory.shouldTry('https://other.example/products/d.js'), true, 'another site is not');
    now += 60_001;
    assert.equal(memory.shouldTry('https://shop.example/products/e.js'), true, 'tried again once the skip ends');
  });

  it('trusts an endpoint again after one success, and a success between misses resets the count', () => {
    const memory = new RelatedEndpointMemory();
    memory.record('https://shop.example/products/a.js', false);
    memory.record('https://shop.example/products/b.js', false);
    memory.record('https://shop.example/products/c.js', true);
    memory.record('https://shop.example/products/d.js', false);
    memory.record('https://shop.example/products/e.js', false);
    assert.equal(memory.shouldTry('https://shop.example/products/f.js'), true);
  });

  it('forgets the oldest sites beyond its size limit', () => {
    const memory = new RelatedEndpointMemory({ maxEntries: 2, missesToSkip: 1 });
    for (const site of ['a', 'b', 'c']) memory.record(`https://${site}.example/p/x.js`, false);
    assert.equal(memory.shouldTry('https://a.example/p/y.js'), true, 'a was forgotten');
    assert.equal(memory.shouldTry('https://c.example/p/y.js'), false);
  });
});
