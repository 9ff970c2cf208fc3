import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCampaignBench } from '../../bench/campaign.bench.js';
import type { CampaignBenchOptions } from '../../bench/campaign/campaign-options.js';
import { Cleanup } from '../../bench/support/cleanup.js';
import type { Measurement } from '../../bench/support/suite.js';
import { DEFAULT_BENCH_OPTIONS } from '../../bench/support/suite.js';
import { generateCatalog } from '../../src/demo-shop/index.js';

const TINY: CampaignBenchOptions = {
  products: 300, workers: 1, concurrency: 4, store: 'sqlite', workerHeapMb: 1024, probeJobs: 2000, calibrationProducts: 100, sampleMs: 250, stallLimitMs: 30_000,
};

/** Rows whose metric starts with `prefix`. */
function rowsOf(rows: readonly Measurement[], prefix: string): Measurement[] {
  const found = rows.filter((row) => row.metric.startsWith(prefix));
  assert.ok(found.length > 0, `a row "${prefix}..." in:\n${rows.map((r) => r.metric).join('\n')}`);
  return found;
}

const value = (rows: readonly Measurement[], prefix: string): number => rowsOf(rows, prefix)[0]!.value;

/** Every figure issue #8 asks for, as it starts in the table; each must be a positive number. */
const POSITIVE = [
  'end-to-end campaign time', 'processing rate, overall', 'processing rate, steady state', 'job latency p50', 'job latency p95',
  'time to first stored product', 'enqueue rate, listing fan-out', 'bulk enqueue (JobService.enqueueMany', 'bulk enqueue (BullMQ queue port',
  'Redis memory per waiting job', 'Redis commands per product', 'Redis script calls per product', 'storage writes per product',
  'storage product writes per product', 'SQLite rows per product', 'products stored', 'jobs recorded',
  'peak RSS, api', 'peak RSS, worker-1', 'peak RSS, shop', 'peak RSS, redis-server', 'RSS worker-1 at campaign start', 'RSS worker-1 median',
  'subscription campaignProgress: events', 'subscription queueStats: events', 'CPU during the campaign, worker-1', 'CPU during the campaign, api',
];

describe('campaign benchmark', () => {
  it('runs a tiny campaign through api and worker processes and reports every metric with sane values', { timeout: 110_000 }, async () => {
    const rows: Measurement[] = [];
    const extras: Record<string, unknown> = {};
    const cleanup = new Cleanup();
    try {
      await runCampaignBench(TINY, {
        quick: true, options: DEFAULT_BENCH_OPTIONS, cleanup, log: () => undefined,
        record: (...measurements) => void rows.push(...measurements), extra: (key, data) => void (extras[key] = data),
      });
    } finally {
      assert.deepEqual(await cleanup.run(), [], 'every cleanup step succeeds');
    }

    for (const prefix of POSITIVE) {
      for (const row of rowsOf(rows, prefix)) assert.ok(Number.isFinite(row.value) && row.value > 0, `${row.metric} = ${row.value} ${row.unit}`);
    }
    const publicProducts = generateCatalog({ products: TINY.products }).publicProducts().length;
    assert.ok(publicProducts < TINY.products, 'the demo shop disallows some products in robots.txt');
    assert.equal(value(rows, 'products stored'), publicProducts, 'every robots-allowed product stored, none of the disallowed ones');
    assert.equal(value(rows, 'products expected'), publicProducts);
    assert.equal(value(rows, 'jobs failed'), 0);
    assert.ok(value(rows, 'storage product writes per product') >= 1, 'at least one product write per stored product');
    assert.ok(value(rows, 'job latency p95') >= value(rows, 'job latency p50'));
    assert.equal(rowsOf(rows, 'RSS worker-1 at campaign start').length, 3, 'start, middle and end RSS of the worker');

    const top = extras.redisCommandsTop10 as { command: string; calls: number }[];
    assert.ok(top.length > 0 && top.length <= 10 && top.every((row) => row.calls > 0), JSON.stringify(top));
    const series = extras.rssSeries as { name: string; samples: unknown[] }[];
    assert.deepEqual(series.map((s) => s.name).sort(), ['api', 'bench', 'redis-server', 'shop', 'worker-1']);
    assert.ok(series.every((s) => s.samples.length >= 2), 'RSS sampled repeatedly for every process');
    assert.deepEqual(Object.keys(extras).sort(), ['campaign', 'enqueueProbe', 'options', 'redisCommandsTop10', 'redisCommandsTotal', 'rssSeries', 'sqliteRows', 'storeWriteCalibration']);
  });
});
