import { z } from 'zod';
import type { ConfigEntry } from '../config-kit.js';
import { int } from '../config-kit.js';

/** Health probes, the worker process's own HTTP server and the log format. */
export const HEALTH_CONFIG = {
  workerPort: {
    env: 'TRAWL_WORKER_PORT', default: '9464', schema: int(0, 65535),
    description: 'HTTP port of a worker process (`trawl worker`): /health/live, /health/ready and /metrics; 0 picks a free port, and a busy port falls back to a free one (logged and printed)',
  },
  workerHost: {
    env: 'TRAWL_WORKER_HOST', default: '127.0.0.1', schema: z.string().min(1),
    description: 'Interface the worker process\'s HTTP server listens on (it serves health and metrics only, without API keys: open it beyond loopback on a trusted network only)',
  },
  readyStallMs: {
    env: 'TRAWL_READY_STALL_MS', default: '300000', schema: int(1000, 86_400_000),
    description: 'Readiness fails when jobs have been waiting this long and no job finished meanwhile (API), or this worker took none while it had free slots (worker); set it above the longest job',
  },
  workerHeartbeatStaleMs: {
    env: 'TRAWL_WORKER_HEARTBEAT_STALE_MS', default: '12000', schema: int(500, 3_600_000),
    description: 'A worker whose last heartbeat is older than this counts as not live in readiness checks',
  },
  logFormat: {
    env: 'TRAWL_LOG_FORMAT', default: 'auto', schema: z.enum(['auto', 'pretty', 'json']),
    description: 'Log lines: `json` (one JSON object per line), `pretty` (one compact human line per record) or `auto` (pretty when stdout is a terminal, JSON otherwise)',
  },
} as const satisfies Record<string, ConfigEntry>;
