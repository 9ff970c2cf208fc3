import type { RedisClient } from './redis-connection.js';
import { TrawlError } from '../domain/errors.js';
import type { WorkerInfo, WorkerRegistry } from '../domain/ports/worker-registry.port.js';

type StoredWorker = Omit<WorkerInfo, 'startedAt' | 'lastHeartbeatAt'> & { startedAt: string; lastHeartbeatAt: string };

/**
 * The worker registry in Redis: one key per worker holding its last
 * heartbeat, expiring after the TTL, and a sorted set indexing the ids (so
 * listing never scans the keyspace). Ids whose key expired are dropped from
 * the index when listed.
 */
export class RedisWorkerRegistry implements WorkerRegistry {
  constructor(private readonly connection: RedisClient, private readonly prefix: string) {}

  async beat(worker: WorkerInfo, ttlMs: number): Promise<void> {
    const stored: StoredWorker = { ...worker, startedAt: worker.startedAt.toISOString(), lastHeartbeatAt: worker.lastHeartbeatAt.toISOString() };
    await this.run('write a worker heartbeat', () => this.connection.multi()
      .set(this.key(worker.id), JSON.stringify(stored), 'PX', ttlMs)
      .zadd(this.index(), String(worker.startedAt.getTime()), worker.id)
      .exec());
  }

  async remove(id: string): Promise<void> {
    await this.run('remove a worker', () => this.connection.multi().del(this.key(id)).zrem(this.index(), id).exec());
  }

  async list(): Promise<WorkerInfo[]> {
    return this.run('list workers', async () => {
      const ids = await this.connection.zrange(this.index(), '0', '-1');
      if (ids.length === 0) return [];
      const values = await this.connection.mget(ids.map((id) => this.key(id)));
      const gone = ids.filter((_, i) => values[i] === null);
      if (gone.length > 0) await this.connection.zrem(this.index(), ...gone);
      return values.flatMap((value) => (value === null ? [] : [parse(value)]));
    });
  }

  private key(id: string): string {
    return `${this.prefix}:workers:${id}`;
  }

  private index(): string {
    return `${this.prefix}:workers`;
  }

  private async run<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new TrawlError('QUEUE_UNAVAILABLE', `Cannot ${what}: ${(error as Error).message}`, {}, { cause: error });
    }
  }
}

function parse(value: string): WorkerInfo {
  const stored = JSON.parse(value) as StoredWorker;
  return { ...stored, startedAt: new Date(stored.startedAt), lastHeartbeatAt: new Date(stored.lastHeartbeatAt) };
}
