import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectChallenge } from '../../src/scrapers/http/captcha-detection.js';

const page = (status: number, body: string, headers: Record<string, string> = {}) => ({ status, headers, body });

describe('challenge page detection', () => {
  it('recognises vendor challenge pages whatever the status', () => {
    assert.equal(detectChallenge(page(503, '<title>Just a moment...</title><script src="/cdn-cgi/challenge-platform/h/b"></script>')), 'cloudflare');
    assert.equal(detectChallenge(page(200, '<title>Attention Required! | Cloudflare</title>')), 'cloudflare');
    assert.equal(detectChallenge(page(200, '<script src="/_Incapsula_Resource?SWJIYLWA=1"></script>')), 'incapsula');
    assert.equal(detectChallenge(page(403, '<iframe src="https://geo.captcha-delivery.com/captcha/"></iframe>')), 'datadome');
    assert.equal(detectChallenge(page(200, '<div id="px-captcha"></div>')), 'perimeterx');
    assert.equal(detectChallenge(page(200, '<html><head><title>Robot Check</title></head></html>')), 'captcha');
  });

  it('trusts the cf-mitigated header', () => {
    assert.equal(detectChallenge(page(403, '', { 'cf-mitigated': 'challenge' })), 'cloudflare');
  });

  it('reads generic CAPTCHA wording only on a block status', () => {
    const text = '<p>Please complete the CAPTCHA: are you a robot?</p>';
    assert.equal(detectChallenge(page(429, text)), 'captcha');
    assert.equal(detectChallenge(page(403, 'Access denied')), 'captcha');
    assert.equal(detectChallenge(page(200, text)), undefined, 'a product page with a CAPTCHA form is still a page');
  });

  it('leaves ordinary pages and plain errors alone', () => {
    assert.equal(detectChallenge(page(200, '<html><title>Leather boots</title><div class="g-recaptcha"></div></html>')), undefined);
    assert.equal(detectChallenge(page(503, '<h1>Service Unavailable</h1>')), undefined);
    assert.equal(detectChallenge(page(404, 'captcha')), undefined);
  });
});
