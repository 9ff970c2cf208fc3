import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HealthService } from '../../src/domain/services/health.service.js';
import { progressCheck, workerLoopCheck, JobStarts } from '../../src/domain/services/health-checks.js';
import type { QueueBacklog, QueueBacklogSnapshot } from '../../src/domain/ports/queue-backlog.port.js';

/** A backlog the test sets by hand, and a clock it moves: the checks' decisions over time without waiting minutes. */
function scene(start = Date.parse('2026-01-01T12:00:00Z')) {
  let at = start;
  let current: QueueBacklogSnapshot = { waiting: 0, lastFinishedAt: undefined };
  const backlog: QueueBacklog = { snapshot: async () => current };
  return {
    backlog,
    now: () => new Date(at),
    advance: (ms: number) => void (at += ms),
    set: (snapshot: Partial<QueueBacklogSnapshot>) => void (current = { ...current, ...snapshot }),
    time: () => at,
  };
}

describe('readiness checks (domain)', () => {
  it('turns progress false once jobs have waited the stall limit with none finished, naming the count and the quiet time', async () => {
    const s = scene();
    const check = progressCheck({ backlog: s.backlog, stallMs: 60_000, now: s.now });
    assert.deepEqual(await check.run(), { ok: true, reason: 'no job waiting' });
    s.set({ waiting: 7 });
    assert.equal((await check.run())!.ok, true);
    s.advance(59_000);
    assert.equal((await check.run())!.ok, true);
    s.advance(2_000);
    assert.deepEqual(await check.run(), { ok: false, reason: '7 jobs waiting and none finished for 61000 ms (stall limit 60000 ms)' });
    s.set({ lastFinishedAt: s.now() });
    assert.equal((await check.run())!.ok, true, 'a finished job is progress');
  });

  it('does not call a burst of new work after an idle hour a stall', async () => {
    const s = scene();
    const check = progressCheck({ backlog: s.backlog, stallMs: 60_000, now: s.now });
    s.set({ lastFinishedAt: s.now() });
    s.advance(3_600_000);
    await check.run();
    s.set({ waiting: 500 });
    assert.equal((await check.run())!.ok, true);
    s.advance(30_000);
    assert.equal((await check.run())!.ok, true);
  });

  it('restarts the stall clock when the backlog empties', async () => {
    const s = scene();
    const check = progressCheck({ backlog: s.backlog, stallMs: 60_000, now: s.now });
    s.set({ waiting: 3 });
    await check.run();
    s.advance(50_000);
    s.set({ waiting: 0 });
    await check.run();
    s.set({ waiting: 2 });
    s.advance(20_000);
    assert.equal((await check.run())!.ok, true);
  });

  it('fails the worker loop check when jobs wait, slots are free and the worker took none, but not while every slot is busy', async () => {
    const s = scene();
    const starts = new JobStarts();
    let active = 0;
    const check = workerLoopCheck({ loop: { lastStartedAt: () => starts.lastStartedAt(), activeJobs: () => active, capacity: 4 }, backlog: s.backlog, stallMs: 10_000, now: s.now });
    s.set({ waiting: 5 });
    starts.started(s.now());
    await check.run();
    s.advance(11_000);
    const stalled = await check.run();
    assert.equal(stalled!.ok, false);
    assert.match(stalled!.reason!, /^5 jobs waiting, 0\/4 slots busy, and no job taken for 11000 ms/);
    starts.started(s.now());
    assert.equal((await check.run())!.ok, true, 'taking a job clears it');
    active = 4;
    s.advance(60_000);
    assert.deepEqual(await check.run(), { ok: true, reason: '4/4 slots busy' });
  });

  it('reports every check with its latency, fails a check that throws or does not answer in time, and is ready only when all pass', async () => {
    const health = new HealthService({
      timeoutMs: 200,
      checks: [
        { name: 'fine', run: async () => undefined },
        { name: 'noted', run: async () => ({ ok: true, reason: '2 live workers' }) },
        { name: 'broken', run: async () => { throw new Error('connection refused'); } },
        { name: 'hung', run: () => new Promise(() => {}) },
      ],
    });
    const report = await health.ready();
    assert.equal(report.ready, false);
    const byName = Object.fromEntries(report.checks.map((c) => [c.name, c]));
    assert.equal(byName.fine!.ok, true);
    assert.equal(byName.noted!.reason, '2 live workers');
    assert.deepEqual([byName.broken!.ok, byName.broken!.reason], [false, 'connection refused']);
    assert.deepEqual([byName.hung!.ok, byName.hung!.reason], [false, 'no answer in 200 ms']);
    assert.ok(report.checks.every((c) => typeof c.latencyMs === 'number' && c.latencyMs >= 0));
    assert.deepEqual(health.live(), { status: 'ok' });
  });
});
