import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatReport, runChaos } from './chaos-run.js';

describe('chaos: 1,000 products, 3 worker processes, SIGKILLs, a Redis crash and a store outage', () => {
  it('completes the campaign with every product stored exactly once, every category link present and counters that add up', async () => {
    const report = await runChaos({ products: 1000, productsPerPage: 24, workers: 3, concurrency: 4, kills: 4, outageMs: 6000, timeoutMs: 540_000 });
    const table = formatReport(report);
    assert.ok(report.actions.filter((a) => a.action.startsWith('SIGKILL worker')).length >= 3, table);
    assert.ok(report.actions.some((a) => a.action.startsWith('redis-server restarted')), table);
    assert.ok(report.actions.some((a) => a.action.startsWith('store back')), table);
    assert.ok(report.ok, table);
  });
});
