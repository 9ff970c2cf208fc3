import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop } from '../../src/demo-shop/index.js';
import { Runtime } from '../../src/bootstrap/runtime.js';
import { createLogger } from '../../src/observability/logger.js';
import { graphqlHttp, waitUntil } from '../support/graphql-client.js';
import { testConfig } from '../support/runtime.js';

const START = 'mutation Start($input: StartCampaignInput!) { startCampaign(input: $input) { id } }';
const STATUS = 'query C($id: ID!) { campaign(id: $id) { status } }';

describe('job logs', () => {
  it('carry the job id, type, campaign id and domain on every line a job logs, its services\' lines included', async (t) => {
    const shop = await startDemoShop({ products: 6, productsPerPage: 3 });
    t.after(() => shop.close());
    const lines: string[] = [];
    let pending = '';
    const destination = {
      write(chunk: string) {
        pending += chunk;
        const parts = pending.split('\n');
        pending = parts.pop()!;
        lines.push(...parts);
      },
    };
    const logger = createLogger({ level: 'debug', name: 'trawl-test', format: 'json', destination });
    const runtime = await Runtime.start({ config: testConfig({ logLevel: 'debug' }), roles: { api: true, workers: true }, logger });
    t.after(() => runtime.close());

    const started = await graphqlHttp(runtime.apiUrl!, START, { input: { seedUrl: shop.url, rateLimitDelayMs: 0 } });
    assert.equal(started.errors, undefined, JSON.stringify(started.errors));
    const campaignId = started.data!.startCampaign.id as string;
    await waitUntil(async () => {
      const status = (await graphqlHttp(runtime.apiUrl!, STATUS, { id: campaignId })).data?.campaign.status as string | undefined;
      return status && ['COMPLETED', 'FAILED'].includes(status) ? status : undefined;
    }, 120_000, 'campaign finished');

    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const jobLines = records.filter((r) => r.jobId !== undefined && r.attempt !== undefined);
    const host = new URL(shop.url).hostname;
    const completed = jobLines.filter((r) => r.msg === 'job completed');
    assert.ok(completed.some((r) => r.type === 'full_site') && completed.some((r) => r.type === 'product'), JSON.stringify(completed.map((r) => r.type)));
    for (const record of jobLines) {
      assert.equal(record.campaignId, campaignId, JSON.stringify(record));
      assert.equal(record.domain, host, JSON.stringify(record));
      assert.equal(typeof record.type, 'string', JSON.stringify(record));
    }
    const fromServices = jobLines.filter((r) => r.msg !== 'job completed' && r.msg !== 'job attempt started');
    assert.ok(fromServices.some((r) => r.msg === 'site intelligence ready' && r.type === 'full_site'), JSON.stringify(fromServices.map((r) => r.msg)));
  });
});
