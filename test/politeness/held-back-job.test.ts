import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startRuntime, testConfig } from '../support/runtime.js';
import { waitUntil } from '../support/graphql-client.js';
import { startFixtureServer } from '../scrapers/support/fixture-server.js';

const PRODUCT_PAGE = `<!doctype html><html><head><title>Trail Boot</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Trail Boot","sku":"TB-1",
"offers":{"@type":"Offer","price":"89.00","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}</script>
</head><body><h1>Trail Boot</h1><p>89.00 EUR</p></body></html>`;

describe('a product job held back by politeness', () => {
  it('is delayed without spending an attempt while the site answers 429, then succeeds once it recovers', async (t) => {
    let blocks = 3;
    const server = await startFixtureServer((req, res) => {
      if (req.url === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      if (blocks > 0) {
        blocks -= 1;
        return void res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('Too many requests');
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PRODUCT_PAGE);
    });
    t.after(() => server.close());
    const config = testConfig({ breakerThreshold: 2, breakerBaseMs: 500, breakerMaxMs: 2_000, politenessSleepMaxMs: 0 });
    const runtime = await startRuntime(t, { api: false, workers: true }, config);

    const job = await runtime.jobs.enqueue({ type: 'product', url: `${server.origin}/products/trail-boot` });
    const held = await waitUntil(async () => {
      const view = await runtime.jobs.get(job.id);
      return view?.state === 'delayed' ? view : undefined;
    }, 30_000, 'the job held back');
    assert.equal(held.attemptsMade, 0, 'a held-back job has spent no attempt');

    const done = await waitUntil(async () => {
      const view = await runtime.jobs.get(job.id);
      return view && ['completed', 'failed'].includes(view.state) ? view : undefined;
    }, 60_000, 'the job finished');
    assert.equal(done.state, 'completed', done.failedReason);
    assert.equal(done.attemptsMade, 1, 'only the successful run counted as an attempt');
    assert.equal(blocks, 0, 'every 429 was met before the success');
    assert.equal(done.attemptErrors?.length ?? 0, 0, 'no failed attempt was recorded');
    assert.equal(server.requests.filter((r) => r.url === '/robots.txt').length, 1, 'robots.txt fetched once');
  });

  it('fails a product robots.txt disallows at once with ROBOTS_DISALLOWED, never fetching it', async (t) => {
    const server = await startFixtureServer((req, res) => {
      if (req.url === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PRODUCT_PAGE);
    });
    t.after(() => server.close());
    const runtime = await startRuntime(t, { api: false, workers: true }, testConfig());
    const job = await runtime.jobs.enqueue({ type: 'product', url: `${server.origin}/private/trail-boot` });
    const failed = await waitUntil(async () => {
      const view = await runtime.jobs.get(job.id);
      return view && ['completed', 'failed'].includes(view.state) ? view : undefined;
    }, 30_000, 'the job finished');
    assert.equal(failed.state, 'failed');
    assert.equal(failed.errorCode, 'ROBOTS_DISALLOWED');
    assert.equal(failed.attemptsMade, 1, 'permanent: not retried');
    assert.ok(!server.requests.some((r) => r.url === '/private/trail-boot'));
  });
});
