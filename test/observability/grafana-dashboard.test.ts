import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startObservedPair } from './metrics-fixture.js';
import { metricNames } from './metrics-support.js';

/** The dashboard in the repository, found from the compiled test wherever the build went. */
function dashboardPath(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'deploy/grafana/trawl-dashboard.json');
    if (existsSync(file)) return file;
  }
  throw new Error('deploy/grafana/trawl-dashboard.json not found above the test');
}

interface Panel { title: string; targets?: { expr: string }[] }

/** Metric families an expression reads (histogram series map to their family). */
function referencedMetrics(expr: string): string[] {
  return [...expr.matchAll(/\btrawl_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, ''));
}

describe('grafana: the dashboard in deploy/grafana', () => {
  it('is valid JSON whose every panel reads only metrics the API or a worker exports', async (t) => {
    const dashboard = JSON.parse(readFileSync(dashboardPath(), 'utf8')) as { title: string; panels: Panel[] };
    assert.equal(dashboard.title, 'trawl');
    const pair = await startObservedPair(t, 1);
    const exported = new Set([...metricNames(await pair.apiMetrics()), ...metricNames(await pair.workerMetrics())]);
    const referenced = new Set<string>();
    for (const panel of dashboard.panels) {
      assert.ok(panel.targets && panel.targets.length > 0, `panel "${panel.title}" has queries`);
      for (const target of panel.targets) for (const name of referencedMetrics(target.expr)) referenced.add(name);
    }
    const missing = [...referenced].filter((name) => !exported.has(name));
    assert.deepEqual(missing, [], `metrics the dashboard uses but nothing exports: ${missing.join(', ')}`);
    for (const family of ['trawl_queue_jobs', 'trawl_worker_busy_ratio', 'trawl_success_products_per_minute', 'trawl_http_responses_total', 'trawl_job_duration_seconds']) {
      assert.ok(referenced.has(family), `the dashboard shows ${family}`);
    }
  });
});
