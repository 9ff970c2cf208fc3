import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';

describe('REST API (seed 004): POST a job, GET its status and result', () => {
  let shop: DemoShop;
  let runtime: Runtime;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    shop = await startDemoShop({ products: 20 });
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: true }, testConfig());
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
    await shop.close();
  });

  const post = (path: string, body: unknown) => fetch(`${runtime.apiUrl}/api/v1${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body),
  });

  it('queues a product job and serves its status, then its stored result', async () => {
    const product = shop.catalog.products[0]!;
    const response = await post('/jobs', { type: 'PRODUCT', url: new URL(product.path, shop.url).href, priority: 'HIGH' });
    assert.equal(response.status, 202);
    const job = (await response.json()) as { id: string; state: string; statusUrl: string };
    assert.equal(response.headers.get('location'), job.statusUrl);
    assert.equal(job.state, 'WAITING');
    const done = await waitUntil(async () => {
      const status = (await (await fetch(`${runtime.apiUrl}${job.statusUrl}`)).json()) as { state: string; resultSource?: string; result?: { title: string } };
      return status.state === 'COMPLETED' ? status : undefined;
    }, 20_000, 'job completed');
    assert.equal(done.resultSource, 'storage');
    assert.equal(done.result?.title, product.title);
  });

  it('answers bad input with 400 naming the field, unknown jobs with 404, broken JSON with 400', async () => {
    const bad = await post('/jobs', { type: 'PRODUCT', url: 'ftp://x/y' });
    assert.equal(bad.status, 400);
    const body = (await bad.json()) as { error: { code: string; field: string } };
    assert.equal(body.error.code, 'INVALID_URL');
    assert.equal(body.error.field, 'body.url');
    const type = await post('/jobs', { type: 'LAUNCH', url: 'https://shop.example/p' });
    assert.equal(type.status, 400);
    assert.equal(((await type.json()) as { error: { field: string } }).error.field, 'body.type');
    const missing = await fetch(`${runtime.apiUrl}/api/v1/jobs/nope`);
    assert.equal(missing.status, 404);
    const broken = await post('/jobs', '{"type": ');
    assert.equal(broken.status, 400);
    const huge = await post('/jobs', { type: 'PRODUCT', url: `https://shop.example/${'x'.repeat(2 * 1024 * 1024)}` });
    assert.equal(huge.status, 413);
  });
});
