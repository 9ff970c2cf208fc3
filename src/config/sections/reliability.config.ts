import type { ConfigEntry } from '../config-kit.js';

/** Dead letters, stalled jobs, reconciliation and store outages. */
export const RELIABILITY_CONFIG = {
} as const satisfies Record<string, ConfigEntry>;
