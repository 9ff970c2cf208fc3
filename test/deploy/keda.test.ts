import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { startRuntime, testConfig } from '../support/runtime.js';
import { READ_KEY, TEST_API_KEYS, WRITE_KEY } from '../support/api-keys.js';
import { testRedisUrl, uniqueName } from '../support/env.js';
import { yamlDocuments } from './deploy-files.js';

interface Trigger { type: string; metadata: Record<string, string> }

function scalerTrigger(): Trigger {
  const scaled = yamlDocuments('deploy/k8s/keda.yaml').find((doc) => doc.kind === 'ScaledObject') as { spec: { triggers: Trigger[] } };
  return scaled.spec.triggers[0] as Trigger;
}

/** KEDA's valueLocation for JSON is a GJSON path; ours is a plain dotted one. */
function valueAt(body: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], body);
}

describe('KEDA autoscaling metric (deploy/k8s/keda.yaml)', () => {
  it('reads every waiting job of both queues from the API, as the scaler asks for it', async (t) => {
    const prefix = `{${uniqueName('keda')}}`;
    // The API alone, as in the cluster: no worker takes the jobs, so they stay waiting.
    const runtime = await startRuntime(t, { api: true, workers: false }, testConfig({ apiKeys: TEST_API_KEYS, queuePrefix: prefix }));
    const jobs = [5, 5, 10, 1, 1];
    for (const priority of jobs) {
      const response = await fetch(`${runtime.apiUrl}/api/scraping/jobs`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': WRITE_KEY },
        body: JSON.stringify({ target_url: `http://127.0.0.1:9/product/${uniqueName('p')}`, scraping_type: 'product', priority }),
      });
      assert.equal(response.status, 202, await response.text());
    }
    const trigger = scalerTrigger();
    assert.equal(trigger.metadata.format, 'json');
    assert.equal(trigger.metadata.method, 'header');
    const url = new URL(trigger.metadata.url ?? '');
    const response = await fetch(`${runtime.apiUrl}${url.pathname}`, { headers: { [trigger.metadata.keyParamName ?? 'X-API-KEY']: READ_KEY } });
    assert.equal(response.status, 200, 'the scaler\'s read key and header are accepted');
    assert.equal(valueAt(await response.json(), trigger.metadata.valueLocation ?? ''), jobs.length);
  });

  it('would see nothing with a Redis list trigger: trawl\'s waiting jobs are prioritized, not in the wait list', async (t) => {
    const prefix = `{${uniqueName('keda')}}`;
    const runtime = await startRuntime(t, { api: true, workers: false }, testConfig({ apiKeys: TEST_API_KEYS, queuePrefix: prefix }));
    const response = await fetch(`${runtime.apiUrl}/api/scraping/jobs`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': WRITE_KEY },
      body: JSON.stringify({ target_url: 'http://127.0.0.1:9/product/1', scraping_type: 'product', priority: 5 }),
    });
    assert.equal(response.status, 202);
    const redis = new Redis(testRedisUrl());
    t.after(() => redis.quit().then(() => undefined));
    assert.equal(await redis.llen(`${prefix}:scraping:wait`), 0, 'KEDA\'s redis scaler (LLEN) would read 0');
    assert.equal(await redis.zcard(`${prefix}:scraping:prioritized`), 1);
  });
});
