import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkRedisDurability, durabilityWarnings, inspectRedis } from '../../src/bootstrap/redis-checks.js';
import { createRedis, reconnectDelayMs, redisOptions, whenReady } from '../../src/queue/redis-connection.js';
import type { Logger } from '../../src/domain/ports/logger.port.js';
import { tempDir } from '../support/env.js';
import { ChaosRedis } from '../chaos/chaos-cluster.js';

function recordingLogger(lines: string[]): Logger {
  const logger: Logger = {
    debug: () => {}, info: () => {}, error: () => {}, child: () => logger,
    warn: (_context, message) => void lines.push(message),
  };
  return logger;
}

describe('Redis fit for queues (BullMQ production guide)', () => {
  it('configures connections by role: workers and listeners wait through outages, producers fail fast, every role reconnects forever', () => {
    assert.equal(redisOptions('worker').maxRetriesPerRequest, null);
    assert.equal(redisOptions('events').maxRetriesPerRequest, null);
    assert.equal(redisOptions('producer').enableOfflineQueue, false);
    for (const attempt of [1, 5, 50, 5000]) {
      const delay = reconnectDelayMs(attempt);
      assert.ok(delay >= 1000 && delay <= 20_000, `delay ${delay} for attempt ${attempt}`);
    }
  });

  it('stays quiet about a server with AOF and noeviction, and warns loudly once eviction is on', async () => {
    const redis = await ChaosRedis.start(join(tempDir(), 'redis'));
    const client = createRedis(redis.url, 'producer');
    try {
      await whenReady(client);
      const lines: string[] = [];
      assert.deepEqual(await checkRedisDurability(client, recordingLogger(lines)), []);
      await client.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru');
      await checkRedisDurability(client, recordingLogger(lines));
      assert.equal(lines.length, 1);
      assert.match(lines[0]!, /REDIS IS NOT SAFE FOR QUEUES: maxmemory-policy is allkeys-lru, not noeviction/);
      await client.call('CONFIG', 'SET', 'appendonly', 'no');
      assert.deepEqual(await inspectRedis(client), { evictionPolicy: 'allkeys-lru', aof: false, rdb: false });
    } finally {
      client.disconnect();
      await redis.close();
    }
  });

  it('warns about missing persistence, and tolerates a server that refuses CONFIG (managed Redis)', () => {
    assert.match(durabilityWarnings({ evictionPolicy: 'noeviction', aof: false, rdb: false })[0]!, /no persistence/);
    assert.match(durabilityWarnings({ evictionPolicy: 'noeviction', aof: false, rdb: undefined })[0]!, /appendonly is off/);
    assert.deepEqual(durabilityWarnings({ evictionPolicy: 'noeviction', aof: false, rdb: true }).length, 1);
    assert.deepEqual(durabilityWarnings({ evictionPolicy: undefined, aof: undefined, rdb: undefined }), []);
  });
});
