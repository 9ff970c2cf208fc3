import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { JobService, type EnqueueRequest } from '../../src/domain/services/job.service.js';
import { BullmqJobQueue } from '../../src/queue/bullmq-job-queue.js';
import { createRedis } from '../../src/queue/redis-connection.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { SILENT_LOGGER } from '../../src/domain/ports/logger.port.js';
import { isTrawlError } from '../../src/domain/errors.js';
import { testRedisUrl, uniqueName } from '../support/env.js';

describe('enqueueing a batch of jobs', () => {
  const connection = createRedis(testRedisUrl(), 'producer');
  const queue = new BullmqJobQueue({ connection, prefix: `{${uniqueName('batch')}}`, logger: SILENT_LOGGER });
  const store = SqliteStore.open({ file: ':memory:' });
  const service = new JobService({ store, queue, targetPolicy: { allowPrivateNetwork: false, allowedPrivateHosts: [] } });
  after(async () => {
    for (const name of ['scraping', 'scraping-urgent'] as const) await queue.queue(name).obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await store.close();
    connection.disconnect();
  });

  const product = (url: string, category?: EnqueueRequest['category']): EnqueueRequest => ({ type: 'product', url, ...(category ? { category } : {}) });

  it('resolves a category shared by many jobs the same for each, per origin, and gives each job its own copy', async () => {
    const hats = { name: ' Hats ', path: '/collections/hats/', parent: '/collections/accessories' };
    const views = await service.enqueueMany([
      product('https://a.example/products/1', hats), product('https://a.example/products/2', hats), product('https://b.example/products/3', hats),
    ]);
    const categories = views.map((view) => view.category);
    assert.deepEqual(categories[0], { url: 'https://a.example/collections/hats', name: 'Hats', path: '/collections/hats/', parentUrl: 'https://a.example/collections/accessories' });
    assert.deepEqual(categories[1], categories[0]);
    assert.notEqual(categories[1], categories[0], 'not one shared object');
    assert.equal(categories[2]?.url, 'https://b.example/collections/hats', 'the same path on another origin is another category');
    assert.equal(new Set(views.map((view) => view.createdAt.getTime())).size, 1, 'one batch, one creation time');
  });

  it('still names the first bad request of a batch and queues nothing', async () => {
    const before = await store.jobs.list({}, { first: 0 });
    await assert.rejects(service.enqueueMany([
      product('https://a.example/ok', { name: 'Hats', path: '/hats' }),
      product('https://a.example/bad', { name: 'Hats', path: 'http://10.0.0.1/hats' }),
    ]), (error: unknown) => isTrawlError(error) && error.code === 'PRIVATE_NETWORK_TARGET' && error.details.field === 'input[1].category.path');
    assert.equal((await store.jobs.list({}, { first: 0 })).totalCount, before.totalCount);
  });
});
