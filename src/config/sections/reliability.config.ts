import type { ConfigEntry } from '../config-kit.js';
import { int } from '../config-kit.js';

/** Dead letters, stalled jobs, reconciliation and store outages. */
export const RELIABILITY_CONFIG = {
  lockDurationMs: {
    env: 'TRAWL_LOCK_DURATION_MS', default: '30000', schema: int(5_000, 600_000),
    description: 'Lock of an active job, renewed every half of it; a killed worker\'s jobs go back to the queue at the first stalled-job check after it expires',
  },
  stalledIntervalMs: {
    env: 'TRAWL_STALLED_INTERVAL_MS', default: '15000', schema: int(1_000, 600_000),
    description: 'How often workers look for jobs whose lock expired (stalled) and put them back in the queue',
  },
  maxStalledCount: {
    env: 'TRAWL_MAX_STALLED_COUNT', default: '2', schema: int(0, 100),
    description: 'Times a job may stall (its worker died) before it fails; the reconciler retries such a job while storage expects it',
  },
  reconcileIntervalMs: {
    env: 'TRAWL_RECONCILE_INTERVAL_MS', default: '60000', schema: int(0, 86_400_000),
    description: 'How often workers compare running campaigns in storage with the jobs Redis holds and re-create lost ones (0: never)',
  },
  storeOutageRetryMs: {
    env: 'TRAWL_STORE_OUTAGE_RETRY_MS', default: '5000', schema: int(0, 600_000),
    description: 'How long a store call retries through an outage (locked, read-only, unreachable) before failing with STORE_UNAVAILABLE',
  },
  deadLetterKeepDays: {
    env: 'TRAWL_DEAD_LETTER_KEEP_DAYS', default: '30', schema: int(0, 3650),
    description: 'How long dead letters (jobs that failed for good, with their failure bundle) are kept (0: forever)',
  },
} as const satisfies Record<string, ConfigEntry>;
