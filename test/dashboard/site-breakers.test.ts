import { it } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { RedisSitePoliteness } from '../../src/queue/redis-politeness.js';
import { graphqlHttp } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { testRedisUrl } from '../support/env.js';

const POLITENESS = 'query P($domains: [String!]!) { politeness(domains: $domains) { domain state consecutiveBlocks opens openUntil } }';
const POLICY = { minDelayMs: 0, maxRequests: 0, intervalMs: 1000, maxConcurrency: 0, leaseMs: 10_000 };

it('reports each site\'s circuit breaker as the workers left it: open after blocks, closed for a site never blocked', async (t) => {
  const config = testConfig({ breakerThreshold: 2, breakerBaseMs: 600_000 });
  const runtime = await startRuntime(t, { api: true, workers: false }, config);
  const redis = new Redis(testRedisUrl());
  t.after(() => void redis.disconnect());
  const politeness = new RedisSitePoliteness(redis, config.queuePrefix, { breaker: { threshold: 2, baseMs: 600_000, maxMs: 3_600_000 } });
  for (let i = 0; i < 2; i += 1) {
    const admission = await politeness.admit('blocked.example', POLICY);
    assert.ok(admission.granted);
    await politeness.release('blocked.example', admission.lease, { kind: 'blocked', httpStatus: 429 });
  }
  const admission = await politeness.admit('flaky.example', POLICY);
  assert.ok(admission.granted);
  await politeness.release('flaky.example', admission.lease, { kind: 'blocked', httpStatus: 403 });

  const result = await graphqlHttp(runtime.apiUrl!, POLITENESS, { domains: ['https://www.blocked.example/any', 'flaky.example', 'calm.example'] });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  const [blocked, flaky, calm] = result.data.politeness;
  assert.equal(blocked.domain, 'blocked.example');
  assert.equal(blocked.state, 'OPEN');
  assert.equal(blocked.consecutiveBlocks, 2);
  assert.equal(blocked.opens, 1);
  assert.ok(Date.parse(blocked.openUntil) > Date.now() + 60_000, blocked.openUntil);
  assert.deepEqual(flaky, { domain: 'flaky.example', state: 'CLOSED', consecutiveBlocks: 1, opens: 0, openUntil: null });
  assert.deepEqual(calm, { domain: 'calm.example', state: 'CLOSED', consecutiveBlocks: 0, opens: 0, openUntil: null });
});

it('refuses a domain that is not a host name, naming it', async (t) => {
  const runtime = await startRuntime(t, { api: true, workers: false });
  const result = await graphqlHttp(runtime.apiUrl!, POLITENESS, { domains: ['http://[bad'] });
  assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(result.errors));
  assert.match(result.errors![0]!.message, /\[bad/);
});
