import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserStep } from '../../../src/domain/ports/browser.port.js';
import { describeStep, validateSteps } from '../../../src/domain/navigation-steps.js';
import { failure } from './browser-test-support.js';

const INVALID: { name: string; step: unknown; field: string; message: RegExp }[] = [
  { name: 'an unknown action', step: { action: 'hover', selector: 'a' }, field: 'steps.0.action', message: /unknown action "hover"/ },
  { name: 'a click without selector', step: { action: 'click' }, field: 'steps.0.selector', message: /selector must be a non-empty string/ },
  { name: 'a fill without value', step: { action: 'fill', selector: '#q' }, field: 'steps.0.value', message: /value must be a string/ },
  { name: 'a select with a number', step: { action: 'select', selector: '#s', value: 3 }, field: 'steps.0.value', message: /string or a list/ },
  { name: 'a goto without url', step: { action: 'goto', url: ' ' }, field: 'steps.0.url', message: /url must be a non-empty string/ },
  { name: 'a wait with nothing to wait for', step: { action: 'wait' }, field: 'steps.0.selector', message: /exactly one of/ },
  { name: 'a wait on an unknown state', step: { action: 'wait', until: 'domready' }, field: 'steps.0.until', message: /"load" or "networkidle"/ },
  { name: 'a wait of a minute and more', step: { action: 'wait', ms: 120_000 }, field: 'steps.0.ms', message: /from 0 to 60000/ },
  { name: 'a scroll of zero times', step: { action: 'scroll', times: 0 }, field: 'steps.0.times', message: /from 1 to 100/ },
  { name: 'a paginate over 0 pages', step: { action: 'paginate', selector: '#n', maxPages: 0 }, field: 'steps.0.maxPages', message: /from 1 to 1000/ },
  { name: 'an extract field that is a number', step: { action: 'extract', fields: { price: 5 } }, field: 'steps.0.fields.price', message: /field "price"/ },
  { name: 'a paginate extract field without selector', step: { action: 'paginate', selector: '#n', extract: { fields: { name: { attribute: 'href' } } } }, field: 'steps.0.extract.fields.name', message: /field "name"/ },
  { name: 'a negative timeout', step: { action: 'click', selector: 'a', timeoutMs: -1 }, field: 'steps.0.timeoutMs', message: /timeoutMs/ },
];

describe('validateSteps', () => {
  for (const { name, step, field, message } of INVALID) {
    it(`rejects ${name} with INVALID_INPUT naming the field`, async () => {
      const error = await failure(Promise.resolve().then(() => validateSteps([step as BrowserStep])));
      assert.equal(error.code, 'INVALID_INPUT');
      assert.equal(error.details.field, field);
      assert.match(error.message, /^step 1/);
      assert.match(error.message, message);
    });
  }

  it('accepts the legacy NavigationStep shapes', () => {
    validateSteps([
      { action: 'goto', url: 'https://shop.example/' },
      { action: 'fill', selector: '#q', value: 'lamp' },
      { action: 'click', selector: '#go', timeoutMs: 5_000 },
      { action: 'wait', selector: '.results' },
      { action: 'paginate', selector: 'a.next' },
      { action: 'extract', selector: '.name' },
    ]);
  });
});

describe('describeStep', () => {
  it('names a step by action and target for error messages', () => {
    assert.equal(describeStep({ action: 'click', selector: '#next' }), 'click "#next"');
    assert.equal(describeStep({ action: 'wait', ms: 500 }), 'wait 500 ms');
    assert.equal(describeStep({ action: 'wait', until: 'networkidle' }), 'wait networkidle');
    assert.equal(describeStep({ action: 'extract', fields: { names: '.n', prices: '.p' } }), 'extract names, prices');
    assert.equal(describeStep({ action: 'extract' }), 'extract page');
  });
});
