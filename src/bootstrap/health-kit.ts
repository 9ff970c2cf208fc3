import { invalidInput } from '../domain/errors.js';
import type { RedisClient } from '../queue/redis-connection.js';
import type { Config } from '../config/config.schema.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { Store } from '../domain/ports/storage.port.js';
import { HealthService } from '../domain/services/health.service.js';
import { liveWorkersCheck, ownHeartbeatCheck, pingCheck, progressCheck, workerLoopCheck, type JobStarts } from '../domain/services/health-checks.js';
import type { Metrics } from '../observability/metrics.js';
import { ALL_QUEUES } from '../queue/queue-names.js';
import { RedisQueueBacklog } from '../queue/redis-queue-backlog.js';
import { RedisWorkerRegistry } from '../queue/redis-worker-registry.js';
import { WorkerHttpServer } from '../server/worker-http.js';
import type { WorkerHost } from '../workers/worker-host.js';
import type { Closer } from './closer.js';

type HealthConfig = Pick<Config, 'queuePrefix' | 'readyStallMs' | 'workerHeartbeatStaleMs'>;

/** The API's readiness: Redis, store and queue answer, some worker is live, waiting jobs get done. */
export function apiHealth(config: HealthConfig, producer: RedisClient, store: Store, queue: { ping(): Promise<void> }): HealthService {
  const backlog = new RedisQueueBacklog(producer, config.queuePrefix);
  const registry = new RedisWorkerRegistry(producer, config.queuePrefix);
  return new HealthService({
    checks: [
      pingCheck('redis', () => producer.ping()),
      pingCheck('store', () => store.ping()),
      pingCheck('queue', () => queue.ping()),
      liveWorkersCheck({ registry, backlog, staleMs: config.workerHeartbeatStaleMs }),
      progressCheck({ backlog, stallMs: config.readyStallMs }),
    ],
  });
}

export interface WorkerHttpDeps {
  config: HealthConfig & Pick<Config, 'workerPort' | 'workerHost' | 'workerConcurrency'>;
  /** The worker process's command connection. */
  connection: RedisClient;
  store: Store;
  host: WorkerHost;
  starts: JobStarts;
  metrics: Metrics;
  logger: Logger;
  closer: Closer;
}

/** A worker process's own HTTP server (health and metrics); returns its URL. */
export async function startWorkerHttp(deps: WorkerHttpDeps): Promise<string> {
  const { config, connection, host, starts } = deps;
  const registry = new RedisWorkerRegistry(connection, config.queuePrefix);
  const backlog = new RedisQueueBacklog(connection, config.queuePrefix);
  const health = new HealthService({
    checks: [
      pingCheck('redis', () => connection.ping()),
      pingCheck('store', () => deps.store.ping()),
      ownHeartbeatCheck({ registry, workerId: () => host.workerId, staleMs: config.workerHeartbeatStaleMs }),
      workerLoopCheck({
        loop: { lastStartedAt: () => starts.lastStartedAt(), activeJobs: () => host.activeJobs(), capacity: config.workerConcurrency * ALL_QUEUES.length },
        backlog, stallMs: config.readyStallMs,
      }),
    ],
  });
  const server = new WorkerHttpServer({ health, metrics: deps.metrics, logger: deps.logger });
  deps.closer.add('worker http server', () => server.close());
  const url = await server.start(config.workerPort, config.workerHost).catch((error: unknown) => {
    throw listenError(error, config.workerHost, config.workerPort);
  });
  deps.logger.info({ url }, 'worker health and metrics listening');
  return url;
}

/**
 * A worker's HTTP server that cannot listen names the setting to change: a
 * machine without loopback (or a taken port) must not end in a bare EADDRNOTAVAIL.
 */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return invalidInput('TRAWL_WORKER_PORT', `the worker's health and metrics port ${host}:${port} is already in use; set TRAWL_WORKER_PORT to a free port (each worker process on a machine needs its own)`);
  if (code === 'EADDRNOTAVAIL' || code === 'EACCES' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return invalidInput('TRAWL_WORKER_HOST', `the worker cannot listen on ${host}:${port} (${String(code)}); set TRAWL_WORKER_HOST to an address of this machine (0.0.0.0 for all) and TRAWL_WORKER_PORT to a port it may use`);
  }
  return error;
}
