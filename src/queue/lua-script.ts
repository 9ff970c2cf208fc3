import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** What a Lua script needs of a connection (a standalone client or a cluster). */
type ScriptRunner = Pick<Redis, 'evalsha' | 'eval'>;

/**
 * A Lua script sent by its SHA1 (EVALSHA), and in full (EVAL) only when the
 * server does not know it yet (NOSCRIPT: a fresh, restarted or flushed
 * server, or another cluster node). Saves sending and hashing the whole
 * script on every call of a hot path.
 */
export class LuaScript {
  readonly sha: string;

  constructor(readonly source: string, readonly numberOfKeys: number) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: ScriptRunner, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    if (keys.length !== this.numberOfKeys) throw new Error(`script takes ${this.numberOfKeys} keys, got ${keys.length}`);
    try {
      return await redis.evalsha(this.sha, this.numberOfKeys, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, this.numberOfKeys, ...keys, ...args);
    }
  }
}
