import assert from 'node:assert/strict';
import type { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { describe, it } from 'node:test';
import type { TrawlError } from '../../../src/domain/errors.js';
import { STRICT_TARGET_POLICY } from '../../../src/domain/url.js';
import { guardedLookup } from '../../../src/scrapers/http/guarded-lookup.js';

/** A resolver answering from a fixed table: DNS answers are a fault we cannot cause for real offline. */
function fakeResolver(answers: Record<string, string[]>): typeof dnsLookup {
  return ((hostname: string, _options: unknown, callback: (error: Error | null, addresses: LookupAddress[]) => void) => {
    const addresses = (answers[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    callback(null, addresses);
  }) as unknown as typeof dnsLookup;
}

function resolve(lookup: ReturnType<typeof guardedLookup>, hostname: string, all = false): Promise<unknown> {
  return new Promise((done, fail) => {
    lookup(hostname, { all }, (error, address) => (error ? fail(error) : done(address)));
  });
}

describe('guardedLookup', () => {
  const resolver = fakeResolver({ 'shop.example': ['93.184.216.34'], 'rebind.example': ['169.254.169.254'], 'mixed.example': ['93.184.216.34', '10.0.0.7'] });

  it('passes a host that resolves to public addresses', async () => {
    const lookup = guardedLookup(STRICT_TARGET_POLICY, resolver);
    assert.equal(await resolve(lookup, 'shop.example'), '93.184.216.34');
    assert.deepEqual(await resolve(lookup, 'shop.example', true), [{ address: '93.184.216.34', family: 4 }]);
  });

  it('refuses a public-looking name that resolves to a private address as PRIVATE_NETWORK_TARGET', async () => {
    const lookup = guardedLookup(STRICT_TARGET_POLICY, resolver);
    await assert.rejects(resolve(lookup, 'rebind.example'), { code: 'PRIVATE_NETWORK_TARGET' });
    await assert.rejects(resolve(lookup, 'mixed.example', true), { code: 'PRIVATE_NETWORK_TARGET' });
  });

  it('lets an allowlisted host resolve to a private address', async () => {
    const lookup = guardedLookup({ allowPrivateNetwork: false, allowedPrivateHosts: ['rebind.example:8080'] }, resolver);
    assert.equal(await resolve(lookup, 'rebind.example'), '169.254.169.254');
  });

  it('still refuses cloud metadata behind a name when private targets are allowed', async () => {
    const lookup = guardedLookup({ allowPrivateNetwork: true, allowedPrivateHosts: [] }, resolver);
    assert.equal(await resolve(lookup, 'mixed.example'), '93.184.216.34');
    await assert.rejects(resolve(lookup, 'rebind.example'), (error: TrawlError) => error.code === 'PRIVATE_NETWORK_TARGET' && error.details.risk === 'cloud-metadata');
  });

  it('lets a name resolve into an allow-listed CIDR range, IPv4 or IPv6, and nowhere else', async () => {
    const ranges = fakeResolver({ 'a.example': ['10.9.8.7'], 'b.example': ['fd12::7'], 'c.example': ['192.168.0.2'], 'd.example': ['::ffff:10.0.0.1'] });
    const lookup = guardedLookup({ allowPrivateNetwork: false, allowedPrivateHosts: ['10.0.0.0/8', 'fd00::/8'] }, ranges);
    assert.equal(await resolve(lookup, 'a.example'), '10.9.8.7');
    assert.equal(await resolve(lookup, 'b.example'), 'fd12::7');
    assert.equal(await resolve(lookup, 'd.example'), '::ffff:10.0.0.1');
    await assert.rejects(resolve(lookup, 'c.example'), { code: 'PRIVATE_NETWORK_TARGET' });
  });

  it('refuses multicast, CGNAT, NAT64-wrapped loopback and IPv4-mapped loopback answers', async () => {
    const odd = fakeResolver({ m: ['239.1.1.1'], c: ['100.64.1.1'], n: ['64:ff9b::7f00:1'], v: ['::ffff:127.0.0.1'], z: ['0.0.0.0'] });
    const lookup = guardedLookup(STRICT_TARGET_POLICY, odd);
    for (const name of ['m', 'c', 'n', 'v', 'z']) await assert.rejects(resolve(lookup, name), { code: 'PRIVATE_NETWORK_TARGET' }, name);
  });
});
