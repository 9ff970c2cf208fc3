import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { HttpPageFetcher, HttpSiteExplorer } from '../../src/scrapers/index.js';
import { SiteIntelligenceService } from '../../src/domain/services/site-intelligence.service.js';
import { startFixtureServer } from '../scrapers/support/fixture-server.js';
import { tempDir } from '../support/env.js';

const DAY = 86_400_000;

describe('site intelligence: learned once, reused for its lifetime, re-learned when the menu changes', async () => {
  let menu = ['Shoes', 'Bags'];
  const server = await startFixtureServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><head><script src="https://cdn.shopify.com/s/files/theme.js"></script></head><body><header><nav><ul>${menu.map((m) => `<li><a href="/collections/${m.toLowerCase()}">${m}</a></li>`).join('')}</ul></nav></header></body></html>`);
    } else if (req.url === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nDisallow: /collections/bags\n');
    } else {
      res.writeHead(404).end();
    }
  });
  const store = SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') });
  const fetcher = new HttpPageFetcher({ userAgent: 'Mozilla/5.0 (compatible; trawl/0.1)', targetPolicy: { allowPrivateNetwork: true, allowedPrivateHosts: [] } });
  let now = new Date('2026-11-01T00:00:00Z');
  const service = new SiteIntelligenceService({
    store, explorer: new HttpSiteExplorer({ fetcher, userAgent: 'trawl', maxPageBytes: 1_000_000 }), maxAgeMs: 7 * DAY, timeoutMs: 5000, now: () => now,
  });
  after(async () => {
    await fetcher.close();
    await store.close();
    await server.close();
  });
  const homes = () => server.requests.filter((r) => r.url === '/').length;

  it('learns platform, menu and robots.txt on first use, then reuses them with one home-page look', async () => {
    const first = await service.lookup(`${server.origin}/`);
    assert.equal(first.source, 'learned');
    assert.equal(first.intelligence.platform, 'SHOPIFY');
    assert.deepEqual(first.intelligence.navigation.map((n) => n.name), ['Shoes', 'Bags']);
    assert.equal(first.robots.isAllowed(`${server.origin}/collections/bags`), false);
    const robotsFetches = server.requests.filter((r) => r.url === '/robots.txt').length;
    now = new Date(now.getTime() + 3 * DAY);
    const before = homes();
    const second = await service.lookup(`${server.origin}/`);
    assert.equal(second.source, 'cache');
    assert.equal(homes(), before + 1);
    assert.equal(server.requests.filter((r) => r.url === '/robots.txt').length, robotsFetches);
  });

  it('re-learns early when the home page shows another menu', async () => {
    menu = ['Shoes', 'Bags', 'Hats'];
    const changed = await service.lookup(`${server.origin}/`);
    assert.equal(changed.source, 'relearned');
    assert.deepEqual(changed.intelligence.navigation.map((n) => n.name), ['Shoes', 'Bags', 'Hats']);
  });

  it('re-learns once the stored intelligence has expired, and on demand', async () => {
    now = new Date(now.getTime() + 8 * DAY);
    assert.equal((await service.lookup(`${server.origin}/`)).source, 'relearned');
    const refreshed = await service.refresh(new URL(server.origin).host);
    assert.equal(refreshed.learnedAt.getTime(), now.getTime());
    await assert.rejects(service.refresh('unknown.example'), /Domain unknown.example does not exist/);
  });
});
