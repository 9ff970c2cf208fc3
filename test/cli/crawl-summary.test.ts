import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { CampaignReports } from '../../src/domain/services/campaign-report.service.js';
import { DeadLetterService } from '../../src/domain/services/dead-letter.service.js';
import { CampaignLifecycle } from '../../src/domain/services/campaign-lifecycle.service.js';
import { readCrawlSummary, topErrors } from '../../src/domain/services/crawl-summary.js';
import { SILENT_LOGGER } from '../../src/domain/ports/logger.port.js';
import type { ErrorCode } from '../../src/domain/errors.js';
import { summaryTable } from '../../src/cli/crawl-format.js';
import { tempDir } from '../support/env.js';

describe('crawl summary', () => {
  it('ranks the top error codes of a campaign by count, each with an example URL, from its stored dead letters', async () => {
    const store = SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') });
    try {
      const campaign = await store.campaigns.create({ seedUrl: 'https://shop.example/', site: 'shop.example', options: { priority: 'NORMAL', rateLimitDelayMs: 0, renderJs: 'AUTO' } });
      const other = await store.campaigns.create({ seedUrl: 'https://other.example/', site: 'other.example', options: { priority: 'NORMAL', rateLimitDelayMs: 0, renderJs: 'AUTO' } });
      const codes: [ErrorCode, string][] = [
        ['HTTP_NOT_FOUND', 'https://shop.example/p/1'], ['TIMEOUT', 'https://shop.example/p/2'], ['HTTP_NOT_FOUND', 'https://shop.example/p/3'],
        ['NOT_A_PRODUCT', 'https://shop.example/p/4'], ['HTTP_NOT_FOUND', 'https://shop.example/p/5'], ['TIMEOUT', 'https://shop.example/p/6'],
      ];
      let n = 0;
      const put = (campaignId: string, code: ErrorCode, url: string) => store.deadLetters.put({
        jobId: `job-${n++}`, queue: 'scraping', type: 'product', code, message: `${code} at ${url}`, rawData: '{}', attempts: [],
        bundle: { requestedUrl: url }, deadAt: new Date(Date.now() + n), campaignId, url,
      });
      for (const [code, url] of codes) await put(campaign.id, code, url);
      await put(other.id, 'HTTP_FORBIDDEN', 'https://other.example/p/1');

      const deadLetters = new DeadLetterService({ store, logger: SILENT_LOGGER, lifecycle: new CampaignLifecycle({ store, logger: SILENT_LOGGER }) });
      const campaigns = { get: async (id: string) => (await store.campaigns.getByIds([id]))[0] ?? null };
      const summary = await readCrawlSummary({ campaigns, reports: new CampaignReports(store), deadLetters }, campaign.id, 2);
      assert.deepEqual(summary.topErrors, [
        { code: 'HTTP_NOT_FOUND', count: 3, exampleUrl: 'https://shop.example/p/1' },
        { code: 'TIMEOUT', count: 2, exampleUrl: 'https://shop.example/p/2' },
      ]);
      assert.equal(summary.status, 'PENDING');
      const table = summaryTable(summary);
      assert.match(table, /CODE\s+COUNT\s+EXAMPLE URL/);
      assert.match(table, /HTTP_NOT_FOUND\s+3\s+https:\/\/shop\.example\/p\/1/);
      await assert.rejects(readCrawlSummary({ campaigns, reports: new CampaignReports(store), deadLetters }, 'nope'), { code: 'NOT_FOUND' });
    } finally {
      await store.close();
    }
  });

  it('breaks count ties by code and keeps the first URL seen', () => {
    assert.deepEqual(topErrors([{ code: 'B', url: 'u1' }, { code: 'A' }, { code: 'A', url: 'u3' }, { code: 'B', url: 'u4' }]), [
      { code: 'A', count: 2, exampleUrl: 'u3' },
      { code: 'B', count: 2, exampleUrl: 'u1' },
    ]);
  });
});
