import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Metrics } from '../../src/observability/metrics.js';
import { BusyWindow } from '../../src/observability/busy-window.js';
import { holdReasonOf } from '../../src/observability/hold-reason.js';
import { HeldBack } from '../../src/domain/errors.js';
import { metricNames, promtoolCheck, promtoolStatus, sampleValue } from './metrics-support.js';

describe('metrics: telemetry on prom-client', () => {
  it('gives the first sites their own domain label and reports every later one as "other"', async () => {
    const metrics = new Metrics('worker', { maxDomains: 2 });
    metrics.telemetry.httpResponse('a.example', 200, 1000);
    metrics.telemetry.httpResponse('b.example', 404, 10);
    metrics.telemetry.httpResponse('c.example', 200, 5);
    metrics.telemetry.httpResponse('d.example', 0, 0);
    metrics.telemetry.httpResponse('a.example', 503, 0);
    const text = await metrics.render();
    assert.equal(sampleValue(text, 'trawl_http_responses_total', { domain: 'a.example', status_class: '2xx' }), 1);
    assert.equal(sampleValue(text, 'trawl_http_responses_total', { domain: 'a.example', status_class: '5xx' }), 1);
    assert.equal(sampleValue(text, 'trawl_http_responses_total', { domain: 'b.example', status_class: '4xx' }), 1);
    assert.equal(sampleValue(text, 'trawl_http_responses_total', { domain: 'other', status_class: '2xx' }), 1);
    assert.equal(sampleValue(text, 'trawl_http_responses_total', { domain: 'other', status_class: 'error' }), 1);
    assert.equal(sampleValue(text, 'trawl_http_response_bytes_total', { domain: 'a.example' }), 1000);
    assert.ok(!text.includes('c.example') && !text.includes('d.example'), 'sites beyond the cap never appear');
  });

  it('counts products with their completeness, politeness waits, breaker states, attempts and hold-backs, with a role label', async () => {
    const metrics = new Metrics('worker');
    metrics.telemetry.productScraped(0.85);
    metrics.telemetry.productScraped(0.4);
    metrics.telemetry.politenessWait('shop.example', 'min-delay', 250);
    metrics.telemetry.breakerState('shop.example', 'open');
    metrics.telemetry.jobAttempt('product', 'completed', 1500);
    metrics.telemetry.jobHeldBack('product', holdReasonOf(new HeldBack(1000, 'shop.example: spacing', { site: 'shop.example', reason: 'min-delay' })));
    const text = await metrics.render();
    assert.equal(sampleValue(text, 'trawl_products_scraped_total', { role: 'worker' }), 2);
    assert.equal(sampleValue(text, 'trawl_product_completeness_ratio_bucket', { le: '0.5' }), 1);
    assert.equal(sampleValue(text, 'trawl_politeness_wait_seconds_total', { domain: 'shop.example', reason: 'min-delay' }), 0.25);
    assert.equal(sampleValue(text, 'trawl_circuit_breaker_state', { domain: 'shop.example' }), 2);
    assert.equal(sampleValue(text, 'trawl_jobs_processed_total', { type: 'product', outcome: 'completed' }), 1);
    assert.equal(sampleValue(text, 'trawl_job_duration_seconds_count', { type: 'product', outcome: 'completed' }), 1);
    assert.equal(sampleValue(text, 'trawl_jobs_held_back_total', { type: 'product', reason: 'min-delay' }), 1);
    for (const name of ['trawl_nodejs_eventloop_lag_seconds', 'trawl_process_cpu_seconds_total', 'trawl_process_resident_memory_bytes']) {
      assert.ok(metricNames(text).has(name.replace(/_total$/, '')) || metricNames(text).has(name), `${name} is exported`);
    }
  });

  it('names bounded hold-back reasons for every kind of hold', () => {
    assert.equal(holdReasonOf(new HeldBack(1, 'x', { site: 's', url: 'u', breaker: 'open' })), 'blocked');
    assert.equal(holdReasonOf(new HeldBack(1, 'robots.txt of https://s is unreachable', { url: 'u' })), 'robots-unreachable');
    assert.equal(holdReasonOf(new HeldBack(1, 'campaign paused', { campaignId: 'c' })), 'campaign-paused');
    assert.equal(holdReasonOf(new HeldBack(1, 'store unavailable; waiting', { jobId: 'j' })), 'store-unavailable');
    assert.equal(holdReasonOf(new HeldBack(1, 'something new', { reason: 'https://not-a-bounded-value' })), 'other');
  });

  it('reports the busy ratio as time in jobs over concurrency times the window, running jobs counted up to now', () => {
    let now = 0;
    const busy = new BusyWindow(10_000, () => now);
    now = 10_000;
    const first = busy.begin();
    now = 15_000;
    first();
    const second = busy.begin();
    now = 20_000;
    // Window 10..20 s: 5 s of a finished job and 5 s of a running one, over 2 slots x 10 s.
    assert.equal(busy.ratio(2), 0.5);
    second();
    now = 40_000;
    assert.equal(busy.ratio(2), 0, 'jobs that ended before the window no longer count');
  });

  it('passes promtool check metrics', async (t) => {
    const promtool = await promtoolStatus();
    if ('skip' in promtool) return t.skip(promtool.skip);
    const metrics = new Metrics('worker');
    metrics.telemetry.httpResponse('shop.example', 200, 10);
    metrics.telemetry.productScraped(0.9);
    metrics.telemetry.politenessWait('shop.example', 'concurrency', 10);
    metrics.telemetry.breakerState('shop.example', 'closed');
    metrics.telemetry.jobAttempt('product', 'retry', 20);
    metrics.watchWorkers({ concurrency: 4, activeJobs: () => 1, busyRatio: () => 0.25 }, 60);
    await promtoolCheck(await metrics.render());
  });
});
