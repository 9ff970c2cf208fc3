import { Gauge, type Registry } from 'prom-client';
import type { SuccessMetrics } from '../domain/services/success-metrics.service.js';

/** Computes the success metrics (SuccessMetricsService). */
export interface SuccessSource {
  compute(windowMinutes: number): Promise<SuccessMetrics>;
}

type NumericField = { [K in keyof SuccessMetrics]: SuccessMetrics[K] extends number | null ? K : never }[keyof SuccessMetrics];

/** Each gauge and the field it shows (ms fields are exported in seconds, booleans as 0/1). */
const GAUGES: { name: string; help: string; field: NumericField | 'depthStable'; scale?: number }[] = [
  { name: 'trawl_success_products_per_minute', help: 'Products stored per minute over the window', field: 'productsPerMinute' },
  { name: 'trawl_success_rate_ratio', help: 'Jobs completed / (completed + failed for good) over the window', field: 'successRate' },
  { name: 'trawl_success_queue_time_mean_seconds', help: 'Mean enqueue-to-finish time of recently completed jobs', field: 'queueTimeMeanMs', scale: 1 / 1000 },
  { name: 'trawl_success_queue_time_p95_seconds', help: '95th percentile enqueue-to-finish time of recently completed jobs', field: 'queueTimeP95Ms', scale: 1 / 1000 },
  { name: 'trawl_success_worker_utilization_ratio', help: 'Active jobs / job slots of the live workers', field: 'workerUtilization' },
  { name: 'trawl_success_drain_rate_per_minute', help: 'Jobs finished per minute over the window', field: 'drainRatePerMinute' },
  { name: 'trawl_success_fill_rate_per_minute', help: 'Jobs arriving per minute over the window (drained plus depth growth)', field: 'fillRatePerMinute' },
  { name: 'trawl_success_depth_stable', help: 'Whether the queues drain at least as fast as they fill (1) or not (0)', field: 'depthStable' },
];

/**
 * The seed's success metrics as gauges over a `windowMinutes` window, computed
 * at most once per `cacheMs` when scraped; a metric without a value (no job
 * finished yet) is left out, as is everything when the computation fails.
 */
export function registerSuccessGauges(registry: Registry, source: SuccessSource, windowMinutes: number, cacheMs: number): void {
  let last: { at: number; value: Promise<SuccessMetrics | undefined> } | undefined;
  const current = (): Promise<SuccessMetrics | undefined> => {
    if (!last || Date.now() - last.at >= cacheMs) last = { at: Date.now(), value: source.compute(windowMinutes).catch(() => undefined) };
    return last.value;
  };
  for (const { name, help, field, scale } of GAUGES) {
    new Gauge({
      name, help: `${help} (last ${windowMinutes} min)`, registers: [registry],
      async collect() {
        this.reset();
        const metrics = await current();
        const value = metrics?.[field];
        if (value === undefined || value === null) return;
        this.set(typeof value === 'boolean' ? Number(value) : value * (scale ?? 1));
      },
    });
  }
}
