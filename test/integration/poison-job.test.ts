import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Queue } from 'bullmq';
import { startRuntime, testConfig } from '../support/runtime.js';
import { waitUntil } from '../support/graphql-client.js';
import { startDemoShop } from '../../src/demo-shop/index.js';

describe('poison jobs', () => {
  it('fails a job whose payload is invalid at once, without retries, and keeps processing others', async (t) => {
    const shop = await startDemoShop({ products: 5 });
    t.after(() => shop.close());
    const config = testConfig();
    const runtime = await startRuntime(t, { api: false, workers: true }, config);
    const queue = new Queue('scraping', { connection: { url: config.redisUrl! }, prefix: config.queuePrefix });
    t.after(() => queue.close());
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
