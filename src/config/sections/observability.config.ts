import type { ConfigEntry } from '../config-kit.js';
import { int } from '../config-kit.js';

/** Prometheus metrics and the seed's success metrics. */
export const OBSERVABILITY_CONFIG = {
  metricsMaxDomains: {
    env: 'TRAWL_METRICS_MAX_DOMAINS', default: '50', schema: int(1, 10_000),
    description: 'Sites with their own `domain` label in /metrics, per process (the first seen); traffic to any further site is reported as "other"',
  },
  metricsQueueCacheMs: {
    env: 'TRAWL_METRICS_QUEUE_CACHE_MS', default: '2000', schema: int(0, 600_000),
    description: 'How long /metrics reuses the queue counts it read from Redis',
  },
  busyWindowMs: {
    env: 'TRAWL_BUSY_WINDOW_MS', default: '60000', schema: int(1_000, 3_600_000),
    description: 'Sliding window of a worker process\'s busy ratio (`trawl_worker_busy_ratio`)',
  },
  successWindowMinutes: {
    env: 'TRAWL_SUCCESS_WINDOW_MINUTES', default: '5', schema: int(1, 1_440),
    description: 'Window of the success metrics gauges in /metrics (the successMetrics query takes its own)',
  },
  successCacheMs: {
    env: 'TRAWL_SUCCESS_CACHE_MS', default: '10000', schema: int(0, 600_000),
    description: 'How long /metrics reuses the success metrics it computed',
  },
} as const satisfies Record<string, ConfigEntry>;
