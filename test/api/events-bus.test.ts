import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryEventBus } from '../../src/events/memory-event-bus.js';
import { RedisEventBus } from '../../src/queue/redis-event-bus.js';
import { createRedis, whenReady } from '../../src/queue/redis-connection.js';
import { LocalRedis } from '../../src/bootstrap/local-redis.js';
import { isLocalJobTopic, topics } from '../../src/domain/topics.js';
import { SILENT_LOGGER } from '../../src/domain/ports/logger.port.js';
import { waitUntil } from '../support/graphql-client.js';
import { tempDir, testRedisUrl, uniqueName } from '../support/env.js';
import { defineEventBusContract } from '../contracts/event-bus.contract.js';

/** A bus as one process builds it: a fail-fast publisher and, unless publish-only, a lazily opened subscriber. */
async function processBus(url: string, channelPrefix: string, publishOnly = false): Promise<{ bus: RedisEventBus; close: () => Promise<void>; opened: () => number }> {
  const publisher = createRedis(url, 'producer');
  await whenReady(publisher);
  let opened = 0;
  const bus = new RedisEventBus({
    publisher, channelPrefix, local: new MemoryEventBus(), isLocalTopic: isLocalJobTopic, logger: SILENT_LOGGER,
    ...(publishOnly ? {} : { subscriber: () => (opened++, createRedis(url, 'events')) }),
  });
  return { bus, opened: () => opened, close: async () => { await bus.close(); publisher.disconnect(); } };
}

defineEventBusContract('memory', async () => {
  const bus = new MemoryEventBus();
  return { publisher: bus, subscriber: bus, settle: async () => undefined, close: () => bus.close() };
});

defineEventBusContract('redis, across two processes', async () => {
  const prefix = `${uniqueName('ev')}:events:`;
  const publisher = await processBus(testRedisUrl(), prefix, true);
  const subscriber = await processBus(testRedisUrl(), prefix);
  return {
    publisher: publisher.bus, subscriber: subscriber.bus, settle: () => subscriber.bus.subscribed(),
    close: async () => { await publisher.close(); await subscriber.close(); },
  };
});

describe('redis event bus', () => {
  it('uses one subscriber connection per process, only for topics someone listens to, and none for job topics or a publish-only bus', async () => {
    const prefix = `${uniqueName('ev')}:events:`;
    const worker = await processBus(testRedisUrl(), prefix, true);
    const api = await processBus(testRedisUrl(), prefix);
    try {
      worker.bus.publish('products', { id: 'p1' });
      assert.equal(worker.opened(), 0);
      const jobSub = api.bus.subscribe(topics.job('j1'));
      assert.equal(api.opened(), 0);
      assert.equal(api.bus.channelCount, 0);
      const subs = [api.bus.subscribe('products'), api.bus.subscribe('products'), api.bus.subscribe('other')];
      await api.bus.subscribed();
      assert.equal(api.opened(), 1);
      assert.equal(api.bus.channelCount, 2);
      await subs[0]!.return!();
      assert.equal(api.bus.channelCount, 2);
      await subs[1]!.return!();
      await subs[2]!.return!();
      assert.equal(api.bus.channelCount, 0);
      await jobSub.return!();
    } finally {
      await worker.close();
      await api.close();
    }
  });

  it('keeps delivering after Redis restarts, and drops (never queues) what is published while it is away', async (t) => {
    const redis = await LocalRedis.start({ dir: tempDir(), appendOnly: false });
    t.after(() => redis.close());
    const prefix = `${uniqueName('ev')}:events:`;
    const worker = await processBus(redis.url, prefix, true);
    const api = await processBus(redis.url, prefix);
    t.after(async () => { await worker.close(); await api.close(); });
    const sub = api.bus.subscribe<number>('products');
    await api.bus.subscribed();
    worker.bus.publish('products', 1);
    assert.equal((await sub.next()).value, 1);

    await redis.stop();
    await waitUntil(async () => {
      worker.bus.publish('products', 2);
      await new Promise((r) => setTimeout(r, 50));
      return worker.bus.lost >= 1;
    }, 20_000, 'an event published while Redis is away counted as lost');
    await redis.start();

    // Until the subscriber has reconnected and resubscribed, events published are lost; keep publishing until one arrives.
    const next = sub.next();
    let received: number | undefined;
    void next.then((r) => (received = r.value));
    let n = 100;
    await waitUntil(async () => {
      worker.bus.publish('products', n++);
      await new Promise((r) => setTimeout(r, 100));
      return received !== undefined;
    }, 60_000, 'an event after the restart');
    assert.ok(received! >= 100);
    await sub.return!();
  });
});
