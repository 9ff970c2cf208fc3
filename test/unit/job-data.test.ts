import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseJobData } from '../../src/queue/job-data.schema.js';
import { defaultJobOptions, jobOptions } from '../../src/queue/job-options.js';
import { queueForPriority } from '../../src/queue/queue-names.js';
import { DEFAULT_SCRAPE_SETTINGS, type JobData } from '../../src/domain/job-data.js';
import { isTrawlError } from '../../src/domain/errors.js';

const valid: JobData = {
  v: 1, type: 'product', jobId: 'j1', targetUrl: 'https://shop.example/p/1', createdAt: new Date().toISOString(), priority: 'LOW',
  settings: DEFAULT_SCRAPE_SETTINGS, siteIntelligenceId: 'shop.example',
  category: { url: 'https://shop.example/collections/boots', name: 'Boots', path: '/collections/boots', parentUrl: 'https://shop.example/collections/mens' },
};

describe('job payloads and options', () => {
  it('accepts the seed job data structure with category context', () => {
    assert.deepEqual(parseJobData(valid), valid);
  });

  it('refuses a poison payload with POISON_JOB naming the bad field', () => {
    for (const [raw, pattern] of [
      [{ ...valid, targetUrl: 'not a url' }, /targetUrl/],
      [{ ...valid, type: 'mine_bitcoin' }, /type/],
      [{ ...valid, v: 99 }, /version 99/],
      [null, /version/],
      [{ ...valid, settings: { ...valid.settings, timeoutMs: -1 } }, /settings\.timeoutMs/],
    ] as const) {
      assert.throws(() => parseJobData(raw), (e: unknown) => isTrawlError(e) && e.code === 'POISON_JOB' && !e.retryable && pattern.test(e.message));
    }
  });

  it('uses the seed queue defaults: 3 attempts, exponential backoff from 2 s, bounded history', () => {
    assert.deepEqual(defaultJobOptions(), { attempts: 3, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 50 } });
  });

  it('maps priorities onto the seed ranks and URGENT onto its own queue', () => {
    assert.deepEqual(jobOptions(valid), { jobId: 'j1', priority: 10 });
    assert.equal(jobOptions({ ...valid, priority: 'URGENT' }).priority, 1);
    assert.equal(jobOptions({ ...valid, priority: 'NORMAL' }).priority, 5);
    assert.equal(queueForPriority('URGENT'), 'scraping-urgent');
    assert.equal(queueForPriority('HIGH'), 'scraping');
  });
});
