import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRedis } from '../../src/queue/redis-connection.js';
import { RedisSitePoliteness } from '../../src/queue/redis-politeness.js';
import { PolitenessService } from '../../src/domain/services/politeness.service.js';
import { SILENT_LOGGER } from '../../src/domain/ports/logger.port.js';
import { testRedisUrl, uniqueName } from '../support/env.js';

const SETTINGS = { respectRobots: false, maxConcurrency: 0, maxRequests: 0, intervalMs: 1_000, leaseMs: 60_000, sleepMaxMs: 60_000, blockedHoldMs: 1_000 };

describe('request spacing shared by workers', () => {
  const connections = [createRedis(testRedisUrl(), 'worker'), createRedis(testRedisUrl(), 'worker')];
  const prefix = uniqueName('throttle');
  const [a, b] = connections.map((c) => new PolitenessService({
    politeness: new RedisSitePoliteness(c, prefix, { breaker: { threshold: 3, baseMs: 1_000, maxMs: 10_000 } }), settings: SETTINGS, logger: SILENT_LOGGER,
  })) as [PolitenessService, PolitenessService];
  after(() => connections.forEach((c) => c.disconnect()));
  const job = (rateLimitDelayMs: number, signal?: AbortSignal) => ({ rateLimitDelayMs, respectRobotsTxt: false, ...(signal ? { signal } : {}) });

  it('spaces requests to one site from two workers at least the delay apart', async () => {
    const times: number[] = [];
    await Promise.all([a, b, a, b, a, b].map((service) => service.request('https://shop.example/p', job(120), async () => {
      times.push(performance.now());
    })));
    times.sort((x, y) => x - y);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    assert.ok(gaps.every((gap) => gap >= 100), `gaps ${gaps.map((g) => g.toFixed(0)).join(', ')}`);
  });

  it('lets requests to different sites, and zero delays, go at once', async () => {
    const started = performance.now();
    const send = async () => undefined;
    await Promise.all([
      a.request('https://one.example/', job(10_000), send), b.request('https://two.example/', job(10_000), send),
      a.request('https://three.example/', job(0), send), a.request('https://three.example/', job(0), send),
    ]);
    assert.ok(performance.now() - started < 5_000);
  });

  it('stops waiting when the job is aborted', async () => {
    await a.request('https://abort.example/', job(30_000), async () => undefined);
    const controller = new AbortController();
    const waiting = b.request('https://abort.example/', job(30_000, controller.signal), async () => undefined);
    setTimeout(() => controller.abort(new Error('job cancelled')), 50);
    await assert.rejects(waiting, /job cancelled/);
  });
});
