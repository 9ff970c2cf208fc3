import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/load-config.js';
import { hasHashTag, hashTaggedPrefix, parseRedisNodes, redisUrlProblem } from '../../src/config/redis-url.js';
import { clusterOptions, redisTarget } from '../../src/queue/redis-connection.js';
import { hashTag, keyNamespace } from '../../src/queue/redis-politeness.js';

describe('REDIS_URL and the cluster switch', () => {
  it('reads one URL as a standalone server, keeping credentials, TLS and the database', () => {
    assert.deepEqual(parseRedisNodes('rediss://app:s%40cret@cache.internal:6380/2'), [
      { host: 'cache.internal', port: 6380, tls: true, username: 'app', password: 's@cret', db: 2 },
    ]);
    assert.equal(redisTarget('redis://127.0.0.1:6379').cluster, false);
  });

  it('reads a comma-separated list as cluster seed nodes; bare host:port entries take the first URL\'s scheme and credentials', () => {
    assert.deepEqual(parseRedisNodes('redis://:pw@h1:7000,h2:7001, redis://h3:7002'), [
      { host: 'h1', port: 7000, tls: false, password: 'pw' },
      { host: 'h2', port: 7001, tls: false, password: 'pw' },
      { host: 'h3', port: 7002, tls: false },
    ]);
    assert.equal(redisTarget('redis://h1:7000,h2:7001').cluster, true);
    assert.equal(redisTarget('redis://config-endpoint:6379', true).cluster, true, 'one seed node with TRAWL_REDIS_CLUSTER=true');
  });

  it('rejects what is not a Redis URL, naming the entry', () => {
    assert.match(redisUrlProblem('http://x') ?? '', /http:\/\/x is not a redis:\/\/ or rediss:\/\/ URL/);
    assert.match(redisUrlProblem('redis://h1:7000,h2:port') ?? '', /h2:port is neither a URL nor host:port/);
    assert.match(redisUrlProblem('redis://h1:7000/3,h2:7001') ?? '', /only database 0/);
    assert.equal(redisUrlProblem('redis://h1:7000,h2:7001'), undefined);
    assert.throws(() => loadConfig({ REDIS_URL: 'redis://h1:7000,h2:port' }), /REDIS_URL="redis:\/\/h1:7000,h2:port" is invalid/);
    const config = loadConfig({ REDIS_URL: 'redis://h1:7000,h2:7001', TRAWL_REDIS_CLUSTER: 'true' });
    assert.equal(config.redisUrl, 'redis://h1:7000,h2:7001');
    assert.equal(config.redisCluster, true);
    assert.equal(loadConfig({}).redisCluster, false);
  });

  it('gives cluster connections the role options of standalone ones: workers wait through outages, producers fail fast', () => {
    const seed = { host: 'h1', port: 7000, tls: true, password: 'pw' };
    const worker = clusterOptions('worker', seed);
    assert.equal(worker.redisOptions?.maxRetriesPerRequest, null);
    assert.equal(worker.enableOfflineQueue, true);
    assert.equal(worker.redisOptions?.password, 'pw');
    assert.deepEqual(worker.redisOptions?.tls, {});
    assert.equal(typeof worker.clusterRetryStrategy, 'function');
    assert.equal(worker.clusterRetryStrategy!(50), 20_000);
    const producer = clusterOptions('producer', { host: 'h1', port: 7000, tls: false });
    assert.equal(producer.enableOfflineQueue, false);
    assert.equal(producer.redisOptions?.maxRetriesPerRequest, 1);
    assert.equal(producer.redisOptions?.tls, undefined);
  });
});

describe('the queue prefix hash tag', () => {
  it('wraps a prefix without a tag and keeps one that has it', () => {
    assert.equal(hashTaggedPrefix('trawl'), '{trawl}');
    assert.equal(hashTaggedPrefix('{trawl}'), '{trawl}');
    assert.equal(hashTaggedPrefix('prod:{trawl}'), 'prod:{trawl}');
    assert.equal(hashTaggedPrefix('odd{}'), '{odd{}}', 'an empty tag does not count');
    assert.equal(hasHashTag('a}b{c'), false);
  });

  it('is tagged whether it comes from the environment, the default or code', () => {
    assert.equal(loadConfig({}).queuePrefix, '{trawl}');
    assert.equal(loadConfig({ TRAWL_QUEUE_PREFIX: 'shop-a' }).queuePrefix, '{shop-a}');
    assert.equal(loadConfig({}, { queuePrefix: 'test-1' }).queuePrefix, '{test-1}');
  });

  it('keys per-site state by the site, under the prefix without its braces', () => {
    assert.equal(keyNamespace('{trawl}'), 'trawl');
    assert.equal(hashTag('shop.example:8080'), '{shop.example:8080}');
    assert.equal(hashTag('we{ir}d'), '{we_ir_d}');
  });
});
