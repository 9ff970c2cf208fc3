import { z } from 'zod';
import type { ConfigEntry } from '../config-kit.js';
import { int } from '../config-kit.js';

/** The terminal commands (`trawl crawl`, `trawl stats`). */
export const CLI_CONFIG = {
  progressIntervalMs: {
    env: 'TRAWL_PROGRESS_INTERVAL_MS', default: '10000', schema: int(100, 3_600_000),
    description: '`trawl crawl` outside a terminal: how often it prints a progress line (a terminal gets a redrawn bar instead; `--interval-ms` overrides)',
  },
  cliLogLevel: {
    env: 'TRAWL_CLI_LOG_LEVEL', default: 'warn', schema: z.enum(['error', 'warn', 'info', 'debug', 'silent']),
    description: 'Log level of `trawl crawl` and `trawl stats` (their logs go to stderr as JSON lines, apart from the progress on stdout)',
  },
} as const satisfies Record<string, ConfigEntry>;
