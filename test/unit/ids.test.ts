import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { derivedId, newId } from '../../src/domain/ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids', () => {
  it('makes unique UUIDv7s that sort in creation order, also many in one millisecond', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => newId(1_700_000_000_000 + Math.floor(i / 1000)));
    for (const id of ids) assert.match(id, UUID_V7);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), ids);
  });

  it('derives the same id from the same parts and another from other parts', () => {
    assert.equal(derivedId('campaign', 'https://shop.example/p/1'), derivedId('campaign', 'https://shop.example/p/1'));
    assert.notEqual(derivedId('campaign', 'https://shop.example/p/1'), derivedId('campaign', 'https://shop.example/p/2'));
  });
});
