import { join } from 'node:path';
import type { RedisClient } from '../src/queue/redis-connection.js';
import { generateCatalog } from '../src/demo-shop/index.js';
import type { JobData } from '../src/domain/job-data.js';
import { SILENT_LOGGER } from '../src/domain/ports/logger.port.js';
import type { Store } from '../src/domain/ports/storage.port.js';
import { JobService, type EnqueueRequest } from '../src/domain/services/job.service.js';
import { BullmqJobQueue } from '../src/queue/bullmq-job-queue.js';
import { ALL_QUEUES } from '../src/queue/queue-names.js';
import { createRedis, whenReady } from '../src/queue/redis-connection.js';
import { SqliteStore } from '../src/storage/sqlite/sqlite-store.js';
import { tempDir } from './support/cleanup.js';
import { productRequests } from './support/product-requests.js';
import { startRedis } from './support/services.js';
import { OFFLINE_ORIGIN } from './support/shop-pages.js';
import type { BenchSuite } from './support/suite.js';
import { measure, perMinute, timed } from './support/timing.js';

const TARGET_POLICY = { allowPrivateNetwork: true, allowedPrivateHosts: [] };

interface Bench {
  store: Store;
  connection: RedisClient;
  requests: EnqueueRequest[];
  nextPrefix: () => string;
}

/** Enqueue rates into BullMQ on a real redis-server: one job per call vs bulk, through the JobService and the queue port. */
export const queueSuite: BenchSuite = {
  name: 'queue',
  description: 'enqueue rate of product jobs: single adds vs enqueueMany, JobService and BullMQ queue port',
  async run({ quick, cleanup, log, record }) {
    const redis = await startRedis(cleanup);
    const dir = await tempDir(cleanup, 'queue');
    const store = SqliteStore.open({ file: join(dir, 'trawl.sqlite') });
    cleanup.add('sqlite store', () => store.close());
    const connection = createRedis(redis.url, 'producer');
    cleanup.add('redis producer', () => void connection.disconnect());
    await whenReady(connection);
    const count = quick ? 2000 : 10_000;
    let prefix = 0;
    const bench: Bench = { store, connection, requests: productRequests(generateCatalog({ products: Math.ceil(count * 1.1) }), OFFLINE_ORIGIN).slice(0, count), nextPrefix: () => `bq${prefix++}` };
    const label = count.toLocaleString('en-US');

    log(`queue: JobService, ${label} jobs per variant`);
    const single = await withService(bench, async (service) => measure((i) => service.enqueue(bench.requests[i]!), { warmup: 0, iterations: count }));
    record({ metric: `JobService.enqueue x ${label}, one at a time`, value: perMinute(single.count, single.totalMs), unit: 'jobs/min' });
    record({ metric: 'JobService.enqueue, one at a time, p95', value: single.p95Ms, unit: 'ms/job' });
    const parallel = await withService(bench, async (service) => timed(() => inParallel(count, 32, (i) => service.enqueue(bench.requests[i]!))));
    record({ metric: `JobService.enqueue x ${label}, 32 in flight`, value: perMinute(count, parallel.ms), unit: 'jobs/min' });
    const bulk = await withService(bench, async (service) => timed(() => service.enqueueMany(bench.requests)));
    record({ metric: `JobService.enqueueMany, one call of ${label}`, value: perMinute(count, bulk.ms), unit: 'jobs/min' });
    const batched = await withService(bench, async (service) => timed(async () => {
      for (let i = 0; i < count; i += 500) await service.enqueueMany(bench.requests.slice(i, i + 500));
    }));
    record({ metric: `JobService.enqueueMany, batches of 500`, value: perMinute(count, batched.ms), unit: 'jobs/min' });

    log('queue: BullMQ queue port directly');
    const portSingle = await withService(bench, async (service, queue) => {
      const jobs = bench.requests.map((r) => service.buildJobData(r));
      return measure((i) => queue.enqueue([jobs[i]!]), { warmup: 0, iterations: count });
    });
    record({ metric: `BullmqJobQueue.enqueue x ${label}, one at a time`, value: perMinute(portSingle.count, portSingle.totalMs), unit: 'jobs/min' });
    const portBulk = await withService(bench, async (service, queue) => {
      const jobs: JobData[] = bench.requests.map((r) => service.buildJobData(r));
      return timed(() => queue.enqueue(jobs));
    });
    record({ metric: `BullmqJobQueue.enqueue, one call of ${label}`, value: perMinute(count, portBulk.ms), unit: 'jobs/min' });
  },
};

/** Runs one variant on fresh queues (new prefix), then empties them so Redis stays small. */
async function withService<T>(bench: Bench, fn: (service: JobService, queue: BullmqJobQueue) => Promise<T>): Promise<T> {
  const queue = new BullmqJobQueue({ connection: bench.connection, prefix: bench.nextPrefix(), logger: SILENT_LOGGER });
  try {
    await queue.start();
    const service = new JobService({ store: bench.store, queue, targetPolicy: TARGET_POLICY, defaults: { rateLimitDelayMs: 0 } });
    return await fn(service, queue);
  } finally {
    await Promise.allSettled(ALL_QUEUES.map((name) => queue.queue(name).obliterate({ force: true })));
    await queue.close();
  }
}

/** Calls `fn(0..count-1)` with at most `limit` calls in flight. */
async function inParallel(count: number, limit: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
}
