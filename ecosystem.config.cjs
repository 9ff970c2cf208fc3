// PM2 recipe: one API and several worker processes on one machine, sharing one Redis.
// Usage (deploy/README.md): npm run build && REDIS_URL=redis://127.0.0.1:6379 pm2 start ecosystem.config.cjs
// Checked by test/deploy/pm2.test.ts (static rules, PM2's own schema, and a real `pm2 start`).
'use strict';

/** Worker processes on this machine; each runs TRAWL_WORKER_CONCURRENCY jobs at once. */
const WORKERS = Number(process.env.TRAWL_PM2_WORKERS || 3);
/** How long a stopping process waits for its active jobs (trawl's TRAWL_SHUTDOWN_TIMEOUT_MS). */
const SHUTDOWN_TIMEOUT_MS = Number(process.env.TRAWL_SHUTDOWN_TIMEOUT_MS || 30000);
/** First worker's health/metrics port; PM2 adds 1 for each further worker (increment_var). */
const FIRST_WORKER_PORT = Number(process.env.TRAWL_WORKER_PORT || 9464);
/**
 * V8 old-space ceiling of each worker in MB. Without one, V8 sizes the heap from the machine's
 * memory and lets a busy worker grow far past what it needs between collections.
 */
const WORKER_HEAP_MB = Number(process.env.TRAWL_PM2_WORKER_HEAP_MB || 1024);

// Shared by every process. PM2 also passes its own environment, so REDIS_URL, MONGO_URL, TRAWL_API_KEYS
// and any other trawl variable set in the shell reach the processes as well.
const shared = {
  NODE_ENV: 'production',
  // A Redis every process shares: without it each process would start a private one.
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  TRAWL_STORE: process.env.TRAWL_STORE || 'sqlite',
  TRAWL_QUEUE_PREFIX: process.env.TRAWL_QUEUE_PREFIX || '{trawl}',
  TRAWL_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
  TRAWL_LOG_FORMAT: 'json',
};

// trawl stops itself TRAWL_SHUTDOWN_TIMEOUT_MS + 5 s after SIGTERM; PM2 waits longer before SIGKILL.
const killTimeoutMs = SHUTDOWN_TIMEOUT_MS + 10000;

module.exports = {
  apps: [
    {
      name: 'trawl-api',
      script: 'dist/src/cli/main.js',
      args: 'api',
      cwd: __dirname,
      exec_mode: 'fork',
      instances: 1,
      // `trawl api` runs no workers in its process: the trawl-worker processes take the jobs.
      env: { ...shared },
      kill_signal: 'SIGTERM',
      kill_timeout: killTimeoutMs,
      max_restarts: 10,
      restart_delay: 2000,
    },
    {
      name: 'trawl-worker',
      script: 'dist/src/cli/main.js',
      args: 'worker',
      node_args: [`--max-old-space-size=${WORKER_HEAP_MB}`],
      cwd: __dirname,
      // Fork mode: each worker is its own process with its own port (cluster mode would share one
      // listening socket between them, and the health server of each worker must be told apart).
      exec_mode: 'fork',
      instances: WORKERS,
      // Each instance gets TRAWL_WORKER_PORT = first port + its index (9464, 9465, ...).
      increment_var: 'TRAWL_WORKER_PORT',
      env: { ...shared, TRAWL_WORKER_PORT: String(FIRST_WORKER_PORT) },
      kill_signal: 'SIGTERM',
      kill_timeout: killTimeoutMs,
      max_restarts: 10,
      restart_delay: 2000,
    },
  ],
};
