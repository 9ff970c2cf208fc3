import type { RedisClient } from '../queue/redis-connection.js';
import type { Config } from '../config/config.schema.js';
import type { Store } from '../domain/ports/storage.port.js';
import { SuccessMetricsService } from '../domain/services/success-metrics.service.js';
import type { Metrics } from '../observability/metrics.js';
import type { BullmqJobQueue } from '../queue/bullmq-job-queue.js';
import { BullmqQueueAdmin } from '../queue/bullmq-queue-admin.js';
import { BullmqQueueHistory } from '../queue/bullmq-queue-history.js';
import { RedisWorkerRegistry } from '../queue/redis-worker-registry.js';
import type { WorkerHost } from '../workers/worker-host.js';

/** The API process's metrics beyond its own: queue depth and the success metrics gauges. Returns the service behind `successMetrics`. */
export function observeApi(metrics: Metrics, config: Config, deps: { store: Store; queue: BullmqJobQueue; connection: RedisClient }): SuccessMetricsService {
  const admin = new BullmqQueueAdmin(deps.queue, deps.connection, config.queuePrefix);
  const success = new SuccessMetricsService({
    store: deps.store, history: new BullmqQueueHistory(deps.queue), queues: admin, workers: new RedisWorkerRegistry(deps.connection, config.queuePrefix),
  });
  metrics.watchQueues(admin, config.metricsQueueCacheMs);
  metrics.watchSuccess(success, config.successWindowMinutes, config.successCacheMs);
  return success;
}

/** A worker process's metrics beyond the telemetry: its load and the queue depth. */
export function observeWorkers(metrics: Metrics, config: Config, deps: { host: WorkerHost; queue: BullmqJobQueue; connection: RedisClient }): void {
  metrics.watchWorkers({ concurrency: config.workerConcurrency, activeJobs: () => deps.host.activeJobs(), busyRatio: () => deps.host.busyRatio() }, Math.round(config.busyWindowMs / 1000));
  metrics.watchQueues(new BullmqQueueAdmin(deps.queue, deps.connection, config.queuePrefix), config.metricsQueueCacheMs);
}
