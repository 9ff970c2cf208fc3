import { z } from 'zod';
import type { ConfigEntry } from '../config-kit.js';
import { bool, int, list } from '../config-kit.js';

const HOUR_MS = 3_600_000;

/** Per-domain politeness shared by every worker. */
export const POLITENESS_CONFIG = {
  domainMaxConcurrency: {
    env: 'TRAWL_DOMAIN_MAX_CONCURRENCY', default: '2', schema: int(0, 1000),
    description: 'Requests in flight to one site at once, all workers on all machines together (0: no cap)',
  },
  domainMaxRequests: {
    env: 'TRAWL_DOMAIN_MAX_REQUESTS', default: '0', schema: int(0, 1_000_000),
    description: 'Requests to one site per TRAWL_DOMAIN_INTERVAL_MS (sliding window), all workers together (0: no cap)',
  },
  domainIntervalMs: {
    env: 'TRAWL_DOMAIN_INTERVAL_MS', default: '60000', schema: int(1, 24 * HOUR_MS),
    description: 'Window of TRAWL_DOMAIN_MAX_REQUESTS',
  },
  domainLeaseMs: {
    env: 'TRAWL_DOMAIN_LEASE_MS', default: '120000', schema: int(1_000, 24 * HOUR_MS),
    description: 'A concurrency slot not given back within this time (a killed worker) is freed',
  },
  respectRobots: {
    env: 'TRAWL_RESPECT_ROBOTS', default: 'true', schema: bool,
    description: 'Obey robots.txt (RFC 9309, with Crawl-delay) before every page fetch; a job may also opt out with respectRobotsTxt: false',
  },
  robotsCacheTtlMs: {
    env: 'TRAWL_ROBOTS_CACHE_TTL_MS', default: String(24 * HOUR_MS), schema: int(1_000, 30 * 24 * HOUR_MS),
    description: 'How long a site\'s robots.txt, fetched once and kept in Redis, is shared by every worker',
  },
  robotsRetryMs: {
    env: 'TRAWL_ROBOTS_RETRY_MS', default: '300000', schema: int(1_000, 24 * HOUR_MS),
    description: 'How long an unreachable robots.txt (5xx, 429, network error) keeps the whole site disallowed before it is fetched again',
  },
  breakerThreshold: {
    env: 'TRAWL_BREAKER_THRESHOLD', default: '3', schema: int(1, 1000),
    description: 'Blocks in a row (429, 403, challenge page) that open a site\'s circuit breaker',
  },
  breakerBaseMs: {
    env: 'TRAWL_BREAKER_BASE_MS', default: '30000', schema: int(1, 24 * HOUR_MS),
    description: 'First open period of a site\'s circuit breaker (doubling on each reopening; never shorter than Retry-After); also the least hold after a single block',
  },
  breakerMaxMs: {
    env: 'TRAWL_BREAKER_MAX_MS', default: String(HOUR_MS), schema: int(1, 7 * 24 * HOUR_MS),
    description: 'Longest open period of a site\'s circuit breaker',
  },
  proxyUrls: {
    env: 'TRAWL_PROXY_URLS', default: '', schema: list.pipe(z.array(z.url({ protocol: /^https?$/ }))),
    description: 'Comma-separated http(s) proxy URLs requests go through (empty: direct); a site that blocks moves to the next proxy',
  },
  politenessSleepMaxMs: {
    env: 'TRAWL_POLITENESS_SLEEP_MAX_MS', default: '2000', schema: int(0, 600_000),
    description: 'Politeness waits up to this long are slept in the worker; longer ones put the job back in the delayed set without spending an attempt',
  },
} as const satisfies Record<string, ConfigEntry>;
