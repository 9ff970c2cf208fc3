import assert from 'node:assert/strict';
import type { lookup as dnsLookup, LookupAddress } from 'node:dns';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { isTrawlError, type TrawlError } from '../../../src/domain/errors.js';
import type { FetchOptions } from '../../../src/domain/ports/page-fetcher.port.js';
import { STRICT_TARGET_POLICY, type TargetPolicy } from '../../../src/domain/url.js';
import { HttpPageFetcher } from '../../../src/scrapers/http/http-page-fetcher.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';

const OPEN: TargetPolicy = { allowPrivateNetwork: true, allowedPrivateHosts: [] };
const OPTIONS: FetchOptions = { timeoutMs: 5_000, maxBytes: 1_000_000 };
const HTML = '<html><body>inside</body></html>';

function fetcher(policy: TargetPolicy, resolver?: typeof dnsLookup): HttpPageFetcher {
  return new HttpPageFetcher({ userAgent: 'trawl-test/1.0', targetPolicy: policy, ...(resolver ? { resolver } : {}) });
}

/**
 * A DNS server stand-in (offline, no real DNS to poison): every name resolves
 * to 127.0.0.1, where the fixture servers listen. `parseTargetUrl` sees a
 * public-looking name; only the connect-time check sees the loopback address.
 */
const REBINDING_DNS = ((_hostname: string, _options: unknown, callback: (error: Error | null, addresses: LookupAddress[]) => void) => {
  callback(null, [{ address: '127.0.0.1', family: 4 }]);
}) as unknown as typeof dnsLookup;

async function failure(promise: Promise<unknown>): Promise<TrawlError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isTrawlError(error), `expected a TrawlError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the fetch to fail');
}

function send(res: ServerResponse, body: string, headers: Record<string, string> = {}, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

describe('HttpPageFetcher target policy', () => {
  let entry: FixtureServer;
  let inner: FixtureServer;

  before(async () => {
    inner = await startFixtureServer((_req, res) => send(res, HTML));
    entry = await startFixtureServer((_req, res) => send(res, '', { location: `${inner.origin}/inside` }, 302));
  });
  after(async () => {
    await entry.close();
    await inner.close();
  });

  it('refuses a private start URL under the strict policy without connecting', async () => {
    const strict = fetcher(STRICT_TARGET_POLICY);
    const error = await failure(strict.fetch(`${entry.origin}/`, OPTIONS));
    await strict.close();
    assert.equal(error.code, 'PRIVATE_NETWORK_TARGET');
    assert.equal(entry.requests.length, 0);
  });

  it('refuses a redirect to a private address that the policy does not allow', async () => {
    const policy: TargetPolicy = { allowPrivateNetwork: false, allowedPrivateHosts: [`127.0.0.1:${entry.port}`] };
    const guarded = fetcher(policy);
    const error = await failure(guarded.fetch(`${entry.origin}/`, OPTIONS));
    await guarded.close();
    assert.equal(error.code, 'PRIVATE_NETWORK_TARGET');
    assert.equal(error.details.url, `${inner.origin}/inside`);
    assert.equal(error.details.redirectedFrom, `${entry.origin}/`);
    assert.equal(inner.requests.length, 0);
  });

  it('follows the same redirect when private targets are allowed', async () => {
    const open = fetcher(OPEN);
    const page = await open.fetch(`${entry.origin}/`, OPTIONS);
    await open.close();
    assert.equal(page.url, `${inner.origin}/inside`);
    assert.equal(page.body, HTML);
  });

  it('refuses a public-looking name that resolves to loopback at connect time (DNS rebinding)', async () => {
    const guarded = fetcher(STRICT_TARGET_POLICY, REBINDING_DNS);
    const before = inner.requests.length;
    const error = await failure(guarded.fetch(`http://rebind.example:${inner.port}/inside`, OPTIONS));
    await guarded.close();
    assert.equal(error.code, 'PRIVATE_NETWORK_TARGET');
    assert.equal(error.retryable, false);
    assert.match(error.message, /rebind\.example resolves to private-network address 127\.0\.0\.1/);
    assert.equal(inner.requests.length, before);
  });

  it('refuses a redirect to a public-looking name that resolves to loopback', async () => {
    const bouncer = await startFixtureServer((_req, res) => send(res, '', { location: `http://rebind.example:${inner.port}/inside` }, 302));
    const guarded = fetcher({ allowPrivateNetwork: false, allowedPrivateHosts: [`127.0.0.1:${bouncer.port}`] }, REBINDING_DNS);
    const before = inner.requests.length;
    try {
      const error = await failure(guarded.fetch(`${bouncer.origin}/`, OPTIONS));
      assert.equal(error.code, 'PRIVATE_NETWORK_TARGET');
      assert.equal(inner.requests.length, before);
    } finally {
      await guarded.close();
      await bouncer.close();
    }
  });

  it('connects to a name resolving into an allow-listed CIDR range', async () => {
    const guarded = fetcher({ allowPrivateNetwork: false, allowedPrivateHosts: ['127.0.0.0/8'] }, REBINDING_DNS);
    const page = await guarded.fetch(`http://shop.example:${inner.port}/inside`, OPTIONS);
    await guarded.close();
    assert.equal(page.body, HTML);
  });
});
