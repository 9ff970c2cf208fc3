import { Redis, type RedisOptions } from 'ioredis';

/**
 * Who uses a connection decides how it behaves when Redis goes away (BullMQ's
 * "Going to production" guide): workers and event listeners retry every
 * command forever (`maxRetriesPerRequest: null`, offline queue on), so a
 * redis-server restart only pauses them; producers serving API calls fail fast
 * (`enableOfflineQueue: false`) so a request gets an error instead of hanging.
 * Every role reconnects by itself, forever, with `reconnectDelayMs`.
 */
export type ConnectionRole = 'producer' | 'worker' | 'events';

/** The guide's reconnect strategy: exponential, at least 1 s and at most 20 s between tries, forever. */
export function reconnectDelayMs(attempt: number): number {
  return Math.max(Math.min(Math.exp(attempt), 20_000), 1_000);
}

/** After a failover the old primary answers writes with READONLY: reconnect (and resend the command) instead of failing. */
export function reconnectOnError(error: Error): boolean | 2 {
  return error.message.startsWith('READONLY') ? 2 : false;
}

export function redisOptions(role: ConnectionRole): RedisOptions {
  const common: RedisOptions = { retryStrategy: reconnectDelayMs, reconnectOnError, connectionName: `trawl-${role}`, lazyConnect: false };
  return role === 'producer'
    ? { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1 }
    : { ...common, enableOfflineQueue: true, maxRetriesPerRequest: null };
}

/**
 * A connection of the given role. Connection errors while Redis is away reach
 * callers through their failing (producer) or waiting (worker, events)
 * commands; the listener keeps them from being "unhandled" and tells `onError`.
 */
export function createRedis(url: string, role: ConnectionRole, onError?: (error: Error) => void): Redis {
  const redis = new Redis(url, redisOptions(role));
  redis.on('error', (error: Error) => onError?.(error));
  return redis;
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
