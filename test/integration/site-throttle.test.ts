import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRedis } from '../../src/queue/redis-connection.js';
import { RedisSiteThrottle } from '../../src/queue/redis-site-throttle.js';
import { testRedisUrl, uniqueName } from '../support/env.js';

describe('site throttle shared by workers', () => {
  const connections = [createRedis(testRedisUrl(), 'worker'), createRedis(testRedisUrl(), 'worker')];
  const prefix = uniqueName('throttle');
  const [a, b] = connections.map((c) => new RedisSiteThrottle(c, prefix)) as [RedisSiteThrottle, RedisSiteThrottle];
  after(() => connections.forEach((c) => c.disconnect()));

  it('spaces requests to one site from two workers at least the delay apart', async () => {
    const times: number[] = [];
    await Promise.all([a, b, a, b, a, b].map(async (throttle) => {
      await throttle.wait('shop.example', 120);
      times.push(performance.now());
    }));
    times.sort((x, y) => x - y);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    assert.ok(gaps.every((gap) => gap >= 110), `gaps ${gaps.map((g) => g.toFixed(0)).join(', ')}`);
  });

  it('lets requests to different sites, and zero delays, go at once', async () => {
    const started = performance.now();
    await Promise.all([a.wait('one.example', 10_000), b.wait('two.example', 10_000), a.wait('three.example', 0), a.wait('three.example', 0)]);
    assert.ok(performance.now() - started < 5_000);
  });

  it('stops waiting when the job is aborted', async () => {
    await a.wait('abort.example', 60_000);
    const controller = new AbortController();
    const waiting = b.wait('abort.example', 60_000, controller.signal);
    controller.abort(new Error('job cancelled'));
    await assert.rejects(waiting, /job cancelled/);
  });
});
