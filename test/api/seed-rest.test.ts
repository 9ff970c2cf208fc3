import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { READ_KEY, TEST_API_KEYS, WRITE_KEY } from '../support/api-keys.js';

describe('seed 000 REST endpoints: /api/scraping/jobs and /api/queue/stats', () => {
  let shop: DemoShop;
  let runtime: Runtime;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    shop = await startDemoShop({ products: 5 });
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: true }, testConfig({ apiKeys: TEST_API_KEYS, workerHeartbeatMs: 500 }));
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
    await shop.close();
  });

  const call = (method: string, path: string, key: string | undefined, body?: unknown) => fetch(`${runtime.apiUrl}${path}`, {
    method, headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

  it('creates a job from a seed job body and serves its status, then its stored result', async () => {
    const product = shop.catalog.products[0]!;
    const response = await call('POST', '/api/scraping/jobs', WRITE_KEY, {
      target_url: new URL(product.path, shop.url).href, scraping_type: 'product', priority: 5, timeout_ms: 30000,
      category_path: '/collections/boots', category_name: 'Boots',
    });
    assert.equal(response.status, 202);
    const created = (await response.json()) as { job_id: string; status: string; status_url: string; category_name: string; priority: string };
    assert.equal(response.headers.get('location'), created.status_url);
    assert.equal(created.category_name, 'Boots');
    assert.equal(created.priority, 'NORMAL');
    const done = await waitUntil(async () => {
      const status = (await (await call('GET', created.status_url, READ_KEY)).json()) as { status: string; result_source: string; result: { title: string } };
      return status.status === 'completed' ? status : undefined;
    }, 30_000, 'the job to complete');
    assert.equal(done.result_source, 'storage');
    assert.equal(done.result.title, product.title);
  });

  it('reports queue depth, throughput and the live workers', async () => {
    const stats = await waitUntil(async () => {
      const body = (await (await call('GET', '/api/queue/stats', READ_KEY)).json()) as {
        queues: Record<string, { waiting: number; completed: number; paused: boolean }>; totals: { completed: number; processed_per_minute: number };
        workers: { pid: number; concurrency: number }[]; worker_count: number;
      };
      return body.worker_count > 0 && body.totals.completed > 0 ? body : undefined;
    }, 20_000, 'stats with a worker and a completed job');
    assert.deepEqual(Object.keys(stats.queues).sort(), ['scraping', 'scraping-urgent']);
    assert.equal(stats.workers[0]!.pid, process.pid);
    assert.ok(stats.totals.processed_per_minute > 0);
  });

  it('names the seed field in input errors and answers unknown jobs with 404', async () => {
    const bad = await call('POST', '/api/scraping/jobs', WRITE_KEY, { target_url: 'ftp://x/y', scraping_type: 'product' });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { field: string } }).error.field, 'body.target_url');
    const priority = await call('POST', '/api/scraping/jobs', WRITE_KEY, { target_url: shop.url, scraping_type: 'product', priority: 42 });
    assert.equal(((await priority.json()) as { error: { field: string } }).error.field, 'body.priority');
    assert.equal((await call('GET', '/api/scraping/jobs/nope', READ_KEY)).status, 404);
  });

  it('applies the API-key roles: reading needs read, creating needs write', async () => {
    assert.equal((await call('GET', '/api/queue/stats', undefined)).status, 401);
    assert.equal((await call('POST', '/api/scraping/jobs', READ_KEY, { target_url: shop.url, scraping_type: 'product' })).status, 403);
    assert.equal((await call('GET', '/api/queue/stats', READ_KEY)).status, 200);
  });
});
