import type { ConfigEntry } from '../config-kit.js';

/** API keys, query limits and what the API exposes. */
export const API_SECURITY_CONFIG = {
} as const satisfies Record<string, ConfigEntry>;
