import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRedis } from '../../src/queue/redis-connection.js';
import { RedisSitePoliteness } from '../../src/queue/redis-politeness.js';
import type { AdmissionPolicy } from '../../src/domain/ports/site-politeness.port.js';
import { testRedisUrl, uniqueName } from '../support/env.js';

const OPEN: AdmissionPolicy = { minDelayMs: 0, maxRequests: 0, intervalMs: 1_000, maxConcurrency: 0, leaseMs: 60_000 };
const BREAKER = { threshold: 3, baseMs: 400, maxMs: 1_000 };

/** Two adapters on two connections, as two worker machines see Redis. */
function twoMachines(breaker = BREAKER): [RedisSitePoliteness, RedisSitePoliteness, () => void] {
  const connections = [createRedis(testRedisUrl(), 'worker'), createRedis(testRedisUrl(), 'worker')];
  const prefix = uniqueName('polite');
  const [a, b] = connections.map((c) => new RedisSitePoliteness(c, prefix, { breaker, pollMs: 200 }));
  return [a!, b!, () => connections.forEach((c) => c.disconnect())];
}

async function until<T>(what: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('site politeness in Redis, shared by two machines', () => {
  const [a, b, close] = twoMachines();
  after(close);

  it('grants one request per spacing to the two machines together, and says how long the other waits', async () => {
    const policy = { ...OPEN, minDelayMs: 5_000 };
    const first = await a.admit('spacing.example', policy);
    const second = await b.admit('spacing.example', policy);
    assert.equal(first.granted, true);
    assert.equal(second.granted, false);
    if (second.granted) return;
    assert.equal(second.reason, 'min-delay');
    assert.ok(second.waitMs > 3_000 && second.waitMs <= 5_000, `wait ${second.waitMs}`);
    assert.equal((await a.admit('other.example', policy)).granted, true, 'other sites are not affected');
  });

  it('says a grant is settled only when it recorded no lease and the breaker holds nothing', async () => {
    const free = await a.admit('settled.example', OPEN);
    assert.ok(free.granted && free.settled, JSON.stringify(free));
    const capped = await a.admit('settled.example', { ...OPEN, maxConcurrency: 5 });
    assert.ok(capped.granted && !capped.settled, 'a lease was recorded');
    if (!capped.granted) return;
    await a.release('settled.example', capped.lease, { kind: 'blocked', httpStatus: 429 });
    const afterBlock = await b.admit('settled.example', OPEN);
    assert.ok(afterBlock.granted && !afterBlock.settled, 'the breaker counts a block');
    if (!afterBlock.granted) return;
    await b.release('settled.example', afterBlock.lease, { kind: 'ok' });
    const clean = await a.admit('settled.example', OPEN);
    assert.ok(clean.granted && clean.settled, 'a normal answer cleared the breaker');
  });

  it('caps requests per interval across both machines', async () => {
    const policy = { ...OPEN, maxRequests: 3, intervalMs: 60_000 };
    const grants = [];
    for (const machine of [a, b, a, b, a]) grants.push(await machine.admit('window.example', policy));
    assert.deepEqual(grants.map((g) => g.granted), [true, true, true, false, false]);
    const refused = grants[3]!;
    assert.ok(!refused.granted && refused.reason === 'rate-window' && refused.waitMs > 50_000, JSON.stringify(refused));
  });

  it('caps requests in flight across both machines and frees a slot when it is released', async () => {
    const policy = { ...OPEN, maxConcurrency: 2 };
    const one = await a.admit('cap.example', policy);
    const two = await b.admit('cap.example', policy);
    const three = await a.admit('cap.example', policy);
    assert.equal(one.granted && two.granted, true);
    assert.ok(!three.granted && three.reason === 'concurrency', JSON.stringify(three));
    if (!one.granted) return;
    await a.release('cap.example', one.lease, { kind: 'ok' });
    assert.equal((await b.admit('cap.example', policy)).granted, true);
  });

  it('frees the slot of a lease never released (a killed worker) once it expires', async () => {
    const policy = { ...OPEN, maxConcurrency: 1, leaseMs: 300 };
    assert.equal((await a.admit('lease.example', policy)).granted, true);
    assert.equal((await b.admit('lease.example', policy)).granted, false);
    const later = await until(() => b.admit('lease.example', policy), (g) => g.granted);
    assert.equal(later.granted, true);
  });

  it('keeps robots.txt records for every machine until their TTL ends', async () => {
    const record = { status: 'found' as const, text: 'User-agent: *\nDisallow: /cart', fetchedAt: new Date().toISOString() };
    await a.storeRobots('https://robots.example', record, 60_000);
    assert.deepEqual(await b.readRobots('https://robots.example'), record);
    await a.storeRobots('https://short.example', record, 50);
    assert.equal(await until(() => b.readRobots('https://short.example'), (r) => r === undefined), undefined);
  });
});

describe('circuit breaker per site', () => {
  const [a, b, close] = twoMachines();
  after(close);

  async function blockOnce(machine: RedisSitePoliteness, site: string, retryAfterMs?: number) {
    const admission = await machine.admit(site, OPEN);
    assert.equal(admission.granted, true, JSON.stringify(admission));
    if (!admission.granted) throw new Error('refused');
    return machine.release(site, admission.lease, { kind: 'blocked', httpStatus: 429, ...(retryAfterMs ? { retryAfterMs } : {}) });
  }

  it('opens after the threshold of blocks in a row from any machine, and holds the site for every machine', async () => {
    assert.equal((await blockOnce(a, 'open.example')).state, 'closed');
    assert.equal((await blockOnce(b, 'open.example')).state, 'closed');
    const third = await blockOnce(a, 'open.example');
    assert.equal(third.state, 'open');
    assert.equal(third.consecutiveBlocks, 3);
    assert.ok(third.waitMs >= 390 && third.waitMs <= 400, `wait ${third.waitMs}`);
    const held = await b.admit('open.example', OPEN);
    assert.ok(!held.granted && held.reason === 'breaker-open', JSON.stringify(held));
  });

  it('lets one probe through when the open period ends; a blocked probe reopens it for twice as long', async () => {
    for (let i = 0; i < 3; i++) await blockOnce(a, 'probe.example');
    const probe = await until(() => a.admit('probe.example', OPEN), (g) => g.granted);
    assert.equal(probe.granted, true);
    const other = await b.admit('probe.example', OPEN);
    assert.ok(!other.granted && other.reason === 'breaker-probing', JSON.stringify(other));
    if (!probe.granted) return;
    const reopened = await a.release('probe.example', probe.lease, { kind: 'blocked', httpStatus: 403 });
    assert.equal(reopened.state, 'open');
    assert.ok(reopened.waitMs >= 790 && reopened.waitMs <= 800, `doubled: ${reopened.waitMs}`);
  });

  it('closes when the probe gets a normal answer', async () => {
    for (let i = 0; i < 3; i++) await blockOnce(a, 'close.example');
    const probe = await until(() => b.admit('close.example', OPEN), (g) => g.granted);
    if (!probe.granted) throw new Error('no probe');
    const closed = await b.release('close.example', probe.lease, { kind: 'ok' });
    assert.deepEqual(closed, { state: 'closed', consecutiveBlocks: 0, waitMs: 0 });
    assert.equal((await a.admit('close.example', OPEN)).granted, true);
    assert.equal((await blockOnce(a, 'close.example')).state, 'closed', 'the count starts again');
  });

  it('caps the open period at the maximum', async () => {
    for (let i = 0; i < 3; i++) await blockOnce(a, 'cap.example');
    let state = await blockOnce(a, 'cap.example').catch(() => undefined);
    for (let round = 0; round < 3; round++) {
      const probe = await until(() => a.admit('cap.example', OPEN), (g) => g.granted);
      if (!probe.granted) throw new Error('no probe');
      state = await a.release('cap.example', probe.lease, { kind: 'blocked', httpStatus: 429 });
    }
    assert.ok(state && state.waitMs <= 1_000 && state.waitMs >= 990, JSON.stringify(state));
  });

  it('honours Retry-After as the least wait, for the breaker and for the next request of every machine', async () => {
    const single = await blockOnce(a, 'retry.example', 5_000);
    assert.equal(single.state, 'closed');
    assert.equal(single.waitMs, 5_000);
    const next = await b.admit('retry.example', OPEN);
    assert.ok(!next.granted && next.reason === 'min-delay' && next.waitMs > 4_000, JSON.stringify(next));

    const [c, d, closeMore] = twoMachines({ threshold: 1, baseMs: 100, maxMs: 1_000 });
    try {
      const opened = await blockOnce(c, 'retry-open.example', 30_000);
      assert.equal(opened.state, 'open');
      assert.equal(opened.waitMs, 30_000, 'Retry-After beats the shorter open period');
      const held = await d.admit('retry-open.example', OPEN);
      assert.ok(!held.granted && held.waitMs > 25_000, JSON.stringify(held));
    } finally {
      closeMore();
    }
  });
});
