import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Runtime } from '../../src/bootstrap/runtime.js';
import { loadConfig } from '../../src/config/load-config.js';
import { SILENT_LOGGER } from '../../src/domain/ports/logger.port.js';
import { startDemoShop } from '../../src/demo-shop/index.js';
import { createRedis, whenReady } from '../../src/queue/redis-connection.js';
import { ReconcileRunner } from '../../src/queue/reconcile-runner.js';
import { graphqlHttp, waitUntil } from '../support/graphql-client.js';
import { tempDir, testRedisUrl, uniqueName } from '../support/env.js';
import { ChaosRedis } from '../chaos/chaos-cluster.js';
import { verifyCampaign } from '../chaos/chaos-verify.js';

describe('the reconciler: storage is the record of what should happen', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  after(async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  });

  it('re-creates the jobs a flushed Redis lost, and the campaign completes with every product stored once and every link present', async () => {
    const shop = await startDemoShop({ products: 240, productsPerPage: 12, flavour: 'shopify' });
    cleanups.push(() => shop.close());
    const redis = await ChaosRedis.start(join(tempDir(), 'redis'));
    cleanups.push(() => redis.close());
    const config = loadConfig({}, {
      redisUrl: redis.url, dataDir: tempDir(), queuePrefix: uniqueName('rec'), port: 0, allowPrivateNetwork: true, logLevel: 'silent',
      workerConcurrency: 4, campaignRateLimitDelayMs: 0, rateLimitDelayMs: 0, reconcileIntervalMs: 1000, shutdownTimeoutMs: 5000,
    });
    const runtime = await Runtime.start({ config, roles: { api: true, workers: true }, logger: SILENT_LOGGER });
    cleanups.push(() => runtime.close());
    const started = await graphqlHttp(runtime.apiUrl!, 'mutation($u: String!) { startCampaign(input: { seedUrl: $u, rateLimitDelayMs: 0 }) { id } }', { u: shop.url });
    const id = started.data!.startCampaign.id as string;
    await waitUntil(async () => {
      const tally = await runtime.store.ledger.tally(id);
      return tally.productsScraped >= 40 ? true : undefined;
    }, 120_000, '40 products scraped');

    const admin = createRedis(redis.url, 'producer');
    await whenReady(admin);
    await admin.flushall();
    admin.disconnect();
    const midway = await runtime.store.ledger.tally(id);
    assert.ok(midway.productsScraped < midway.productsDiscovered || midway.categoriesScraped < midway.categoriesSelected, 'Redis was flushed mid-campaign');

    await waitUntil(async () => ((await runtime.store.campaigns.getByIds([id]))[0]?.status === 'COMPLETED' ? true : undefined), 240_000, 'campaign completed after FLUSHALL');
    const verification = await verifyCampaign(runtime.store, shop, id);
    assert.ok(verification.ok, JSON.stringify(verification.checks.filter((c) => !c.ok)));
    assert.ok(verification.storedProducts > 100);
  });

  it('lets one process act per interval across the fleet (a Redis lock that expires)', async () => {
    const connection = createRedis(testRedisUrl(), 'worker');
    cleanups.push(async () => connection.disconnect());
    let passes = 0;
    const pass = async () => {
      passes += 1;
      return { campaigns: 0, requeued: 0, retried: 0, completed: 0 };
    };
    const prefix = uniqueName('lock');
    const one = new ReconcileRunner({ connection, prefix, intervalMs: 60_000, pass, logger: SILENT_LOGGER });
    const two = new ReconcileRunner({ connection, prefix, intervalMs: 60_000, pass, logger: SILENT_LOGGER });
    assert.notEqual(await one.runOnce(300), 'skipped');
    assert.equal(await two.runOnce(300), 'skipped');
    await waitUntil(async () => ((await connection.exists(one.lockKey)) === 0 ? true : undefined), 10_000, 'the lock to expire');
    assert.notEqual(await two.runOnce(300), 'skipped');
    assert.equal(passes, 2);
    await Promise.all([one.close(), two.close(), one.close()]);
  });
});
