import type { RedisClient as Redis } from '../../src/queue/redis-connection.js';

/** `INFO <section>` as field -> value. */
export async function redisInfo(connection: Redis, section: string): Promise<Map<string, string>> {
  const text = await connection.info(section);
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0 && !line.startsWith('#')) fields.set(line.slice(0, at), line.slice(at + 1));
  }
  return fields;
}

export async function usedMemoryBytes(connection: Redis): Promise<number> {
  return Number((await redisInfo(connection, 'memory')).get('used_memory'));
}

export async function redisPid(connection: Redis): Promise<number> {
  return Number((await redisInfo(connection, 'server')).get('process_id'));
}

/** Calls per command (`INFO commandstats`), e.g. evalsha -> 1234. */
export async function commandCalls(connection: Redis): Promise<Map<string, number>> {
  const calls = new Map<string, number>();
  for (const [field, value] of await redisInfo(connection, 'commandstats')) {
    const count = /calls=(\d+)/.exec(value)?.[1];
    if (field.startsWith('cmdstat_') && count) calls.set(field.slice('cmdstat_'.length), Number(count));
  }
  return calls;
}

export interface CommandDelta {
  command: string;
  calls: number;
}

/** Calls made between two `commandCalls` readings, most first. */
export function commandDelta(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): CommandDelta[] {
  return [...after]
    .map(([command, calls]) => ({ command, calls: calls - (before.get(command) ?? 0) }))
    .filter((row) => row.calls > 0)
    .sort((a, b) => b.calls - a.calls);
}
