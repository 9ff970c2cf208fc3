import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { startDemoShop } from '../../src/demo-shop/index.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { waitUntil } from '../support/graphql-client.js';

describe('jobs BullMQ fails on its own', () => {
  it('dead-letters a job that stalled more often than allowed as JOB_STALLED, and one whose payload is not JSON as POISON_JOB, instead of retrying them', async (t) => {
    const shop = await startDemoShop({ products: 3 });
    t.after(() => shop.close());
    const config = testConfig({ lockDurationMs: 5_000, stalledIntervalMs: 1_000, maxStalledCount: 0, reconcileIntervalMs: 1_000 });
    const producer = await startRuntime(t, { api: false, workers: false }, config);
    const queue = new Queue('scraping', { connection: { url: config.redisUrl! }, prefix: config.queuePrefix });
    t.after(() => queue.close());

    // A worker that takes the job and dies with it: its lock is never renewed.
    const job = await producer.jobs.enqueue({ type: 'product', url: `${shop.url}${shop.catalog.products[0]!.path.slice(1)}` });
    const doomed = new Worker('scraping', null, { connection: { url: config.redisUrl! }, prefix: config.queuePrefix, autorun: false, lockDuration: 1_000 });
    t.after(() => doomed.close(true));
    const taken = await doomed.getNextJob('dead-worker-token');
    assert.equal(taken?.id, job.id);

    // A payload that is not even JSON, written by hand into Redis.
    const redis = new Redis(config.redisUrl!);
    t.after(() => void redis.disconnect());
    const parked = await queue.add('product', { placeholder: true }, { delay: 600_000, attempts: 3 });
    await redis.hset(`${config.queuePrefix}:scraping:${parked.id}`, 'data', '{"v":1,"type":"product", oops');
    await parked.promote();

    const workers = await startRuntime(t, { api: false, workers: true }, config);
    const stalled = await waitUntil(() => workers.store.deadLetters.getByJobId(job.id), 60_000, 'stalled job dead-lettered');
    assert.equal(stalled.code, 'JOB_STALLED');
    assert.match(stalled.message, /stalled more than allowable limit/);
    assert.equal((await workers.store.jobs.get(job.id))?.status, 'FAILED');
    const poison = await waitUntil(() => workers.store.deadLetters.getByJobId(parked.id!), 60_000, 'unreadable job dead-lettered');
    assert.equal(poison.code, 'POISON_JOB');
    assert.equal(poison.rawData, '{"v":1,"type":"product", oops');

    // Settled once: later passes leave them alone, and nothing retried them.
    await waitUntil(async () => ((await queue.getJobState(parked.id!)) === 'unknown' ? true : undefined), 60_000, 'unreadable job taken out of the queue');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    assert.equal((await workers.store.deadLetters.getByJobId(job.id))?.deadAt.getTime(), stalled.deadAt.getTime());
    assert.equal(await queue.getJobState(job.id), 'failed');
    const good = await workers.jobs.enqueue({ type: 'product', url: `${shop.url}${shop.catalog.products[1]!.path.slice(1)}` });
    await waitUntil(async () => ((await workers.jobs.get(good.id))?.state === 'completed' ? true : undefined), 60_000, 'the next job completed');
  });
});
