import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../config/config.schema.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { QueueStats } from '../domain/ports/job-queue.port.js';
import type { WorkerInfo } from '../domain/ports/worker-registry.port.js';
import { BullmqJobQueue } from '../queue/bullmq-job-queue.js';
import { BullmqQueueAdmin } from '../queue/bullmq-queue-admin.js';
import { createRedis, redisTarget, whenReady } from '../queue/redis-connection.js';
import { RedisWorkerRegistry } from '../queue/redis-worker-registry.js';

/** Read-only view of the queues and the live workers, for `trawl stats`. */
export interface QueueMonitor {
  redisUrl: string;
  stats(): Promise<QueueStats[]>;
  workers(): Promise<WorkerInfo[]>;
  /** Idempotent. */
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 5_000;

/** Opens the queues of REDIS_URL, or of the private Redis a `trawl up` runs on the data dir. */
export async function openQueueMonitor(config: Config, logger: Logger): Promise<QueueMonitor> {
  const redisUrl = config.redisUrl ?? (await privateRedisUrl(config.dataDir));
  const connection = createRedis(redisTarget(redisUrl, config.redisCluster && config.redisUrl !== undefined), 'producer');
  const queue = new BullmqJobQueue({ connection, prefix: config.queuePrefix, logger });
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await queue.close().catch(() => undefined);
    connection.disconnect();
  };
  try {
    await whenReady(connection, CONNECT_TIMEOUT_MS);
    await queue.start();
  } catch (error) {
    await close();
    throw new Error(`Cannot reach Redis at ${redisUrl}: ${(error as Error).message}`);
  }
  const admin = new BullmqQueueAdmin(queue, connection, config.queuePrefix);
  const registry = new RedisWorkerRegistry(connection, config.queuePrefix);
  return { redisUrl, stats: () => admin.stats(), workers: () => registry.list(), close };
}

/** The port of the private redis-server under the data dir, from the last start its log records. */
async function privateRedisUrl(dataDir: string): Promise<string> {
  const log = join(resolve(dataDir), 'redis', 'redis.log');
  const text = await readFile(log, 'utf8').catch(() => '');
  const ports = [...text.matchAll(/Running mode=\w+, port=(\d+)/g)];
  const port = ports.at(-1)?.[1];
  if (!port) {
    throw new Error(`REDIS_URL is not set and no private Redis has run under ${resolve(dataDir)}: set REDIS_URL, or start \`trawl up\` with this TRAWL_DATA_DIR`);
  }
  return `redis://127.0.0.1:${port}`;
}
