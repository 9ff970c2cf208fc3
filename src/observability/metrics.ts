import { Registry, collectDefaultMetrics } from 'prom-client';
import type { AttemptOutcome, Telemetry } from '../domain/ports/telemetry.port.js';
import type { QueueAdmin } from '../domain/ports/job-queue.port.js';
import { PromTelemetry } from './prom-telemetry.js';
import { CachedQueueStats, registerQueueGauges } from './queue-gauges.js';
import { registerSuccessGauges, type SuccessSource } from './success-gauges.js';
import { registerWorkerGauges, type WorkerLoad } from './worker-gauges.js';

export interface MetricsOptions {
  /** Distinct sites with their own `domain` label; the rest are "other". Default 50. */
  maxDomains?: number;
}

/**
 * The process's Prometheus registry: Node.js process defaults (event-loop
 * lag included), the domain's telemetry, and the gauges a process adds for
 * what it can see (queues, its workers, success metrics). Every series has a
 * `role` label (api or worker). Rendered by GET /metrics of the API and of
 * the worker HTTP server.
 */
export class Metrics {
  readonly registry = new Registry();
  /** The telemetry port for domain services, workers and the fetcher. */
  readonly telemetry: Telemetry;
  private queuesWatched = false;

  constructor(role: string, options: MetricsOptions = {}) {
    this.registry.setDefaultLabels({ role });
    collectDefaultMetrics({ register: this.registry, prefix: 'trawl_' });
    // Gauges named *_total break Prometheus naming rules (promtool); the per-type gauges they sum stay.
    for (const name of ['handles', 'requests', 'resources']) this.registry.removeSingleMetric(`trawl_nodejs_active_${name}_total`);
    this.telemetry = new PromTelemetry(this.registry, options.maxDomains ?? 50);
  }

  /** Records a finished job attempt (kept for callers of the first metrics API; same as telemetry.jobAttempt). */
  recordAttempt(type: string, outcome: AttemptOutcome, durationMs: number): void {
    this.telemetry.jobAttempt(type, outcome, durationMs);
  }

  /** Adds queue depth gauges read from `admin` when scraped, at most once per `cacheMs`. Once per process. */
  watchQueues(admin: Pick<QueueAdmin, 'stats'>, cacheMs: number): void {
    if (this.queuesWatched) return;
    this.queuesWatched = true;
    registerQueueGauges(this.registry, new CachedQueueStats(admin, cacheMs));
  }

  /** Adds this worker process's busy ratio, active jobs and concurrency. */
  watchWorkers(load: WorkerLoad, windowSeconds: number): void {
    registerWorkerGauges(this.registry, load, windowSeconds);
  }

  /** Adds the success metrics gauges over `windowMinutes`. */
  watchSuccess(source: SuccessSource, windowMinutes: number, cacheMs: number): void {
    registerSuccessGauges(this.registry, source, windowMinutes, cacheMs);
  }

  contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
