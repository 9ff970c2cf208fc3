import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalUrl, isPrivateHost, parseTargetUrl, refusedAddress, siteOf, type TargetPolicy } from '../../src/domain/url.js';
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
    const policy = { allowPrivateNetwork: false, allowedPrivateHosts: ['127.0.0.1:4100'] };
    assert.equal(parseTargetUrl('http://127.0.0.1:4100/p', 'url', policy).port, '4100');
    assert.throws(() => parseTargetUrl('http://127.0.0.1:4101/p', 'url', policy), (e: unknown) => isTrawlError(e) && e.code === 'PRIVATE_NETWORK_TARGET');
  });

  it('judges each host under each policy on its own, however often the same host is checked', () => {
    const strict = { allowPrivateNetwork: false, allowedPrivateHosts: [] };
    const open = { allowPrivateNetwork: true, allowedPrivateHosts: [] };
    for (let i = 0; i < 3; i++) {
      assert.throws(() => parseTargetUrl(`http://10.0.0.7:8080/p${i}`, 'url', strict), (e: unknown) => isTrawlError(e) && e.code === 'PRIVATE_NETWORK_TARGET');
      assert.equal(parseTargetUrl(`http://10.0.0.7:8080/p${i}`, 'url', open).pathname, `/p${i}`);
    }
    const onePort = { allowPrivateNetwork: false, allowedPrivateHosts: ['10.0.0.7:8080'] };
    assert.equal(parseTargetUrl('http://10.0.0.7:8080/a', 'url', onePort).port, '8080');
    assert.throws(() => parseTargetUrl('http://10.0.0.7:8081/a', 'url', onePort), /private-network target/);
    assert.throws(() => parseTargetUrl('https://10.0.0.7:8080/a', 'url', { ...onePort, allowedPrivateHosts: ['10.0.0.7:443'] }), /private-network target/);
  });

  it('rejects over-long URLs', () => {
    assert.throws(() => parseTargetUrl(`https://shop.example/${'a'.repeat(3000)}`, 'input.url'), /longer than 2048/);
  });

  it('refuses every special-purpose address range, in any spelling', () => {
    const refused = [
      '0.1.2.3', '100.64.0.1', '100.127.255.254', '192.0.0.192', '198.18.0.1', '224.0.0.1', '239.255.255.250', '255.255.255.255',
      '[ff02::1]', '[fe80::1]', '[fd00:ec2::254]', '[::]', '[::ffff:10.0.0.1]', '[::ffff:7f00:1]', '[64:ff9b::7f00:1]', '[2002:7f00:1::]',
      '[2001:db8::1]', 'localhost.', 'LOCALHOST', 'metadata.google.internal.', 'metadata.goog', 'router.home.arpa',
    ];
    for (const host of refused) assert.equal(isPrivateHost(host), true, host);
    for (const host of ['100.128.0.1', '8.8.8.8', '[64:ff9b::808:808]', '[2002:808:808::]', 'metadata.example']) assert.equal(isPrivateHost(host), false, host);
  });

  it('refuses decimal, octal and hex IPv4 literals and IPv4-mapped IPv6 as the loopback they are', () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://017700000001/', 'http://127.1/', 'http://[::ffff:127.0.0.1]/', 'http://0/']) {
      assert.throws(() => parseTargetUrl(url, 'input.url'), (e: unknown) => isTrawlError(e) && e.code === 'PRIVATE_NETWORK_TARGET' && e.details.field === 'input.url', url);
    }
  });

  it('refuses non-http(s) schemes as INVALID_URL naming the field', () => {
    for (const url of ['ftp://shop.example/', 'file:///etc/passwd', 'gopher://shop.example/', 'javascript:alert(1)', 'data:text/html,<p>x</p>', 'ws://shop.example/']) {
      assert.throws(() => parseTargetUrl(url, 'input.url'), (e: unknown) => isTrawlError(e) && e.code === 'INVALID_URL' && /input\.url/.test(e.message), url);
    }
  });

  it('allows private addresses inside an allow-listed CIDR range, IPv4 and IPv6', () => {
    const policy: TargetPolicy = { allowPrivateNetwork: false, allowedPrivateHosts: ['10.0.0.0/8', 'fd00::/8'] };
    assert.equal(parseTargetUrl('http://10.20.30.40:8080/p', 'url', policy).hostname, '10.20.30.40');
    assert.equal(parseTargetUrl('http://[fd12::1]/p', 'url', policy).hostname, '[fd12::1]');
    assert.equal(parseTargetUrl('http://[::ffff:10.1.1.1]/p', 'url', policy).hostname, '[::ffff:a01:101]');
    for (const url of ['http://192.168.1.1/', 'http://[fe80::1]/', 'http://127.0.0.1/']) {
      assert.throws(() => parseTargetUrl(url, 'url', policy), { code: 'PRIVATE_NETWORK_TARGET' }, url);
    }
  });

  it('judges a private name by its resolved address when CIDR ranges are allow-listed', () => {
    const policy: TargetPolicy = { allowPrivateNetwork: false, allowedPrivateHosts: ['10.0.0.0/8'] };
    assert.equal(parseTargetUrl('http://shop.corp.internal/', 'url', policy).hostname, 'shop.corp.internal');
    assert.equal(refusedAddress('shop.corp.internal', '10.1.2.3', policy), undefined);
    assert.equal(refusedAddress('shop.corp.internal', '127.0.0.1', policy), 'loopback');
    assert.throws(() => parseTargetUrl('http://metadata.google.internal/', 'url', policy), { code: 'PRIVATE_NETWORK_TARGET' });
  });

  it('allows a listed host name on any port and a listed host:port on that port only', () => {
    const policy: TargetPolicy = { allowPrivateNetwork: false, allowedPrivateHosts: ['shop.internal', 'localhost:80', '[::1]:8080'] };
    assert.equal(parseTargetUrl('http://shop.internal:9999/', 'url', policy).port, '9999');
    assert.equal(parseTargetUrl('http://localhost/', 'url', policy).hostname, 'localhost');
    assert.equal(parseTargetUrl('http://[::1]:8080/', 'url', policy).port, '8080');
    assert.throws(() => parseTargetUrl('http://localhost:81/', 'url', policy), { code: 'PRIVATE_NETWORK_TARGET' });
    assert.throws(() => parseTargetUrl('http://[::1]:8081/', 'url', policy), { code: 'PRIVATE_NETWORK_TARGET' });
    assert.equal(refusedAddress('shop.internal', '10.0.0.1', policy), undefined, 'a listed name may resolve anywhere');
    assert.equal(refusedAddress('other.example', '::1', policy), 'loopback', 'an address entry with a port never matches at connect time');
  });

  it('keeps cloud metadata refused when private targets are allowed, unless it is listed itself', () => {
    const open: TargetPolicy = { allowPrivateNetwork: true, allowedPrivateHosts: [] };
    assert.equal(parseTargetUrl('http://10.0.0.1/', 'url', open).hostname, '10.0.0.1');
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/', 'http://metadata.google.internal/', 'http://[::ffff:169.254.169.254]/']) {
      assert.throws(() => parseTargetUrl(url, 'url', open), { code: 'PRIVATE_NETWORK_TARGET' }, url);
    }
    assert.equal(refusedAddress('friendly.example', '169.254.169.254', open), 'cloud-metadata');
    const listed: TargetPolicy = { allowPrivateNetwork: false, allowedPrivateHosts: ['169.254.169.254'] };
    assert.equal(parseTargetUrl('http://169.254.169.254/', 'url', listed).hostname, '169.254.169.254');
  });

  it('refuses an allow-list entry that is no host, host:port, IP or CIDR, naming it', () => {
    for (const entry of ['10.0.0.0/33', 'a:b:c', 'host:99999', 'bad host', 'fd00::/200']) {
      assert.throws(() => parseTargetUrl('http://shop.example/', 'url', { allowPrivateNetwork: false, allowedPrivateHosts: [entry] }),
        (e: unknown) => isTrawlError(e) && e.code === 'INVALID_INPUT' && e.message.includes(entry), entry);
    }
  });
});
