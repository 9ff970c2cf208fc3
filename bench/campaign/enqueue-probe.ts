import type { RedisClient as Redis } from '../../src/queue/redis-connection.js';
import { generateCatalog } from '../../src/demo-shop/index.js';
import type { JobData } from '../../src/domain/job-data.js';
import { SILENT_LOGGER } from '../../src/domain/ports/logger.port.js';
import type { Store } from '../../src/domain/ports/storage.port.js';
import { JobService } from '../../src/domain/services/job.service.js';
import { BullmqJobQueue } from '../../src/queue/bullmq-job-queue.js';
import { ALL_QUEUES } from '../../src/queue/queue-names.js';
import { productRequests } from '../support/product-requests.js';
import { OFFLINE_ORIGIN } from '../support/shop-pages.js';
import { perMinute, timed } from '../support/timing.js';
import { usedMemoryBytes } from './redis-stats.js';

export const PROBE_BATCH = 1000;
/** Batches in flight at once, as from several API clients or listing pages: Redis runs one while the next is built. */
export const PROBE_IN_FLIGHT = 3;

export interface EnqueueProbe {
  jobs: number;
  batch: number;
  inFlight: number;
  /** JobService.enqueueMany in batches (job records in the store + BullMQ), what enqueueJobs and listing fan-out use. */
  serviceJobsPerMin: number;
  /** BullmqJobQueue.enqueue in batches of prebuilt job data: the queue port alone. */
  portJobsPerMin: number;
  /** used_memory growth per waiting job (after the JobService run, no workers). */
  redisBytesPerWaitingJob: number;
  redisBytesBefore: number;
  redisBytesAfter: number;
}

/**
 * Enqueues `jobs` product jobs into fresh queue prefixes no worker listens
 * on: the enqueue rates, and Redis memory per waiting job. The queues are
 * obliterated afterwards.
 */
export async function probeEnqueue(connection: Redis, store: Store, jobs: number): Promise<EnqueueProbe> {
  const requests = productRequests(generateCatalog({ products: Math.ceil(jobs * 1.1) }), OFFLINE_ORIGIN).slice(0, jobs);
  const service = await onFreshQueue(connection, 'probe-service', async (queue) => {
    const jobService = new JobService({ store, queue, targetPolicy: { allowPrivateNetwork: true, allowedPrivateHosts: [] }, defaults: { rateLimitDelayMs: 0 } });
    const before = await usedMemoryBytes(connection);
    const { ms } = await timed(() => inBatches(requests, (batch) => jobService.enqueueMany(batch)));
    const after = await usedMemoryBytes(connection);
    return { ms, before, after };
  });
  const port = await onFreshQueue(connection, 'probe-port', async (queue) => {
    const builder = new JobService({ store, queue, targetPolicy: { allowPrivateNetwork: true, allowedPrivateHosts: [] }, defaults: { rateLimitDelayMs: 0 } });
    const data: JobData[] = requests.map((request) => builder.buildJobData(request));
    return timed(() => inBatches(data, (batch) => queue.enqueue(batch)));
  });
  return {
    jobs, batch: PROBE_BATCH, inFlight: PROBE_IN_FLIGHT,
    serviceJobsPerMin: perMinute(jobs, service.ms),
    portJobsPerMin: perMinute(jobs, port.ms),
    redisBytesPerWaitingJob: (service.after - service.before) / jobs,
    redisBytesBefore: service.before, redisBytesAfter: service.after,
  };
}

async function inBatches<T>(items: readonly T[], fn: (batch: T[]) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const start = next;
      next += PROBE_BATCH;
      await fn(items.slice(start, start + PROBE_BATCH));
    }
  };
  await Promise.all(Array.from({ length: PROBE_IN_FLIGHT }, lane));
}

async function onFreshQueue<T>(connection: Redis, prefix: string, fn: (queue: BullmqJobQueue) => Promise<T>): Promise<T> {
  const queue = new BullmqJobQueue({ connection, prefix, logger: SILENT_LOGGER });
  try {
    await queue.start();
    return await fn(queue);
  } finally {
    await Promise.allSettled(ALL_QUEUES.map((name) => queue.queue(name).obliterate({ force: true })));
    await queue.close();
  }
}

