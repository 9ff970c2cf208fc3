import type { ConfigEntry } from '../config-kit.js';
import { int } from '../config-kit.js';

/** Operating the queues and the worker registry. */
export const QUEUES_CONFIG = {
  workerHeartbeatMs: {
    env: 'TRAWL_WORKER_HEARTBEAT_MS', default: '5000', schema: int(500, 600_000),
    description: 'How often a worker process writes its heartbeat (id, host, concurrency, active jobs) to Redis; a worker that misses three drops out of `workers`',
  },
} as const satisfies Record<string, ConfigEntry>;
