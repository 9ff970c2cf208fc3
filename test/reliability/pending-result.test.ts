import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import { ALL_QUEUES } from '../../src/queue/queue-names.js';
import { createRedis } from '../../src/queue/redis-connection.js';
import { startDemoShop } from '../../src/demo-shop/index.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { waitUntil } from '../support/graphql-client.js';
import { startSlowProxy } from '../support/slow-proxy.js';

async function setup(t: TestContext) {
  const shop = await startDemoShop({ products: 3 });
  t.after(() => shop.close());
  const proxy = await startSlowProxy(shop.url, 800);
  t.after(() => proxy.close());
  const config = testConfig({ workerConcurrency: 1, storeOutageRetryMs: 0 });
  const runtime = await startRuntime(t, { api: false, workers: true }, config);
  const connection = createRedis(config.redisUrl!, 'worker');
  const queues = ALL_QUEUES.map((name) => new Queue(name, { connection, prefix: config.queuePrefix }));
  t.after(async () => {
    await Promise.all(queues.map((q) => q.close()));
    connection.disconnect();
  });
  const bullJob = async (id: string) => {
    for (const queue of queues) {
      const job = await queue.getJob(id);
      if (job) return job;
    }
    return undefined;
  };
  const state = async (id: string) => String((await runtime.jobs.get(id))?.state).toLowerCase();
  // A first product teaches the worker the site (robots.txt, platform), so the next one only fetches, extracts and saves.
  const [warm] = await runtime.jobs.enqueueMany([{ type: 'product' as const, url: `${proxy.url}${shop.catalog.products[1]!.path.slice(1)}` }]);
  await waitUntil(async () => ((await state(warm!.id)) === 'completed' ? true : undefined), 60_000, 'the first product');
  const path = shop.catalog.products[0]!.path;
  const [job] = await runtime.jobs.enqueueMany([{ type: 'product' as const, url: `${proxy.url}${path.slice(1)}` }]);
  // Lock the store while the page is still being fetched: extraction succeeds, saving cannot.
  const lock = new Database(join(config.dataDir, 'trawl.sqlite'));
  t.after(() => void (lock.open ? lock.close() : undefined));
  lock.pragma('busy_timeout = 10000');
  lock.exec('BEGIN EXCLUSIVE');
  const unlock = () => {
    lock.exec('COMMIT');
    lock.close();
  };
  return { runtime, proxy, path, id: job!.id, bullJob, state, unlock };
}

describe('a product job during a store outage', () => {
  it('keeps the extracted product in the job while the store is locked and saves it once the store is back, without fetching the page again', async (t) => {
    const { runtime, proxy, path, id, bullJob, state, unlock } = await setup(t);
    const kept = await waitUntil(async () => ((await bullJob(id))?.data as { pendingResult?: { product?: { title?: string } } } | undefined)?.pendingResult, 60_000, 'the product kept in the job data');
    assert.equal(typeof kept.product?.title, 'string');
    unlock();
    await waitUntil(async () => ((await state(id)) === 'completed' ? true : undefined), 60_000, 'the job completed once the store was back');
    assert.equal(proxy.hits(path), 1, 'the product page was fetched once');
    const stored = await runtime.store.products.list({}, { first: 10 });
    assert.equal(stored.totalCount, 2);
  });

  it('holds the job back instead of failing it for good when the outage outlasts every attempt', async (t) => {
    const { runtime, proxy, path, id, bullJob, state, unlock } = await setup(t);
    // Every attempt has started (BullMQ counts starts apart from failures) and the job sits in the delayed set, not in failed.
    await waitUntil(async () => {
      const job = await bullJob(id);
      const current = job ? await job.getState() : 'unknown';
      assert.notEqual(current, 'failed', 'the job failed for good during the outage');
      return job && current === 'delayed' && job.attemptsStarted >= (job.opts.attempts ?? 1) ? true : undefined;
    }, 180_000, 'the last attempt held back');
    unlock();
    await waitUntil(async () => ((await state(id)) === 'completed' ? true : undefined), 60_000, 'the job completed once the store was back');
    assert.equal(proxy.hits(path), 1, 'the product page was fetched once');
    assert.equal((await runtime.store.products.list({}, { first: 10 })).totalCount, 2);
  });
});
