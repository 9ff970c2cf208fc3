import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { startRuntime, testConfig } from '../support/runtime.js';
import { waitUntil } from '../support/graphql-client.js';
import { startDemoShop } from '../../src/demo-shop/index.js';

/** A demo shop, a worker runtime and a raw BullMQ handle on its `scraping` queue. */
async function workerWithQueue(t: TestContext) {
  const shop = await startDemoShop({ products: 5 });
  t.after(() => shop.close());
  const config = testConfig();
  const runtime = await startRuntime(t, { api: false, workers: true }, config);
  const queue = new Queue('scraping', { connection: { url: config.redisUrl! }, prefix: config.queuePrefix });
  t.after(() => queue.close());
  return { shop, config, runtime, queue };
}

describe('poison jobs', () => {
  it('fails a job whose payload is invalid at once, without retries, and keeps processing others', async (t) => {
    const { shop, config, runtime, queue } = await workerWithQueue(t);
    const poison = await queue.add('product', { v: 1, type: 'product', targetUrl: 'not-a-url', html: '<huge/>' }, { attempts: 3, backoff: { type: 'fixed', delay: 10 } });
    const legacy = await queue.add('product', { job_id: 'x', target_url: 'https://shop.example/p' }, { attempts: 3 });
    const good = await runtime.jobs.enqueue({ type: 'product', url: `${shop.url}${shop.catalog.products[0]!.path.slice(1)}` });

    for (const job of [poison, legacy]) {
      const failed = await waitUntil(async () => ((await queue.getJobState(job.id!)) === 'failed' ? queue.getJob(job.id!) : undefined), 15_000, 'poison job failed');
      assert.equal(failed!.attemptsMade, 1);
      assert.match(failed!.failedReason, /^POISON_JOB: Invalid job data/);
    }
    await waitUntil(async () => (await runtime.jobs.get(good.id))?.state === 'completed', 15_000, 'good job completed');
  });
});

describe('poison jobs in the dead-letter queue', () => {
  it('dead-letters a job whose data was written malformed straight into Redis, with the raw text, and keeps processing the next job', async (t) => {
    const { shop, config, runtime, queue } = await workerWithQueue(t);
    const redis = new Redis(config.redisUrl!);
    t.after(() => void redis.disconnect());
    const malformed = ['{"v":1,"type":"product","targetUrl":"javascript:alert(1)","settings":"all of them","html":"<huge/>"}', '"not even an object"'];
    const ids: string[] = [];
    for (const raw of malformed) {
      // Parked in the delayed set, its payload overwritten in Redis, then released: what a foreign producer or a hand edit leaves behind.
      const parked = await queue.add('product', { placeholder: true }, { delay: 600_000, attempts: 3 });
      await redis.hset(`${config.queuePrefix}:scraping:${parked.id}`, 'data', raw);
      await parked.promote();
      ids.push(parked.id!);
    }
    const good = await runtime.jobs.enqueue({ type: 'product', url: `${shop.url}${shop.catalog.products[0]!.path.slice(1)}` });

    for (const [i, id] of ids.entries()) {
      const letter = await waitUntil(() => runtime.store.deadLetters.getByJobId(id), 20_000, `dead letter of poison job ${id}`);
      assert.equal(letter.code, 'POISON_JOB');
      assert.equal(letter.data, undefined);
      assert.equal(letter.rawData, malformed[i]);
      assert.equal(letter.attempts.length, 1);
      assert.equal(letter.type, 'product');
      assert.equal((await queue.getJob(id))?.attemptsMade, 1);
    }
    await waitUntil(async () => (await runtime.jobs.get(good.id))?.state === 'completed', 20_000, 'good job completed after the poison ones');
    assert.equal(await runtime.store.deadLetters.getByJobId(good.id), null);
  });
});
