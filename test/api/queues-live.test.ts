import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collect, waitUntil, wsClient } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { SharedPoller } from '../../src/domain/services/shared-poll.feed.js';

type Stats = { name: string; waiting: number; prioritized: number; processedPerMinute: number };

describe('live queue and worker feeds', () => {
  it('serves queueStats to two WebSocket clients from one shared poll at the clamped interval, and stops it when they leave', async (t) => {
    const runtime = await startRuntime(t, { api: true, workers: false }, testConfig());
    const feeds = () => runtime.apiServer!.context().services.queueAdmin.liveFeeds();
    const query = `subscription { queueStats(intervalMs: 10) { name waiting prioritized processedPerMinute } }`;
    const first = wsClient(runtime.apiUrl!);
    const second = wsClient(runtime.apiUrl!);
    t.after(async () => {
      await first.dispose();
      await second.dispose();
    });
    const a = collect<{ queueStats: Stats[] }>(first, query, {}, (e) => e.queueStats.some((q) => q.name === 'scraping' && q.waiting + q.prioritized === 1), 30_000);
    const b = collect<{ queueStats: Stats[] }>(second, query, {}, () => false, 30_000);
    await waitUntil(async () => feeds().queues[0]?.subscribers === 2, 20_000, 'two subscribers');
    assert.deepEqual(feeds().queues, [{ intervalMs: 500, subscribers: 2 }]);
    await runtime.jobs.enqueue({ type: 'product', url: 'http://127.0.0.1:9/products/live' });
    const events = await a.done;
    assert.ok(events.length >= 1);
    assert.deepEqual(events.at(-1)!.queueStats.map((q) => q.name).sort(), ['scraping', 'scraping-urgent']);
    await waitUntil(async () => b.events.length > 0, 20_000, 'the second client\'s snapshots');
    await second.dispose();
    await b.done.catch(() => undefined);
    await waitUntil(async () => feeds().queues.length === 0, 20_000, 'the poll to stop once both clients left');
  });

  it('streams workerStatus with the live workers', async (t) => {
    const runtime = await startRuntime(t, { api: true, workers: true }, testConfig({ workerHeartbeatMs: 500 }));
    const client = wsClient(runtime.apiUrl!);
    t.after(() => client.dispose());
    const { done } = collect<{ workerStatus: { pid: number; concurrency: number }[] }>(
      client, `subscription { workerStatus(intervalMs: 500) { id pid concurrency activeJobs lastHeartbeatAt } }`, {},
      (e) => e.workerStatus.some((w) => w.pid === process.pid), 30_000,
    );
    const events = await done;
    assert.equal(events.at(-1)!.workerStatus.find((w) => w.pid === process.pid)!.concurrency, 4);
  });

  it('reads once per tick for all subscribers of one interval, keeps only the newest snapshot for a slow one, and ends on return()', async () => {
    let reads = 0;
    const poller = new SharedPoller(async () => ++reads);
    const one = poller.subscribe(500);
    const two = poller.subscribe(500);
    const [x, y] = await Promise.all([one.next(), two.next()]);
    assert.equal(x.value, y.value);
    await one.next();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const skipped = await two.next();
    assert.ok((skipped.value as number) > 2, 'the slow subscriber got the newest snapshot');
    assert.deepEqual(poller.activeLoops(), [{ intervalMs: 500, subscribers: 2 }]);
    await one.return!();
    await two.return!();
    assert.deepEqual(poller.activeLoops(), []);
    const readsAtStop = reads;
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.ok(reads <= readsAtStop + 1);
    assert.deepEqual(await one.next(), { value: undefined, done: true });
  });
});
