import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { graphqlHttp } from '../support/graphql-client.js';
import { startObservedPair } from '../observability/metrics-fixture.js';

const QUERY = `query($w: Float) { successMetrics(windowMinutes: $w) {
  windowMinutes from to productsPerMinute jobsCompleted jobsFailed successRate queueTimeMeanMs queueTimeP95Ms queueWaitMeanMs queueTimeSamples
  workerUtilization liveWorkers queueDepth drainRatePerMinute fillRatePerMinute depthStable } }`;

describe('successMetrics: the seed\'s success metrics over a window', () => {
  it('reports throughput, queue time, success rate, utilization and drain rate after jobs ran, and refuses an empty window', async (t) => {
    const pair = await startObservedPair(t, 3);
    const result = await graphqlHttp<{ successMetrics: Record<string, number | boolean | null> }>(pair.api.apiUrl!, QUERY, { w: 5 });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const m = result.data!.successMetrics;
    assert.equal(m.windowMinutes, 5);
    assert.equal(m.jobsCompleted, 3);
    assert.equal(m.jobsFailed, 0);
    assert.equal(m.successRate, 1);
    assert.equal(m.productsPerMinute, 0.6, '3 products over 5 minutes');
    assert.equal(m.queueTimeSamples, 3);
    assert.ok(typeof m.queueTimeMeanMs === 'number' && m.queueTimeMeanMs >= 0);
    assert.ok(typeof m.queueTimeP95Ms === 'number' && m.queueTimeP95Ms >= 0);
    assert.equal(m.liveWorkers, 1);
    assert.ok(typeof m.workerUtilization === 'number' && m.workerUtilization >= 0 && m.workerUtilization <= 1);
    assert.equal(m.queueDepth, 0);
    assert.equal(m.drainRatePerMinute, 0.6);
    assert.equal(m.fillRatePerMinute, null, 'no earlier depth sample yet');
    assert.equal(m.depthStable, null);

    const refused = await graphqlHttp(pair.api.apiUrl!, QUERY, { w: 0 });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(String(refused.errors?.[0]?.message), /windowMinutes/);
  });
});
