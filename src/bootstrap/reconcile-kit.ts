import type { RedisClient } from '../queue/redis-connection.js';
import type { Config } from '../config/config.schema.js';
import type { JobQueue } from '../domain/ports/job-queue.port.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { Store } from '../domain/ports/storage.port.js';
import type { CampaignLifecycle } from '../domain/services/campaign-lifecycle.service.js';
import { ReconcilerService, type ForeignFailure } from '../domain/services/reconciler.service.js';
import { BullmqQueueInventory } from '../queue/bullmq-queue-inventory.js';
import { ReconcileRunner } from '../queue/reconcile-runner.js';
import type { Closer } from './closer.js';

export interface ReconcilerParts {
  connection: RedisClient;
  store: Store;
  queue: JobQueue;
  lifecycle: CampaignLifecycle;
  logger: Logger;
  closer: Closer;
  /** Settles jobs BullMQ failed on its own (stalled too often, unreadable payload) as final failures. */
  settleForeignFailure?: (failure: ForeignFailure) => Promise<void>;
}

/**
 * The worker role's reconciler: compares running campaigns in storage with
 * the jobs Redis holds every `reconcileIntervalMs` (one process per interval
 * across the fleet acts) and re-creates lost work.
 */
export function startReconciler(config: Config, parts: ReconcilerParts): ReconcileRunner {
  const inventory = new BullmqQueueInventory(parts.connection, config.queuePrefix);
  parts.closer.add('reconciler inventory', () => inventory.close());
  const service = new ReconcilerService({
    store: parts.store, queue: parts.queue, inventory, logger: parts.logger, timeoutMs: config.fetchTimeoutMs,
    complete: (campaignId) => parts.lifecycle.complete(campaignId),
    ...(parts.settleForeignFailure ? { settleForeignFailure: parts.settleForeignFailure } : {}),
    deadLetteredSince: async (jobId, at) => {
      const letter = await parts.store.deadLetters.getByJobId(jobId);
      return letter !== null && letter.deadAt.getTime() >= at.getTime();
    },
    // A record younger than one interval may belong to a job still on its way into the queue.
    graceMs: Math.max(config.reconcileIntervalMs, 5_000),
  });
  const runner = new ReconcileRunner({
    connection: parts.connection, prefix: config.queuePrefix, intervalMs: config.reconcileIntervalMs, pass: () => service.reconcileAll(), logger: parts.logger,
  });
  parts.closer.add('reconciler', () => runner.close());
  runner.start();
  return runner;
}
