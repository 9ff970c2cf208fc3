import { z } from 'zod';
import { bool, int, list, type ConfigEntry } from './config-kit.js';
import { allowedHostEntryProblem } from '../domain/allowed-private-hosts.js';
import { hashTaggedPrefix, redisUrlProblem } from './redis-url.js';
import { API_SECURITY_CONFIG } from './sections/api-security.config.js';
import { POLITENESS_CONFIG } from './sections/politeness.config.js';
import { RELIABILITY_CONFIG } from './sections/reliability.config.js';
import { QUEUES_CONFIG } from './sections/queues.config.js';
import { EVENTS_CONFIG } from './sections/events.config.js';
import { OBSERVABILITY_CONFIG } from './sections/observability.config.js';
import { HEALTH_CONFIG } from './sections/health.config.js';
import { CLI_CONFIG } from './sections/cli.config.js';

export type { ConfigEntry } from './config-kit.js';

/** REDIS_URL: one redis:// or rediss:// URL, or a comma-separated list of cluster seed nodes. */
const redisUrlSchema = z.string().superRefine((value, ctx) => {
  const problem = redisUrlProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** TRAWL_ALLOWED_PRIVATE_HOSTS: a list whose every entry is a host, host:port, IP or CIDR. */
const allowedHostList = list.superRefine((entries, ctx) => {
  for (const entry of entries) {
    const problem = allowedHostEntryProblem(entry);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }
});

/**
 * The configuration table: every setting trawl reads, its environment
 * variable, default and meaning. Units are in the names. Nothing else in
 * trawl reads `process.env`. Large topics keep their rows in sections/,
 * spread into this one table.
 */
export const CONFIG_TABLE = {
  port: { env: 'PORT', default: '4000', schema: int(0, 65535), description: 'HTTP port of the API (GraphQL, GraphiQL, WebSocket)' },
  host: { env: 'HOST', default: '127.0.0.1', schema: z.string().min(1), description: 'Interface the API listens on' },
  redisUrl: {
    env: 'REDIS_URL', default: undefined, schema: redisUrlSchema.optional(),
    description: 'Redis for the queues; when unset, single-machine mode starts a private redis-server. A comma-separated list of nodes (`redis://h1:7000,h2:7001`) names the seed nodes of a Redis Cluster',
  },
  redisCluster: {
    env: 'TRAWL_REDIS_CLUSTER', default: 'false', schema: bool,
    description: 'Treat REDIS_URL as a Redis Cluster even when it names a single seed node (a REDIS_URL listing several nodes always is one)',
  },
  store: { env: 'TRAWL_STORE', default: 'sqlite', schema: z.enum(['sqlite', 'mongo']), description: 'Storage adapter: embedded SQLite or MongoDB' },
  mongoUrl: {
    env: 'MONGO_URL', default: 'mongodb://127.0.0.1:27017/trawl', schema: z.string().regex(/^mongodb(\+srv)?:\/\//, 'a mongodb:// URL'),
    description: 'MongoDB connection string (TRAWL_STORE=mongo)',
  },
  dataDir: { env: 'TRAWL_DATA_DIR', default: './data', schema: z.string().min(1), description: 'Folder for the SQLite file and the private Redis' },
  sqliteCommitWindowMs: {
    env: 'TRAWL_SQLITE_COMMIT_WINDOW_MS', default: '10', schema: int(0, 1000),
    description: 'SQLite store: finished product jobs of one process are committed together within this window (one transaction, each job in its own savepoint); 0 commits on the next event-loop turn',
  },
  workerConcurrency: { env: 'TRAWL_WORKER_CONCURRENCY', default: '4', schema: int(1, 1000), description: 'Jobs one worker process runs at once' },
  inProcessWorkers: {
    env: 'TRAWL_IN_PROCESS_WORKERS', default: 'true', schema: bool,
    description: 'Single-machine mode (`trawl up`) runs workers inside the API process',
  },
  queuePrefix: {
    env: 'TRAWL_QUEUE_PREFIX', default: '{trawl}', schema: z.string().regex(/^[\w{}:-]+$/).transform(hashTaggedPrefix),
    description: 'Redis key prefix of every queue; a prefix without a `{hash tag}` is wrapped in one (`app` -> `{app}`) so that all queue keys share one Redis Cluster slot',
  },
  fetchTimeoutMs: { env: 'TRAWL_FETCH_TIMEOUT_MS', default: '30000', schema: int(100, 600_000), description: 'Time limit of one page fetch' },
  connectTimeoutMs: { env: 'TRAWL_CONNECT_TIMEOUT_MS', default: '10000', schema: int(100, 600_000), description: 'Time limit of opening one connection (DNS, TCP, TLS)' },
  readIdleTimeoutMs: {
    env: 'TRAWL_READ_IDLE_TIMEOUT_MS', default: '15000', schema: int(100, 600_000),
    description: 'Longest silence from a server, waiting for headers or between body bytes, before a fetch fails with TIMEOUT',
  },
  maxPageBytes: { env: 'TRAWL_MAX_PAGE_BYTES', default: '5242880', schema: int(1024, 100_000_000), description: 'Largest page body trawl reads' },
  rateLimitDelayMs: {
    env: 'TRAWL_RATE_LIMIT_DELAY_MS', default: '1000', schema: int(0, 600_000),
    description: 'Default spacing of a single job\'s requests to one site, shared by all workers',
  },
  campaignRateLimitDelayMs: {
    env: 'TRAWL_CAMPAIGN_RATE_LIMIT_DELAY_MS', default: '2000', schema: int(0, 600_000),
    description: 'Default spacing of a campaign\'s requests to its site, shared by all workers (a campaign may set its own)',
  },
  siteIntelligenceMaxAgeMs: {
    env: 'TRAWL_SITE_INTELLIGENCE_MAX_AGE_MS', default: String(7 * 24 * 3600 * 1000), schema: int(0, 365 * 24 * 3600 * 1000),
    description: 'How long learned site intelligence (platform, menu, robots.txt, sitemaps) is reused',
  },
  maxCategoryPages: {
    env: 'TRAWL_MAX_CATEGORY_PAGES', default: '200', schema: int(1, 100_000),
    description: 'Listing pages one category or search job follows at most, unless a campaign sets its own cap',
  },
  pausedRecheckMs: {
    env: 'TRAWL_PAUSED_RECHECK_MS', default: '2000', schema: int(100, 600_000),
    description: 'How often a job of a paused campaign looks again whether it may run',
  },
  chromiumPath: { env: 'TRAWL_CHROMIUM_PATH', default: '/usr/bin/chromium', schema: z.string().min(1), description: 'Chromium binary for rendering and navigation jobs (launched on first use)' },
  browserMaxPages: { env: 'TRAWL_BROWSER_MAX_PAGES', default: '2', schema: int(1, 64), description: 'Browser pages one worker process renders at once (more wait in line)' },
  navigationStepTimeoutMs: {
    env: 'TRAWL_NAVIGATION_STEP_TIMEOUT_MS', default: '15000', schema: int(100, 600_000),
    description: 'Time limit of a navigation step that sets none of its own',
  },
  userAgent: {
    env: 'TRAWL_USER_AGENT', default: 'Mozilla/5.0 (compatible; trawl/0.1)', schema: z.string().min(1),
    description: 'User-Agent header of every fetch',
  },
  allowPrivateNetwork: {
    env: 'TRAWL_ALLOW_PRIVATE_NETWORK', default: 'false', schema: bool,
    description: 'Allow every loopback, private and link-local target (cloud metadata stays refused unless listed in TRAWL_ALLOWED_PRIVATE_HOSTS)',
  },
  allowedPrivateHosts: {
    env: 'TRAWL_ALLOWED_PRIVATE_HOSTS', default: '', schema: allowedHostList,
    description: 'Comma-separated host names, host:port, IPs or CIDRs (`10.0.0.0/8`, `fd00::/8`) allowed despite being private; checked on the address connected to',
  },
  maxRequestBytes: { env: 'TRAWL_MAX_REQUEST_BYTES', default: '1048576', schema: int(1024, 100_000_000), description: 'Largest GraphQL/REST request body' },
  shutdownTimeoutMs: { env: 'TRAWL_SHUTDOWN_TIMEOUT_MS', default: '30000', schema: int(0, 600_000), description: 'How long shutdown waits for active jobs' },
  logLevel: {
    env: 'LOG_LEVEL', default: 'info', schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    description: 'Log level',
  },
  redisServerBin: { env: 'TRAWL_REDIS_SERVER_BIN', default: 'redis-server', schema: z.string().min(1), description: 'redis-server binary for single-machine mode' },
  ...POLITENESS_CONFIG,
  ...API_SECURITY_CONFIG,
  ...RELIABILITY_CONFIG,
  ...QUEUES_CONFIG,
  ...EVENTS_CONFIG,
  ...OBSERVABILITY_CONFIG,
  ...HEALTH_CONFIG,
  ...CLI_CONFIG,
} as const satisfies Record<string, ConfigEntry>;

type Table = typeof CONFIG_TABLE;
export type Config = { [K in keyof Table]: z.output<Table[K]['schema']> };
