import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { siteOf } from '../../src/domain/url.js';
import { waitUntil } from '../support/graphql-client.js';
import { startObservedPair } from './metrics-fixture.js';
import { metricNames, promtoolCheck, promtoolStatus, sampleValue } from './metrics-support.js';

describe('metrics: /metrics of the API and of a worker process', () => {
  it('exports queue depth, job, HTTP, product and load metrics that pass promtool check metrics', async (t) => {
    const pair = await startObservedPair(t, 3);
    const domain = siteOf(pair.shop.url);
    const worker = await waitUntil(async () => {
      const text = await pair.workerMetrics();
      return (sampleValue(text, 'trawl_products_scraped_total') ?? 0) >= 3 ? text : undefined;
    }, 30_000, 'the worker to count the products');
    assert.equal(sampleValue(worker, 'trawl_jobs_processed_total', { type: 'product', outcome: 'completed', role: 'worker' }), 3);
    assert.equal(sampleValue(worker, 'trawl_job_duration_seconds_count', { type: 'product', outcome: 'completed' }), 3);
    assert.ok((sampleValue(worker, 'trawl_http_responses_total', { domain, status_class: '2xx' }) ?? 0) >= 3, `2xx responses from ${domain}`);
    assert.ok((sampleValue(worker, 'trawl_http_response_bytes_total', { domain }) ?? 0) > 0, 'bytes fetched');
    assert.equal(sampleValue(worker, 'trawl_product_completeness_ratio_count'), 3);
    assert.equal(sampleValue(worker, 'trawl_circuit_breaker_state', { domain }), 0, 'the breaker is closed');
    const busy = sampleValue(worker, 'trawl_worker_busy_ratio');
    assert.ok(busy !== undefined && busy > 0 && busy <= 1, `busy ratio ${busy} is in (0, 1]`);
    assert.equal(sampleValue(worker, 'trawl_worker_concurrency'), 4);
    assert.ok(metricNames(worker).has('trawl_nodejs_eventloop_lag_seconds'));

    const api = await pair.apiMetrics();
    assert.equal(sampleValue(api, 'trawl_queue_jobs', { queue: 'scraping', state: 'completed', role: 'api' }), 3);
    assert.equal(sampleValue(api, 'trawl_queue_jobs', { queue: 'scraping', state: 'waiting' }), 0);
    assert.equal(sampleValue(api, 'trawl_queue_stats_up'), 1);
    assert.equal(sampleValue(api, 'trawl_success_rate_ratio'), 1);
    assert.ok((sampleValue(api, 'trawl_success_products_per_minute') ?? 0) > 0);
    assert.ok(!/url="/.test(api + worker), 'no per-URL labels');

    const promtool = await promtoolStatus();
    if ('skip' in promtool) return t.skip(promtool.skip);
    await promtoolCheck(api);
    await promtoolCheck(worker);
  });
});
