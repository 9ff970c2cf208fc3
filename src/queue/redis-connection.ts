import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { isClusterTarget, parseRedisNodes, type RedisNode } from '../config/redis-url.js';

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

/** A connection to a standalone Redis or to a Redis Cluster; every adapter under src/queue takes either. */
export type RedisClient = Redis | Cluster;

/** Where Redis is: REDIS_URL (one node, or cluster seed nodes) and whether it is a cluster (TRAWL_REDIS_CLUSTER). */
export interface RedisTarget {
  url: string;
  cluster: boolean;
}

/** A target from REDIS_URL and TRAWL_REDIS_CLUSTER; a URL listing several nodes is a cluster. */
export function redisTarget(url: string, cluster = false): RedisTarget {
  return { url, cluster: isClusterTarget(url, cluster) };
}

/**
 * The same role options for a cluster: the reconnect strategy and the offline
 * queue are the cluster's own options, the rest apply to each node connection
 * (BullMQ reads `maxRetriesPerRequest` from `redisOptions`). Credentials and
 * TLS of the first seed apply to every node the cluster reports.
 */
export function clusterOptions(role: ConnectionRole, seed: RedisNode): ClusterOptions {
  const { retryStrategy: _retry, enableOfflineQueue, lazyConnect, reconnectOnError: _failover, ...node } = redisOptions(role);
  return {
    clusterRetryStrategy: reconnectDelayMs,
    enableOfflineQueue,
    lazyConnect,
    enableReadyCheck: true,
    redisOptions: {
      ...node,
      ...(seed.username ? { username: seed.username } : {}),
      ...(seed.password ? { password: seed.password } : {}),
      // Cluster nodes announce IPs; TLS certificates name hosts, so TLS keeps the names it was given.
      ...(seed.tls ? { tls: {} } : {}),
    },
    ...(seed.tls ? { dnsLookup: (address: string, callback: (err: null, address: string) => void) => callback(null, address) } : {}),
  };
}

/**
 * A connection of the given role. Connection errors while Redis is away reach
 * callers through their failing (producer) or waiting (worker, events)
 * commands; the listener keeps them from being "unhandled" and tells `onError`.
 * A bare URL string means a standalone Redis unless it lists several nodes.
 */
export function createRedis(target: RedisTarget | string, role: ConnectionRole, onError?: (error: Error) => void): RedisClient {
  const { url, cluster } = typeof target === 'string' ? redisTarget(target) : target;
  let redis: RedisClient;
  if (cluster) {
    const nodes = parseRedisNodes(url);
    redis = new Cluster(nodes.map(({ host, port }) => ({ host, port })), clusterOptions(role, nodes[0]!));
  } else {
    redis = new Redis(url, redisOptions(role));
  }
  redis.on('error', (error: Error) => onError?.(error));
  return redis;
}

/** A new connection with the same target and options (for a subscriber or a blocking reader). */
export function duplicateRedis(redis: RedisClient): RedisClient {
  // Narrowed per class: the two `duplicate` signatures differ, so the union has no callable one.
  return redis instanceof Cluster ? redis.duplicate() : redis.duplicate();
}

/** The master nodes of a cluster (each holds part of the data), or the one server. */
export function serversOf(redis: RedisClient): Redis[] {
  return redis instanceof Cluster ? redis.nodes('master') : [redis];
}

/** Resolves once the connection is ready (needed before using a fail-fast producer connection). */
export async function whenReady(redis: RedisClient, timeoutMs = 15_000): Promise<void> {
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
