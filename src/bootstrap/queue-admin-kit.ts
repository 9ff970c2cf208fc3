import type { RedisClient } from '../queue/redis-connection.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { Store } from '../domain/ports/storage.port.js';
import type { CampaignService } from '../domain/services/campaign.service.js';
import { JobBatchService } from '../domain/services/job-batch.service.js';
import { JobCancellation } from '../domain/services/job-cancellation.js';
import type { JobService } from '../domain/services/job.service.js';
import { QueueAdminService } from '../domain/services/queue-admin.service.js';
import type { TargetPolicy } from '../domain/url.js';
import type { BullmqJobQueue } from '../queue/bullmq-job-queue.js';
import { BullmqQueueAdmin } from '../queue/bullmq-queue-admin.js';
import { RedisWorkerRegistry } from '../queue/redis-worker-registry.js';
import type { Closer } from './closer.js';

export interface QueueServicesDeps {
  store: Store;
  queue: BullmqJobQueue;
  /** The producer connection (commands and publishing only). */
  connection: RedisClient;
  prefix: string;
  jobs: JobService;
  campaigns: CampaignService;
  targetPolicy: TargetPolicy;
  logger: Logger;
  closer: Closer;
}

/** The API's queue and worker operations (queues, workers, live feeds, cancel/remove/promote, batches). */
export function createQueueServices(deps: QueueServicesDeps): { queueAdmin: QueueAdminService; jobBatch: JobBatchService } {
  const queueAdmin = new QueueAdminService({
    admin: new BullmqQueueAdmin(deps.queue, deps.connection, deps.prefix), registry: new RedisWorkerRegistry(deps.connection, deps.prefix),
    jobs: deps.jobs, cancellation: new JobCancellation(deps.store), logger: deps.logger,
  });
  deps.closer.add('queue feeds', () => queueAdmin.close());
  return { queueAdmin, jobBatch: new JobBatchService({ jobs: deps.jobs, campaigns: deps.campaigns, targetPolicy: deps.targetPolicy }) };
}

/** What a worker process needs for the registry and cancellation. */
export function workerQueueOptions(connection: RedisClient, prefix: string, store: Store, heartbeatMs: number) {
  return { registry: new RedisWorkerRegistry(connection, prefix), heartbeatMs, cancellation: new JobCancellation(store) };
}
