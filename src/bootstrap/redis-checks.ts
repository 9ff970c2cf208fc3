import { serversOf, type RedisClient } from '../queue/redis-connection.js';
import type { Logger } from '../domain/ports/logger.port.js';

/** What trawl needs to know about a Redis server to trust it with jobs. */
export interface RedisDurability {
  /** `maxmemory-policy`; undefined when the server would not say. */
  evictionPolicy: string | undefined;
  /** Append-only file on. */
  aof: boolean | undefined;
  /** RDB snapshots scheduled (`save` not empty); undefined when CONFIG is disabled (managed Redis). */
  rdb: boolean | undefined;
}

function infoField(info: string, field: string): string | undefined {
  return new RegExp(`^${field}:(.*)$`, 'm').exec(info)?.[1]?.trim();
}

/**
 * Reads the eviction policy and persistence of the server, from INFO (always
 * allowed) and CONFIG GET (often renamed or disabled on managed Redis, which
 * is tolerated: the answer is then "unknown"). One server: on a cluster,
 * pass each node (see {@link checkRedisDurability}).
 */
export async function inspectRedis(redis: RedisClient): Promise<RedisDurability> {
  const memory = await redis.info('memory').catch(() => '');
  const persistence = await redis.info('persistence').catch(() => '');
  const aofField = infoField(persistence, 'aof_enabled');
  const save = await (redis.call('CONFIG', 'GET', 'save') as Promise<unknown>).catch(() => undefined);
  const saveValue = Array.isArray(save) && typeof save[1] === 'string' ? save[1] : undefined;
  return {
    evictionPolicy: infoField(memory, 'maxmemory_policy'),
    aof: aofField === undefined ? undefined : aofField === '1',
    rdb: saveValue === undefined ? undefined : saveValue.trim() !== '',
  };
}

/** Why this server may lose jobs, one sentence each; empty when it is fit for queues. */
export function durabilityWarnings(d: RedisDurability): string[] {
  const warnings: string[] = [];
  if (d.evictionPolicy !== undefined && d.evictionPolicy !== 'noeviction') {
    warnings.push(`maxmemory-policy is ${d.evictionPolicy}, not noeviction: under memory pressure Redis deletes job keys and queued work is silently lost`);
  }
  if (d.aof === false && d.rdb === false) warnings.push('Redis has no persistence (appendonly no, save ""): a restart loses every queued job');
  else if (d.aof === false && d.rdb === undefined) warnings.push('appendonly is off (and the RDB schedule could not be read): a restart may lose queued jobs');
  else if (d.aof === false) warnings.push('appendonly is off (RDB snapshots only): a restart loses the jobs queued since the last snapshot');
  return warnings;
}

/**
 * The start-up check: logs one loud warning per risk (BullMQ's production
 * guide asks for `noeviction` and AOF). On a Redis Cluster every master holds
 * part of the jobs, so each is checked and named in its warnings. The
 * reconciler re-creates lost product jobs from storage, but it cannot make up
 * for a cache-like Redis.
 */
export async function checkRedisDurability(redis: RedisClient, logger: Logger): Promise<string[]> {
  const servers = serversOf(redis);
  const named = servers.length > 1 || servers[0] !== redis;
  const perServer = await Promise.all(servers.map(async (server) => {
    const warnings = durabilityWarnings(await inspectRedis(server));
    return named ? warnings.map((warning) => `${server.options.host ?? '?'}:${server.options.port ?? '?'}: ${warning}`) : warnings;
  }));
  const warnings = perServer.flat();
  for (const warning of warnings) logger.warn({ redisCheck: 'durability' }, `REDIS IS NOT SAFE FOR QUEUES: ${warning}`);
  return warnings;
}
