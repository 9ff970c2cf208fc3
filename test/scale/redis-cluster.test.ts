import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import { Runtime } from '../../src/bootstrap/runtime.js';
import { checkRedisDurability } from '../../src/bootstrap/redis-checks.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Config } from '../../src/config/config.schema.js';
import type { Logger } from '../../src/domain/ports/logger.port.js';
import { BullmqQueueInventory } from '../../src/queue/bullmq-queue-inventory.js';
import { createRedis, redisTarget, serversOf, whenReady, type RedisClient } from '../../src/queue/redis-connection.js';
import { RedisSitePoliteness } from '../../src/queue/redis-politeness.js';
import { RedisWorkerRegistry } from '../../src/queue/redis-worker-registry.js';
import { collect, graphqlHttp, waitUntil, wsClient } from '../support/graphql-client.js';
import { startRedisCluster, type TestRedisCluster } from '../support/redis-cluster.js';
import { tempDir, uniqueName } from '../support/env.js';
import { expectedCategoryLinks } from '../support/catalog-truth.js';

const START = `mutation Start($input: StartCampaignInput!) { startCampaign(input: $input) { id status } }`;
const CAMPAIGN = `query C($id: ID!) { campaign(id: $id) { status progress { productsDiscovered productsQueued productsScraped productsFailed productsSkipped } } }`;
const PROGRESS = `subscription P($id: ID!) { campaignProgress(id: $id) { status percent final } }`;
const BREAKER = { threshold: 3, baseMs: 1_000, maxMs: 10_000 };

/** Keeps every log line, so the test can say what went wrong on the cluster (CROSSSLOT, failed reconciler passes). */
function recordingLogger(lines: { level: string; message: string; context: object }[]): Logger {
  const logger: Logger = {
    debug: (context, message) => void lines.push({ level: 'debug', message, context }),
    info: (context, message) => void lines.push({ level: 'info', message, context }),
    warn: (context, message) => void lines.push({ level: 'warn', message, context }),
    error: (context, message) => void lines.push({ level: 'error', message, context }),
    child: () => logger,
  };
  return logger;
}

/** A log context as text, with the message of an `err` (JSON drops an Error's message). */
function contextText(context: object): string {
  const { err, ...rest } = context as { err?: unknown };
  return `${JSON.stringify(rest)}${err instanceof Error ? ` ${err.name}: ${err.message}` : ''}`;
}

/** Every key under `pattern` on every master, with the port of the node holding it. */
async function keysByNode(redis: RedisClient, pattern: string): Promise<{ key: string; port: number }[]> {
  const found = await Promise.all(serversOf(redis).map(async (node) => (await node.keys(pattern)).map((key) => ({ key, port: node.options.port ?? 0 }))));
  return found.flat();
}

async function slotOf(redis: RedisClient, key: string): Promise<number> {
  return Number(await redis.call('CLUSTER', 'KEYSLOT', key));
}

describe('trawl on a 3-master Redis Cluster (REDIS_URL listing the seed nodes)', () => {
  let cluster: TestRedisCluster;
  let shop: DemoShop;
  let runtime: Runtime | undefined;
  let redis: RedisClient;
  let config: Config;
  const lines: { level: string; message: string; context: object }[] = [];

  before(async () => {
    cluster = await startRedisCluster(3);
    shop = await startDemoShop({ products: 60, productsPerPage: 8 });
    config = loadConfig({}, {
      redisUrl: cluster.url, dataDir: tempDir(), queuePrefix: uniqueName('c'), port: 0, allowPrivateNetwork: true, logLevel: 'silent',
      shutdownTimeoutMs: 5_000, workerConcurrency: 4, rateLimitDelayMs: 0, campaignRateLimitDelayMs: 0, apiRateLimitPerMinute: 0, maxPageSize: 500, graphqlMaxComplexity: 200_000, reconcileIntervalMs: 1_000,
    });
    redis = createRedis(redisTarget(config.redisUrl!), 'worker');
    await whenReady(redis);
    runtime = await Runtime.start({ config, roles: { api: true, workers: true }, logger: recordingLogger(lines) });
  });

  after(async () => {
    await runtime?.close();
    redis?.disconnect();
    await shop?.close();
    await cluster?.close();
  });

  it('reads a REDIS_URL of several nodes as a cluster and hash-tags the configured prefix', () => {
    assert.equal(redisTarget(cluster.url).cluster, true);
    assert.equal(redisTarget(`redis://127.0.0.1:${cluster.ports[0]}`).cluster, false);
    assert.equal(redisTarget(`redis://127.0.0.1:${cluster.ports[0]}`, true).cluster, true);
    assert.match(config.queuePrefix, /^\{c-[0-9a-f]{8}\}$/);
  });

  it('runs a campaign to COMPLETED: every public product stored, progress over graphql-ws, robots.txt obeyed, reconciler passes taking the lock', async () => {
    const started = await graphqlHttp(runtime!.apiUrl!, START, { input: { seedUrl: shop.url, rateLimitDelayMs: 0 } });
    assert.equal(started.errors, undefined, JSON.stringify(started.errors));
    const id = started.data!.startCampaign.id as string;
    const client = wsClient(runtime!.apiUrl!);
    const stream = collect<{ campaignProgress: { final: boolean; percent: number; status: string } }>(client, PROGRESS, { id }, (e) => e.campaignProgress.final, 75_000);
    const events = await stream.done.finally(() => client.dispose());
    assert.ok(events.length >= 1);
    assert.equal(events.at(-1)!.campaignProgress.status, 'COMPLETED');
    assert.equal(events.at(-1)!.campaignProgress.percent, 100);

    const campaign = await waitUntil(async () => {
      const c = (await graphqlHttp(runtime!.apiUrl!, CAMPAIGN, { id })).data!.campaign;
      return c.status === 'COMPLETED' ? c : undefined;
    }, 30_000, `campaign ${id} completed`);
    const p = campaign.progress;
    assert.equal(p.productsQueued, 0);
    assert.equal(p.productsFailed, 0, JSON.stringify(p));
    const listed = await graphqlHttp(runtime!.apiUrl!, `query($id: ID!) { products(first: 500, filter: { campaignId: $id }) { totalCount edges { node { canonicalUrl } } } }`, { id });
    assert.equal(listed.errors, undefined, JSON.stringify(listed.errors));
    const stored = new Set<string>(listed.data!.products.edges.map((e: { node: { canonicalUrl: string } }) => e.node.canonicalUrl));
    const selected = await graphqlHttp(runtime!.apiUrl!, `query($id: ID!) { categories(first: 500, filter: { campaignId: $id }) { edges { node { url } } } }`, { id });
    const categoryUrls = new Set<string>(selected.data!.categories.edges.map((e: { node: { url: string } }) => e.node.url));
    const expected = new Set(expectedCategoryLinks(shop, categoryUrls).keys());
    assert.ok(expected.size >= 30, `expected ${expected.size}`);
    assert.deepEqual([...stored].sort(), [...expected].sort(), 'the stored products are exactly the public listed ones');
    assert.equal(p.productsScraped, expected.size);
    assert.deepEqual(shop.disallowedHits(), [], 'no robots-disallowed URL fetched');

    // The reconciler runs every second in the worker role: its passes take the lock and read the queues on the cluster.
    await waitUntil(async () => lines.some((l) => l.message === 'reconciler pass'), 20_000, 'a reconciler pass');
    // Anything the cluster refused (CROSSSLOT, a script's keys in several slots) or a failed reconciler pass would be logged.
    const refused = lines.filter((l) => l.level !== 'debug' && /CROSSSLOT|slot|reconciler pass failed/i.test(`${l.message} ${contextText(l.context)}`));
    assert.deepEqual(refused.map((l) => `${l.level} ${l.message} ${contextText(l.context)}`), []);
  });

  it('keeps every BullMQ key of both queues in the slot of the prefix tag, on one node', async () => {
    const keys = await keysByNode(redis, `${config.queuePrefix}:*`);
    assert.ok(keys.some((k) => k.key.startsWith(`${config.queuePrefix}:scraping:`)), 'regular queue keys exist');
    assert.ok(keys.some((k) => k.key.startsWith(`${config.queuePrefix}:scraping-urgent:`)), 'urgent queue keys exist');
    assert.ok(keys.some((k) => k.key === `${config.queuePrefix}:workers`), 'the worker registry index exists');
    const slot = await slotOf(redis, config.queuePrefix.slice(1, -1));
    const slots = new Set(await Promise.all(keys.map((k) => slotOf(redis, k.key))));
    assert.deepEqual([...slots], [slot]);
    assert.equal(new Set(keys.map((k) => k.port)).size, 1, 'all queue keys on one master');
    assert.ok((await new RedisWorkerRegistry(redis, config.queuePrefix).list()).length >= 1, 'worker heartbeats listed (MGET in one slot)');
  });

  it('spreads politeness and robots.txt keys by site, away from the queue slot, and reads breakers of many sites at once', async () => {
    const namespace = config.queuePrefix.slice(1, -1);
    const robots = await keysByNode(redis, `${namespace}:robots:*`);
    assert.deepEqual(robots.map((k) => k.key), [`${namespace}:robots:{${new URL(shop.url).origin}}`]);

    const politeness = new RedisSitePoliteness(redis, config.queuePrefix, { breaker: BREAKER });
    const policy = { minDelayMs: 60_000, maxRequests: 5, intervalMs: 60_000, maxConcurrency: 2, leaseMs: 60_000 };
    for (const site of ['shop-a.example', 'shop-b.example']) {
      const first = await politeness.admit(site, policy);
      assert.equal(first.granted, true);
      const second = await politeness.admit(site, policy);
      assert.equal(second.granted, false, 'the spacing holds on the cluster');
      if (first.granted) await politeness.release(site, first.lease, { kind: 'blocked' });
    }
    const [a, b] = await Promise.all(['shop-a.example', 'shop-b.example'].map((site) => keysByNode(redis, `${namespace}:polite:{${site}}:*`)));
    assert.ok(a!.length >= 3 && b!.length >= 3, JSON.stringify({ a, b }));
    const slotsA = new Set(await Promise.all(a!.map((k) => slotOf(redis, k.key))));
    const slotsB = new Set(await Promise.all(b!.map((k) => slotOf(redis, k.key))));
    assert.equal(slotsA.size, 1, 'one site, one slot (its Lua scripts touch several keys)');
    assert.equal(slotsB.size, 1);
    assert.notDeepEqual([...slotsA], [...slotsB], 'two sites, two slots');
    assert.ok(!slotsA.has(await slotOf(redis, namespace)), 'not piled into the queue slot');
    const breakers = await politeness.breakers(['shop-a.example', 'shop-b.example', 'never-seen.example']);
    assert.deepEqual(breakers.map((v) => [v.site, v.consecutiveBlocks]), [['shop-a.example', 1], ['shop-b.example', 1], ['never-seen.example', 0]]);
  });

  it('runs the reconciler\'s multi-key discard script and the durability check on every master', async () => {
    const inventory = new BullmqQueueInventory(redis, config.queuePrefix);
    try {
      const discarded = await inventory.discard({
        jobId: 'no-such-job', queue: 'scraping', name: 'product', rawData: '', rawText: '', failedReason: 'test', attemptsMade: 0, finishedAt: new Date(),
      });
      assert.equal(discarded, false);
    } finally {
      await inventory.close();
    }
    const warned: string[] = [];
    const warnings = await checkRedisDurability(redis, { ...recordingLogger([]), warn: (_c, message) => void warned.push(message) });
    assert.equal(warnings.length, 3, warnings.join('\n'));
    for (const port of cluster.ports) assert.ok(warnings.some((w) => w.startsWith(`127.0.0.1:${port}: Redis has no persistence`)), warnings.join('\n'));
    assert.equal(warned.length, 3);
  });
});
