import { randomBytes } from 'node:crypto';
import { Runtime } from '../src/bootstrap/runtime.js';
import type { Config } from '../src/config/config.schema.js';
import { loadConfig } from '../src/config/load-config.js';
import { generateCatalog } from '../src/demo-shop/index.js';
import { SILENT_LOGGER } from '../src/domain/ports/logger.port.js';
import type { Store } from '../src/domain/ports/storage.port.js';
import type { EnqueueRequest } from '../src/domain/services/job.service.js';
import { Cleanup, tempDir } from './support/cleanup.js';
import { startWorkerProcess, type Deployment } from './campaign/trawl-processes.js';
import { productRequests } from './support/product-requests.js';
import { startRedis, startShopProcess } from './support/services.js';
import type { BenchSuite, Measurement, SuiteContext } from './support/suite.js';
import { perMinute, summarize } from './support/timing.js';

/** How a variant runs its workers: inside the bench process, or as `trawl worker` processes. */
type Workers = { kind: 'in-process'; concurrency: number } | { kind: 'processes'; count: number; concurrency: number };

interface Variant {
  name: string;
  workers: Workers;
  redisUrl: string;
  requests: readonly EnqueueRequest[];
}

const ENQUEUE_BATCH = 500;
const STALL_LIMIT_MS = 30_000;

/**
 * End to end: the demo shop (own process), a real redis-server, and trawl's
 * Runtime; one product job per catalog product, timed from the first enqueue
 * until the store holds every product.
 */
export const pipelineSuite: BenchSuite = {
  name: 'pipeline',
  description: 'demo shop -> BullMQ -> workers -> SQLite: products/min and job latency',
  async run(context) {
    const { quick, cleanup, log } = context;
    const products = quick ? 300 : 2000;
    const shop = await startShopProcess(cleanup, products);
    const redis = await startRedis(cleanup);
    const requests = productRequests(generateCatalog({ products }), shop.url.replace(/\/$/, ''));
    const variants: Variant[] = [
      { name: 'in-process c4', workers: { kind: 'in-process', concurrency: 4 }, redisUrl: redis.url, requests },
      { name: 'in-process c8', workers: { kind: 'in-process', concurrency: 8 }, redisUrl: redis.url, requests },
      { name: '2 worker processes c4', workers: { kind: 'processes', count: 2, concurrency: 4 }, redisUrl: redis.url, requests },
    ];
    for (const variant of variants) {
      log(`pipeline: ${variant.name}, ${products} products`);
      await runVariant(variant, context);
    }
  },
};

async function runVariant(variant: Variant, { cleanup, record }: SuiteContext): Promise<void> {
  const local = new Cleanup();
  cleanup.add(`pipeline ${variant.name}`, () => local.run());
  try {
    const config = variantConfig(variant, await tempDir(local, 'pipeline'));
    const runtime = await Runtime.start({ config, roles: { api: false, workers: variant.workers.kind === 'in-process' }, logger: SILENT_LOGGER });
    local.add('runtime', () => runtime.close());
    if (variant.workers.kind === 'processes') {
      const deployment: Deployment = {
        redisUrl: config.redisUrl!, prefix: config.queuePrefix, dataDir: config.dataDir, store: 'sqlite', mongoUrl: undefined, concurrency: variant.workers.concurrency,
      };
      await Promise.all(Array.from({ length: variant.workers.count }, (_, i) => startWorkerProcess(`worker-${i + 1}`, deployment, local)));
    }
    const started = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < variant.requests.length; i += ENQUEUE_BATCH) {
      const views = await runtime.jobs.enqueueMany(variant.requests.slice(i, i + ENQUEUE_BATCH));
      ids.push(...views.map((view) => view.id));
    }
    await waitForProducts(runtime.store, ids, variant.name);
    record(...(await measurements(variant, runtime.store, ids, started)));
  } finally {
    await local.run();
  }
}

function variantConfig(variant: Variant, dataDir: string): Config {
  return loadConfig({}, {
    redisUrl: variant.redisUrl, dataDir, queuePrefix: `bench-${randomBytes(4).toString('hex')}`, port: 0, allowPrivateNetwork: true,
    logLevel: 'silent', shutdownTimeoutMs: 10_000, rateLimitDelayMs: 0, domainMaxConcurrency: 0, workerConcurrency: variant.workers.concurrency, store: 'sqlite',
  });
}

/** Rows of one variant, from the stored job records (created = enqueue, finished = store write). */
async function measurements(variant: Variant, store: Store, ids: readonly string[], started: number): Promise<Measurement[]> {
  const records = await Promise.all(ids.map((id) => store.jobs.get(id)));
  const latencies: number[] = [];
  let lastFinished = started;
  for (const record of records) {
    if (!record?.finishedAt) continue;
    latencies.push(record.finishedAt.getTime() - record.createdAt.getTime());
    lastFinished = Math.max(lastFinished, record.finishedAt.getTime());
  }
  const results = await Promise.all(ids.map((id) => store.results.get(id)));
  const work = summarize(results.flatMap((r) => (r?.result ? [r.result.durationMs] : [])));
  const latency = summarize(latencies);
  return [
    { metric: `${variant.name}: throughput`, value: perMinute(latencies.length, lastFinished - started), unit: 'products/min' },
    { metric: `${variant.name}: job latency p50 (enqueue -> completed)`, value: latency.medianMs, unit: 'ms' },
    { metric: `${variant.name}: job latency p95 (enqueue -> completed)`, value: latency.p95Ms, unit: 'ms' },
    { metric: `${variant.name}: fetch + extract p50 (in worker)`, value: work.medianMs, unit: 'ms' },
  ];
}

/** Polls the store until it holds one product per job; fails fast when progress stops. */
async function waitForProducts(store: Store, ids: readonly string[], name: string): Promise<void> {
  let done = -1;
  let changedAt = Date.now();
  for (;;) {
    const count = (await store.products.list({}, { first: 0 })).totalCount;
    if (count >= ids.length) return;
    if (count !== done) {
      done = count;
      changedAt = Date.now();
    } else if (Date.now() - changedAt > STALL_LIMIT_MS) {
      const records = await Promise.all(ids.map((id) => store.jobs.get(id)));
      const failed = records.filter((r) => r?.status === 'FAILED');
      throw new Error(`${name}: stalled at ${count}/${ids.length} products for ${STALL_LIMIT_MS / 1000} s; ${failed.length} jobs failed` +
        (failed[0] ? ` (first: ${failed[0].errorCode ?? ''} ${failed[0].failedReason ?? ''})` : ''));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
