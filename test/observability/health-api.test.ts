import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Queue } from 'bullmq';
import { startDemoShop } from '../../src/demo-shop/index.js';
import { createRedis, duplicateRedis, whenReady } from '../../src/queue/redis-connection.js';
import { RedisQueueBacklog } from '../../src/queue/redis-queue-backlog.js';
import { RedisWorkerRegistry } from '../../src/queue/redis-worker-registry.js';
import { graphqlHttp, waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';

interface Readiness { status: string; checks: Record<string, { ok: boolean; reason?: string; latencyMs: number }> }

async function readiness(url: string): Promise<{ status: number; body: Readiness }> {
  const res = await fetch(`${url}/health/ready`);
  return { status: res.status, body: (await res.json()) as Readiness };
}

const HEALTH = '{ health { ready checkedAt checks { name ok reason latencyMs } } }';

describe('API readiness (GET /health/ready and the health query)', () => {
  it('is ready with an empty queue and no worker, listing redis, store, queue, workers and progress with latency', async (t) => {
    const api = await startRuntime(t, { api: true, workers: false });
    const { status, body } = await readiness(api.apiUrl!);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.status, 'ready');
    assert.deepEqual(Object.keys(body.checks).sort(), ['progress', 'queue', 'redis', 'store', 'workers']);
    assert.equal(body.checks.workers!.reason, 'no live worker; no job waiting');
    assert.ok(Object.values(body.checks).every((c) => c.ok && typeof c.latencyMs === 'number'));
    assert.equal((await fetch(`${api.apiUrl}/health/live`)).status, 200);
  });

  it('turns not ready when jobs wait with no worker and nothing finishes, says why, and recovers once a worker gets them done', async (t) => {
    const shop = await startDemoShop({ products: 4 });
    t.after(() => shop.close());
    const config = testConfig({ readyStallMs: 1000 });
    const api = await startRuntime(t, { api: true, workers: false }, config);
    await api.jobs.enqueueMany(shop.catalog.products.slice(0, 2).map((p) => ({ type: 'product' as const, url: `${shop.url}${p.path.slice(1)}` })));

    const stalled = await waitUntil(async () => {
      const r = await readiness(api.apiUrl!);
      return r.body.checks.progress!.ok ? undefined : r;
    }, 30_000, 'progress check to fail');
    assert.equal(stalled.status, 503);
    assert.equal(stalled.body.status, 'not ready');
    assert.equal(stalled.body.checks.workers!.reason, '2 jobs waiting and no live worker');
    assert.match(stalled.body.checks.progress!.reason!, /^2 jobs waiting and none finished for \d+ ms \(stall limit 1000 ms\)$/);
    assert.equal(stalled.body.checks.redis!.ok, true, 'the pings alone see nothing wrong');

    const viaGraphql = await graphqlHttp(api.apiUrl!, HEALTH);
    assert.equal(viaGraphql.errors, undefined, JSON.stringify(viaGraphql.errors));
    assert.equal(viaGraphql.data!.health.ready, false);
    const progress = viaGraphql.data!.health.checks.find((c: { name: string }) => c.name === 'progress');
    assert.equal(progress.ok, false);
    assert.match(progress.reason, /none finished/);

    await startRuntime(t, { api: false, workers: true }, config);
    const recovered = await waitUntil(async () => {
      const r = await readiness(api.apiUrl!);
      return r.status === 200 ? r : undefined;
    }, 60_000, 'ready again');
    assert.equal(recovered.body.checks.workers!.reason, '1 live worker');
    const inProcess = await api.apiServer!.apollo.executeOperation({ query: HEALTH }, { contextValue: api.apiServer!.context() });
    assert.equal(inProcess.body.kind, 'single');
    if (inProcess.body.kind === 'single') assert.equal((inProcess.body.singleResult.data as { health: { ready: boolean } }).health.ready, true);
  });

  it('fails the workers check when the only registered worker has a stale heartbeat', async (t) => {
    const config = testConfig({ workerHeartbeatStaleMs: 1000 });
    const api = await startRuntime(t, { api: true, workers: false }, config);
    const connection = createRedis(config.redisUrl!, 'producer');
    t.after(() => void connection.disconnect());
    await whenReady(connection);
    const longAgo = new Date(Date.now() - 5000);
    await new RedisWorkerRegistry(connection, config.queuePrefix).beat({
      id: 'frozen:1:abcd', host: 'frozen', pid: 1, concurrency: 1, activeJobs: 0, queues: ['scraping'], startedAt: longAgo, lastHeartbeatAt: longAgo, version: 'test',
    }, 60_000);
    const { status, body } = await readiness(api.apiUrl!);
    assert.equal(status, 503);
    assert.match(body.checks.workers!.reason!, /^no worker heartbeat in \d+ ms \(stale after 1000 ms\)$/);
  });
});

describe('the queue backlog read from Redis', () => {
  it('counts waiting jobs on queues that are not paused and dates the latest finished job', async (t) => {
    const shop = await startDemoShop({ products: 3 });
    t.after(() => shop.close());
    const config = testConfig();
    const api = await startRuntime(t, { api: false, workers: false }, config);
    const connection = createRedis(config.redisUrl!, 'producer');
    t.after(() => void connection.disconnect());
    await whenReady(connection);
    const backlog = new RedisQueueBacklog(connection, config.queuePrefix);
    assert.deepEqual(await backlog.snapshot(), { waiting: 0, lastFinishedAt: undefined });

    const [job] = await api.jobs.enqueueMany([{ type: 'product' as const, url: `${shop.url}${shop.catalog.products[0]!.path.slice(1)}` }]);
    assert.equal((await backlog.snapshot()).waiting, 1);
    // BullMQ never closes a connection it is given: the test closes its own.
    const queueConnection = duplicateRedis(connection);
    const queue = new Queue('scraping', { connection: queueConnection, prefix: config.queuePrefix });
    t.after(async () => {
      await queue.close();
      queueConnection.disconnect();
    });
    await queue.pause();
    assert.equal((await backlog.snapshot()).waiting, 0, 'a paused queue is not stalled');
    await queue.resume();

    const before = Date.now();
    await startRuntime(t, { api: false, workers: true }, config);
    await waitUntil(async () => (await api.jobs.get(job!.id))?.state === 'completed', 60_000, 'job completed');
    const after = await backlog.snapshot();
    assert.equal(after.waiting, 0);
    assert.ok(after.lastFinishedAt && after.lastFinishedAt.getTime() >= before - 1000, `lastFinishedAt ${after.lastFinishedAt?.toISOString()}`);
  });
});
