import { Redis, type RedisOptions } from 'ioredis';

/**
 * Who uses a connection decides how it behaves when Redis goes away (BullMQ's
 * production guide): workers and event listeners retry every command forever
 * (`maxRetriesPerRequest: null`); producers serving API calls fail fast
 * (`enableOfflineQueue: false`) so a request gets an error instead of hanging.
 */
export type ConnectionRole = 'producer' | 'worker' | 'events';

/** Reconnect with exponential backoff capped at 10 s, forever. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(10_000, 100 * 2 ** Math.min(attempt, 10));
}

export function redisOptions(role: ConnectionRole): RedisOptions {
  const common: RedisOptions = { retryStrategy: reconnectDelayMs, connectionName: `trawl-${role}`, lazyConnect: false };
  return role === 'producer'
    ? { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1 }
    : { ...common, enableOfflineQueue: true, maxRetriesPerRequest: null };
}

export function createRedis(url: string, role: ConnectionRole): Redis {
  return new Redis(url, redisOptions(role));
}

/** Resolves once the connection is ready (needed before using a fail-fast producer connection). */
export async function whenReady(redis: Redis, timeoutMs = 15_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis not ready after ${timeoutMs} ms (status ${redis.status})`));
    }, timeoutMs);
    const onReady = (): void => {
      cleanup();
      resolve();
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}
