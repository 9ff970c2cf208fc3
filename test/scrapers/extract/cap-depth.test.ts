import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load } from 'cheerio/slim';
import { capTreeDepth } from '../../../src/scrapers/extract/cap-depth.js';

describe('capTreeDepth', () => {
  it('leaves an ordinary document alone', () => {
    const $ = load('<html><body><div><h1>Title</h1><p>Text <b>bold</b></p></div></body></html>');
    assert.equal(capTreeDepth($), 0);
    assert.equal($('body').html(), '<div><h1>Title</h1><p>Text <b>bold</b></p></div>');
  });

  it('flattens elements nested past the limit into the element at the limit, keeping order and their own text', () => {
    const $ = load(`<html><body>${'<div>'.repeat(30)}<h1>Deep title</h1><span class="price">$5</span>${'</div>'.repeat(30)}</body></html>`);
    assert.equal(capTreeDepth($, 10), 1);
    const h1 = $('h1');
    assert.equal(h1.text(), 'Deep title');
    assert.equal(h1.parents().length, 10);
    assert.equal(h1.next().is('span.price'), true);
    assert.equal($('span.price').text(), '$5');
  });

  it('wraps thousands of root-level elements in one html element', () => {
    const $ = load(`${'<p>x</p>'.repeat(5000)}<h1>Late</h1>`);
    capTreeDepth($);
    assert.equal($.root().children().length, 1);
    assert.equal($('h1').text(), 'Late');
    assert.equal($('p').length, 5000);
  });
});
