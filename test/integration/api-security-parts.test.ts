import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/load-config.js';
import { accessPolicy, isLoopbackHost } from '../../src/server/security/access-policy.js';
import { ApiKeyring, constantTimeEqual, presentedKey } from '../../src/server/security/api-keys.js';
import { findInputProblem, MAX_INPUT_NESTING } from '../../src/server/security/input-shape.js';
import { TokenBucketLimiter } from '../../src/server/security/rate-limiter.js';
import { TEST_API_KEYS } from '../support/api-keys.js';
import { testConfig } from '../support/runtime.js';

describe('API key comparison', () => {
  it('tells equal secrets from different ones of any length, without throwing on length mismatch', () => {
    assert.equal(constantTimeEqual('abcdefghijklmnop', 'abcdefghijklmnop'), true);
    assert.equal(constantTimeEqual('abcdefghijklmnop', 'abcdefghijklmnoq'), false);
    assert.equal(constantTimeEqual('abcdefghijklmnop', 'abc'), false);
    assert.equal(constantTimeEqual('', ''), true);
    assert.equal(constantTimeEqual('x'.repeat(10_000), 'x'.repeat(10_001)), false);
  });

  it('finds the key\'s name and role, and nobody for an unknown key or a prefix of a real one', () => {
    const keyring = new ApiKeyring(TEST_API_KEYS);
    assert.deepEqual(keyring.authenticate(TEST_API_KEYS[1]!.key), { name: 'ops', role: 'write' });
    assert.equal(keyring.authenticate(TEST_API_KEYS[0]!.key.slice(0, -1)), undefined);
    assert.equal(keyring.authenticate(''), undefined);
  });

  it('reads a key from a Bearer authorization or a bare key, and an empty one from other schemes', () => {
    assert.equal(presentedKey('Bearer abc', undefined), 'abc');
    assert.equal(presentedKey('bearer   abc  ', undefined), 'abc');
    assert.equal(presentedKey('Basic abc', 'other'), '');
    assert.equal(presentedKey(undefined, ' k '), 'k');
    assert.equal(presentedKey(undefined, undefined), undefined);
  });
});

describe('TRAWL_API_KEYS', () => {
  it('parses named and unnamed keys with their roles', () => {
    const config = loadConfig({ TRAWL_API_KEYS: 'ci=abcdefghijklmnop1234:write, qrstuvwxyz0123456789:read' });
    assert.deepEqual(config.apiKeys, [
      { name: 'ci', key: 'abcdefghijklmnop1234', role: 'write' },
      { name: 'key2', key: 'qrstuvwxyz0123456789', role: 'read' },
    ]);
    assert.deepEqual(loadConfig({}).apiKeys, []);
  });

  it('refuses short keys, unknown roles and repeats, without repeating the secret', () => {
    for (const value of ['tooshort:read', 'abcdefghijklmnop1234:admin', 'abcdefghijklmnop1234', 'a=abcdefghijklmnop1234:read,a=bbcdefghijklmnop1234:read']) {
      assert.throws(() => loadConfig({ TRAWL_API_KEYS: value }), (error: Error) => {
        assert.match(error.message, /TRAWL_API_KEYS/);
        return error.name === 'ConfigError';
      });
    }
    assert.throws(() => loadConfig({ TRAWL_API_KEYS: 'abcdefghijklmnop1234:read,abcdefghijklmnop1234:write' }), /entry 2 repeats the key/);
  });
});

describe('Access policy', () => {
  const base = { ...testConfig(), apiKeys: [] as typeof TEST_API_KEYS };

  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1']) assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'example.com', '128.0.0.1']) assert.equal(isLoopbackHost(host), false, host);
  });

  it('is open on loopback without keys, asks for keys whenever some are set, and refuses to be open beyond loopback', () => {
    assert.equal(accessPolicy({ ...base, host: '127.0.0.1' }).keyring, undefined);
    assert.equal(accessPolicy({ ...base, host: '127.0.0.1', apiKeys: TEST_API_KEYS }).keyring?.size, 2);
    assert.throws(() => accessPolicy({ ...base, host: '0.0.0.0' }), /HOST=0\.0\.0\.0 is not a loopback address/);
    const off = accessPolicy({ ...base, host: '0.0.0.0', apiAuth: 'off' });
    assert.equal(off.keyring, undefined);
    assert.throws(() => accessPolicy({ ...base, host: '0.0.0.0', apiAuth: 'off', apiKeys: TEST_API_KEYS }), /contradicts/);
  });

  it('turns introspection off beyond loopback unless asked, and guards metrics there', () => {
    const remote = accessPolicy({ ...base, host: '0.0.0.0', apiKeys: TEST_API_KEYS });
    assert.equal(remote.introspection, false);
    assert.equal(remote.metricsNeedKey, true);
    assert.equal(accessPolicy({ ...base, host: '0.0.0.0', apiKeys: TEST_API_KEYS, graphqlIntrospection: true }).introspection, true);
    const local = accessPolicy({ ...base, host: '127.0.0.1', apiKeys: TEST_API_KEYS });
    assert.equal(local.introspection, true);
    assert.equal(local.metricsNeedKey, false);
  });
});

describe('Token bucket rate limiter', () => {
  it('allows a burst of the per-minute rate, then refills evenly', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(60, () => now);
    for (let i = 0; i < 60; i += 1) assert.equal(limiter.take('a').allowed, true);
    assert.deepEqual(limiter.take('a'), { allowed: false, retryAfterSeconds: 1 });
    assert.equal(limiter.take('b').allowed, true);
    now += 1000;
    assert.equal(limiter.take('a').allowed, true);
    assert.equal(limiter.take('a').allowed, false);
  });
});

describe('Input bounds', () => {
  const bounds = { maxStringChars: 10, maxListItems: 3 };

  it('finds the first string past the limit anywhere, object keys included', () => {
    assert.equal(findInputProblem({ a: ['ok', { b: 'x'.repeat(11) }] }, bounds)?.path, 'input.a[1].b');
    assert.match(findInputProblem({ ['k'.repeat(11)]: 1 }, bounds)?.message ?? '', /input \(a key\) is 11 characters long; the limit is 10/);
    assert.equal(findInputProblem({ a: 'short', b: [1, 2, 3] }, bounds), undefined);
  });

  it('refuses long lists and deep nesting without exhausting the stack', () => {
    assert.match(findInputProblem({ list: [1, 2, 3, 4] }, bounds)?.message ?? '', /input.list has 4 items; the limit is 3 \(TRAWL_MAX_INPUT_LIST_ITEMS\)/);
    let deep: unknown = 'y';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    assert.match(findInputProblem(deep, bounds)?.message ?? '', new RegExp(`nests deeper than ${MAX_INPUT_NESTING} levels`));
  });
});
