import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { Queue, Worker } from 'bullmq';
import { BullmqQueueInventory } from '../../src/queue/bullmq-queue-inventory.js';
import { createRedis, duplicateRedis, whenReady } from '../../src/queue/redis-connection.js';
import { QUEUE_NAMES } from '../../src/queue/queue-names.js';
import { waitUntil } from '../support/graphql-client.js';
import { testRedisUrl, uniqueName } from '../support/env.js';

describe('the queue inventory the reconciler reads', () => {
  const connection = createRedis(testRedisUrl(), 'worker');
  const prefix = `{${uniqueName('inventory')}}`;
  const inventory = new BullmqQueueInventory(connection, prefix);
  after(async () => {
    await inventory.close();
    connection.disconnect();
  });

  it('tells held, failed and lost jobs apart with constant work per id, in both queues', async () => {
    await whenReady(connection);
    const urgent = new Queue(QUEUE_NAMES.urgent, { connection, prefix });
    const regular = new Queue(QUEUE_NAMES.scraping, { connection, prefix });
    await regular.add('product', { n: 1 }, { jobId: 'waiting-one', priority: 5 });
    await urgent.add('product', { n: 2 }, { jobId: 'urgent-one' });
    await urgent.add('product', { n: 3 }, { jobId: 'doomed', attempts: 1 });
    const workerConnection = duplicateRedis(connection);
    const worker = new Worker(QUEUE_NAMES.urgent, async (job) => {
      if (job.id === 'doomed') throw new Error('fails for good');
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    }, { connection: workerConnection, prefix, concurrency: 2 });
    try {
      await waitUntil(async () => ((await urgent.getJobState('doomed')) === 'failed' ? true : undefined), 15_000, 'the doomed job failed');
      const presence = await inventory.presenceOf(['waiting-one', 'urgent-one', 'doomed', 'never-queued']);
      assert.deepEqual(Object.fromEntries(presence), { 'waiting-one': 'present', 'urgent-one': 'present', doomed: 'failed', 'never-queued': 'unknown' });
      const many = await inventory.presenceOf(Array.from({ length: 1200 }, (_, i) => (i === 777 ? 'waiting-one' : `missing-${i}`)));
      assert.equal(many.size, 1200);
      assert.equal(many.get('waiting-one'), 'present');
      assert.equal([...many.values()].filter((p) => p === 'unknown').length, 1199);
    } finally {
      await worker.close(true);
      workerConnection.disconnect();
      await Promise.all([urgent.obliterate({ force: true }), regular.obliterate({ force: true })]);
      await Promise.all([urgent.close(), regular.close()]);
    }
  });
});
