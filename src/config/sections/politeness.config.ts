import type { ConfigEntry } from '../config-kit.js';

/** Per-domain politeness shared by every worker. */
export const POLITENESS_CONFIG = {
} as const satisfies Record<string, ConfigEntry>;
