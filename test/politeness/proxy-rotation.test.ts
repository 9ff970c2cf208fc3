import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { HttpPageFetcher } from '../../src/scrapers/http/http-page-fetcher.js';
import { startFixtureServer, type FixtureServer } from '../scrapers/support/fixture-server.js';
import { startForwardProxy, type ForwardProxy } from './forward-proxy.js';
import { siteOf } from '../../src/domain/url.js';

const OPTIONS = { timeoutMs: 10_000, maxBytes: 1_000_000 };

describe('proxy pool of the page fetcher', () => {
  let shop: FixtureServer;
  let proxies: ForwardProxy[];
  let fetcher: HttpPageFetcher;
  let blocking = true;

  before(async () => {
    shop = await startFixtureServer((req, res) => {
      if (req.url === '/blocked' && blocking) {
        res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '7' }).end('slow down');
        return;
      }
      if (req.url === '/challenge') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><title>Just a moment...</title></head><body><script src="/cdn-cgi/challenge-platform/x.js"></script></body></html>');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body>${req.url}</body></html>`);
    });
    proxies = [await startForwardProxy(), await startForwardProxy()];
    fetcher = new HttpPageFetcher({ userAgent: 'trawl-test/1.0', targetPolicy: { allowPrivateNetwork: true, allowedPrivateHosts: [] }, proxyUrls: proxies.map((p) => p.url) });
  });
  after(async () => {
    await fetcher.close();
    for (const proxy of proxies) await proxy.close();
    await shop.close();
  });

  const hits = () => proxies.map((p) => p.seen.length);

  it('sends requests through the site\'s proxy, the same one while the site does not block', async () => {
    const page = await fetcher.fetch(`${shop.origin}/a`, OPTIONS);
    await fetcher.fetch(`${shop.origin}/b`, OPTIONS);
    assert.equal(page.status, 200);
    assert.equal(hits().reduce((x, y) => x + y, 0), 2);
    assert.ok(hits().includes(2), `one proxy carried both: ${hits()}`);
    assert.ok(proxies.some((p) => p.seen.includes(`${shop.origin}/a`)));
  });

  it('moves the site to the next proxy when it answers 429, keeping Retry-After on the error', async () => {
    const site = siteOf(shop.origin);
    const before = fetcher.proxyFor(site);
    await assert.rejects(fetcher.fetch(`${shop.origin}/blocked`, OPTIONS), (error: any) => {
      assert.equal(error.code, 'HTTP_THROTTLED');
      assert.equal(error.details.httpStatus, 429);
      assert.equal(error.details.retryAfterSeconds, 7);
      return true;
    });
    const after = fetcher.proxyFor(site);
    assert.notEqual(after, before);
    blocking = false;
    const counts = hits();
    await fetcher.fetch(`${shop.origin}/blocked`, OPTIONS);
    const proxyIndex = proxies.findIndex((p) => p.url === after);
    assert.equal(hits()[proxyIndex], counts[proxyIndex]! + 1, 'the next request went through the new proxy');
  });

  it('treats a challenge page served with 200 as a block: HTTP_FORBIDDEN naming the challenge, and rotates', async () => {
    const site = siteOf(shop.origin);
    const before = fetcher.proxyFor(site);
    await assert.rejects(fetcher.fetch(`${shop.origin}/challenge`, OPTIONS), (error: any) => {
      assert.equal(error.code, 'HTTP_FORBIDDEN');
      assert.equal(error.details.challenge, 'cloudflare');
      assert.equal(error.details.httpStatus, 200);
      return true;
    });
    assert.notEqual(fetcher.proxyFor(site), before);
  });

  it('fetches directly when no proxy is configured', async () => {
    const direct = new HttpPageFetcher({ userAgent: 'trawl-test/1.0', targetPolicy: { allowPrivateNetwork: true, allowedPrivateHosts: [] } });
    try {
      const counts = hits();
      assert.equal((await direct.fetch(`${shop.origin}/direct`, OPTIONS)).status, 200);
      assert.deepEqual(hits(), counts);
      assert.equal(direct.proxyFor('anything'), undefined);
    } finally {
      await direct.close();
    }
  });
});
