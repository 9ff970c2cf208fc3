import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { createRedis } from '../../src/queue/redis-connection.js';
import { RedisSitePoliteness } from '../../src/queue/redis-politeness.js';
import { PolitenessService, type PolitenessSettings } from '../../src/domain/services/politeness.service.js';
import { SharedRobots } from '../../src/domain/services/politeness-robots.js';
import { HeldBack } from '../../src/domain/errors.js';
import { SILENT_LOGGER } from '../../src/domain/ports/logger.port.js';
import { HttpPageFetcher } from '../../src/scrapers/http/http-page-fetcher.js';
import { HttpRobotsSource } from '../../src/scrapers/site/robots-source.js';
import { robotsPolicy } from '../../src/scrapers/site/robots-txt.js';
import { startFixtureServer, type FixtureServer } from '../scrapers/support/fixture-server.js';
import { testRedisUrl, uniqueName } from '../support/env.js';

const SETTINGS: PolitenessSettings = { respectRobots: true, maxConcurrency: 2, maxRequests: 0, intervalMs: 1_000, leaseMs: 60_000, sleepMaxMs: 2_000, blockedHoldMs: 1_000 };
const FETCH = { timeoutMs: 10_000, maxBytes: 1_000_000 };

describe('politeness in front of every page request', () => {
  const redis = [createRedis(testRedisUrl(), 'worker'), createRedis(testRedisUrl(), 'worker')];
  const fetcher = new HttpPageFetcher({ userAgent: 'Mozilla/5.0 (compatible; trawl/0.1)', targetPolicy: { allowPrivateNetwork: true, allowedPrivateHosts: [] } });
  /** Each test gets its own server, so its own origin and robots.txt. */
  const servers: FixtureServer[] = [];
  after(async () => {
    redis.forEach((c) => c.disconnect());
    await fetcher.close();
    for (const server of servers) await server.close();
  });

  /** Two workers (two Redis connections), as on two machines. */
  function workers(settings: Partial<PolitenessSettings> = {}, breaker = { threshold: 2, baseMs: 3_000, maxMs: 10_000 }) {
    const prefix = uniqueName('polite');
    return redis.map((connection) => {
      const politeness = new RedisSitePoliteness(connection, prefix, { breaker, pollMs: 100 });
      const robots = new SharedRobots({
        politeness, source: new HttpRobotsSource(fetcher), policyOf: (text, site) => robotsPolicy(text, site, 'trawl'),
        ttlMs: 60_000, unreachableTtlMs: 5_000, timeoutMs: 10_000, logger: SILENT_LOGGER,
      });
      return new PolitenessService({ politeness, robots, settings: { ...SETTINGS, ...settings }, logger: SILENT_LOGGER });
    }) as [PolitenessService, PolitenessService];
  }

  async function shop(robots: (res: ServerResponse) => void, page?: (url: string, res: ServerResponse) => void): Promise<FixtureServer> {
    const server = await startFixtureServer((req, res) => {
      if (req.url === '/robots.txt') return robots(res);
      if (page) return page(req.url ?? '/', res);
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>ok</body></html>');
    });
    servers.push(server);
    return server;
  }
  const job = { rateLimitDelayMs: 0, respectRobotsTxt: true };
  const robotsHits = (server: FixtureServer) => server.requests.filter((r) => r.url === '/robots.txt').length;

  it('fetches robots.txt once for all workers and refuses a disallowed URL with ROBOTS_DISALLOWED', async () => {
    const server = await shop((res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private\n'));
    const [a, b] = workers();
    const polite = (s: PolitenessService) => s.fetcherFor(fetcher, job);
    assert.equal((await polite(a).fetch(`${server.origin}/products/1`, FETCH)).status, 200);
    assert.equal((await polite(b).fetch(`${server.origin}/products/2`, FETCH)).status, 200);
    await assert.rejects(polite(b).fetch(`${server.origin}/private/x`, FETCH), { name: 'TrawlError', code: 'ROBOTS_DISALLOWED', retryable: false });
    assert.equal(robotsHits(server), 1, 'one robots.txt fetch shared through Redis');
    assert.ok(!server.requests.some((r) => r.url === '/private/x'));
  });

  it('reads a 4xx robots.txt as allow-all and a 5xx one as disallow-all for now (held back, not failed)', async () => {
    const missing = await shop((res) => res.writeHead(404).end());
    const [a] = workers();
    assert.equal((await a.fetcherFor(fetcher, job).fetch(`${missing.origin}/anything`, FETCH)).status, 200);
    const broken = await shop((res) => res.writeHead(503).end());
    await assert.rejects(a.fetcherFor(fetcher, job).fetch(`${broken.origin}/anything`, FETCH), (error: unknown) => {
      assert.ok(error instanceof HeldBack, String(error));
      assert.match(error.reason, /unreachable/);
      assert.ok(error.delayMs >= 1_000 && error.delayMs <= 5_000);
      return true;
    });
    assert.ok(!broken.requests.some((r) => r.url === '/anything'));
  });

  it('skips robots.txt for a job that opts out', async () => {
    const server = await shop((res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /\n'));
    const [a] = workers();
    assert.equal((await a.fetcherFor(fetcher, { ...job, respectRobotsTxt: false }).fetch(`${server.origin}/p`, FETCH)).status, 200);
    assert.equal(robotsHits(server), 0);
  });

  it('raises the spacing to robots.txt Crawl-delay and holds back a job whose wait is longer than it may sleep', async () => {
    const server = await shop((res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nCrawl-delay: 30\n'));
    const [a, b] = workers();
    await a.fetcherFor(fetcher, job).fetch(`${server.origin}/one`, FETCH);
    await assert.rejects(b.fetcherFor(fetcher, job).fetch(`${server.origin}/two`, FETCH), (error: unknown) => {
      assert.ok(error instanceof HeldBack, String(error));
      assert.ok(error.delayMs > 25_000, `delay ${error.delayMs}`);
      assert.equal(error.details.reason, 'min-delay');
      return true;
    });
    assert.ok(!server.requests.some((r) => r.url === '/two'));
  });

  it('holds a blocked request back for its Retry-After, opens the breaker after repeated blocks, and lets a probe close it', async () => {
    let blocking = true;
    const server = await shop((res) => res.writeHead(404).end(), (url, res) => {
      if (blocking) res.writeHead(429, { 'retry-after': '2' }).end('slow down');
      else res.writeHead(200, { 'content-type': 'text/html' }).end(`<html>${url}</html>`);
    });
    const [a, b] = workers({ sleepMaxMs: 100 }, { threshold: 2, baseMs: 1_500, maxMs: 10_000 });
    const held = async (service: PolitenessService, path: string) => {
      try {
        await service.fetcherFor(fetcher, job).fetch(`${server.origin}${path}`, FETCH);
      } catch (error) {
        if (error instanceof HeldBack) return error;
        throw error;
      }
      throw new Error('not held back');
    };
    const first = await held(a, '/p1');
    assert.ok(first.delayMs >= 2_000, `Retry-After honoured: ${first.delayMs}`);
    assert.equal(first.details.breaker, 'closed');
    const sent = server.requests.length;
    const waiting = await held(b, '/p2');
    assert.equal(server.requests.length, sent, `Retry-After spaces every worker: nothing sent (${server.requests.map((r) => r.url)})`);
    assert.equal(waiting.details.reason, 'min-delay');
    await new Promise((r) => setTimeout(r, waiting.delayMs));
    const second = await held(b, '/p2');
    assert.equal(second.details.breaker, 'open');
    const open = await held(a, '/p3');
    assert.equal(open.details.reason, 'breaker-open');
    blocking = false;
    await new Promise((r) => setTimeout(r, open.delayMs));
    const page = await a.fetcherFor(fetcher, job).fetch(`${server.origin}/p3`, FETCH);
    assert.equal(page.status, 200);
    assert.equal((await b.fetcherFor(fetcher, job).fetch(`${server.origin}/p4`, FETCH)).status, 200, 'closed again for every worker');
  });

  it('skips the release round trip only while a site has no cap and a clean breaker; a block still counts and a later answer clears it', async () => {
    let blocking = false;
    const server = await shop((res) => res.writeHead(404).end(), (url, res) => {
      if (blocking) res.writeHead(429).end('slow down');
      else res.writeHead(200, { 'content-type': 'text/html' }).end(`<html>${url}</html>`);
    });
    const politeness = new RedisSitePoliteness(redis[0]!, uniqueName('polite'), { breaker: { threshold: 3, baseMs: 5_000, maxMs: 10_000 }, pollMs: 100 });
    const released: string[] = [];
    const counting = Object.assign(Object.create(politeness) as RedisSitePoliteness, {
      release: (site: string, lease: string, outcome: Parameters<RedisSitePoliteness['release']>[2]) => {
        released.push(outcome.kind);
        return politeness.release(site, lease, outcome);
      },
    });
    const uncapped = new PolitenessService({ politeness: counting, settings: { ...SETTINGS, respectRobots: false, maxConcurrency: 0, blockedHoldMs: 10 }, logger: SILENT_LOGGER });
    const fetchPage = (path: string) => uncapped.fetcherFor(fetcher, job).fetch(`${server.origin}${path}`, FETCH);
    await fetchPage('/a');
    await fetchPage('/b');
    assert.deepEqual(released, [], 'no lease and a clean breaker: nothing to release');
    blocking = true;
    await assert.rejects(fetchPage('/c'), HeldBack);
    assert.deepEqual(released, ['blocked'], 'a block is always reported');
    blocking = false;
    await new Promise((r) => setTimeout(r, 50));
    await fetchPage('/d');
    assert.deepEqual(released, ['blocked', 'ok'], 'the breaker held a block, so the next normal answer clears it');
    await fetchPage('/e');
    assert.deepEqual(released, ['blocked', 'ok'], 'clean again: no release');
    const capped = new PolitenessService({ politeness: counting, settings: { ...SETTINGS, respectRobots: false, maxConcurrency: 2 }, logger: SILENT_LOGGER });
    await capped.fetcherFor(fetcher, job).fetch(`${server.origin}/f`, FETCH);
    assert.deepEqual(released, ['blocked', 'ok', 'ok'], 'a capped site always gives its lease back');
  });
});
