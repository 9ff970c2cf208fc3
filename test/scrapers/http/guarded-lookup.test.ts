import assert from 'node:assert/strict';
import type { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { describe, it } from 'node:test';
import { STRICT_TARGET_POLICY } from '../../../src/domain/url.js';
import { guardedLookup } from '../../../src/scrapers/http/guarded-lookup.js';

/** A resolver answering from a fixed table: DNS answers are a fault we cannot cause for real offline. */
function fakeResolver(answers: Record<string, string[]>): typeof dnsLookup {
  return ((hostname: string, _options: unknown, callback: (error: Error | null, addresses: LookupAddress[]) => void) => {
    const addresses = (answers[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    callback(null, addresses);
  }) as unknown as typeof dnsLookup;
}

function resolve(lookup: NonNullable<ReturnType<typeof guardedLookup>>, hostname: string, all = false): Promise<unknown> {
  return new Promise((done, fail) => {
    lookup(hostname, { all }, (error, address) => (error ? fail(error) : done(address)));
  });
}

describe('guardedLookup', () => {
  const resolver = fakeResolver({ 'shop.example': ['93.184.216.34'], 'rebind.example': ['169.254.169.254'], 'mixed.example': ['93.184.216.34', '10.0.0.7'] });

  it('passes a host that resolves to public addresses', async () => {
    const lookup = guardedLookup(STRICT_TARGET_POLICY, resolver)!;
    assert.equal(await resolve(lookup, 'shop.example'), '93.184.216.34');
    assert.deepEqual(await resolve(lookup, 'shop.example', true), [{ address: '93.184.216.34', family: 4 }]);
  });

  it('refuses a public-looking name that resolves to a private address as PRIVATE_NETWORK_TARGET', async () => {
    const lookup = guardedLookup(STRICT_TARGET_POLICY, resolver)!;
    await assert.rejects(resolve(lookup, 'rebind.example'), { code: 'PRIVATE_NETWORK_TARGET' });
    await assert.rejects(resolve(lookup, 'mixed.example', true), { code: 'PRIVATE_NETWORK_TARGET' });
  });

  it('lets an allowlisted host resolve to a private address', async () => {
    const lookup = guardedLookup({ allowPrivateNetwork: false, privateHostAllowlist: ['rebind.example:8080'] }, resolver)!;
    assert.equal(await resolve(lookup, 'rebind.example'), '169.254.169.254');
  });

  it('installs no guard when private targets are allowed', () => {
    assert.equal(guardedLookup({ allowPrivateNetwork: true, privateHostAllowlist: [] }, resolver), undefined);
  });
});
