import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalUrl, isPrivateHost, parseTargetUrl, siteOf } from '../../src/domain/url.js';
import { isTrawlError } from '../../src/domain/errors.js';

describe('target URLs', () => {
  it('canonicalises: lower-case host, no fragment, no tracking params, sorted query, no trailing slash', () => {
    assert.equal(canonicalUrl('https://Shop.Example/products/boot/?utm_source=x&b=2&a=1#reviews'), 'https://shop.example/products/boot?a=1&b=2');
    assert.equal(canonicalUrl('https://shop.example:443/'), 'https://shop.example/');
    assert.equal(canonicalUrl('http://shop.example/p?gclid=abc'), 'http://shop.example/p');
  });

  it('keys sites by host without www and keeps non-default ports', () => {
    assert.equal(siteOf('https://www.shop.example/x'), 'shop.example');
    assert.equal(siteOf('http://127.0.0.1:8080/x'), '127.0.0.1:8080');
  });

  it('recognises private, loopback, link-local and metadata addresses', () => {
    for (const host of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '0.0.0.0', '[::1]', '::ffff:127.0.0.1', 'fd00::1', 'localhost', 'printer.local']) {
      assert.equal(isPrivateHost(host), true, host);
    }
    for (const host of ['93.184.216.34', 'shop.example', '172.32.0.1', '[2606:4700::1]']) assert.equal(isPrivateHost(host), false, host);
  });

  it('allows an allowlisted private host:port and nothing else on that host', () => {
    const policy = { allowPrivateNetwork: false, privateHostAllowlist: ['127.0.0.1:4100'] };
    assert.equal(parseTargetUrl('http://127.0.0.1:4100/p', 'url', policy).port, '4100');
    assert.throws(() => parseTargetUrl('http://127.0.0.1:4101/p', 'url', policy), (e: unknown) => isTrawlError(e) && e.code === 'PRIVATE_NETWORK_TARGET');
  });

  it('rejects over-long URLs', () => {
    assert.throws(() => parseTargetUrl(`https://shop.example/${'a'.repeat(3000)}`, 'input.url'), /longer than 2048/);
  });
});
