import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop } from '../../src/demo-shop/index.js';
import { graphqlHttp, waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';

describe('a campaign survives restarts: its progress lives in the store and Redis, not in a process', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const scope = { after: (fn: () => Promise<void>) => void cleanups.push(fn) };
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  it('completes with counters that add up after the workers and the API are replaced mid-campaign', async () => {
    const shop = await startDemoShop({ products: 80, productsPerPage: 6, flavour: 'woocommerce' });
    cleanups.push(() => shop.close());
    const config = testConfig({ workerConcurrency: 2, campaignRateLimitDelayMs: 5 });
    const api = await startRuntime(scope, { api: true, workers: false }, config);
    const started = await graphqlHttp(api.apiUrl!, `mutation($u: String!) { startCampaign(input: { seedUrl: $u }) { id } }`, { u: shop.url });
    const id = started.data!.startCampaign.id;
    const progress = async (url: string) => (await graphqlHttp(url, `query($id: ID!) { campaign(id: $id) { status progress { productsDiscovered productsQueued productsScraped productsFailed productsSkipped } } }`, { id })).data!.campaign;

    const first = await startRuntime(scope, { api: false, workers: true }, config);
    await waitUntil(async () => ((await progress(api.apiUrl!)).progress.productsScraped >= 10 ? true : undefined), 60_000, '10 products scraped');
    await first.close();
    await api.close();

    const api2 = await startRuntime(scope, { api: true, workers: false }, config);
    const midway = await progress(api2.apiUrl!);
    assert.equal(midway.status, 'SCRAPING');
    assert.ok(midway.progress.productsScraped >= 10);
    await startRuntime(scope, { api: false, workers: true }, config);
    const done = await waitUntil(async () => {
      const c = await progress(api2.apiUrl!);
      return c.status === 'COMPLETED' ? c : undefined;
    }, 90_000, 'campaign completed after the restart');
    const p = done.progress;
    assert.equal(p.productsQueued, 0);
    assert.equal(p.productsFailed, 0);
    assert.equal(p.productsDiscovered, p.productsScraped + p.productsFailed + p.productsSkipped);
    const listed = await graphqlHttp(api2.apiUrl!, `query($id: ID!) { products(first: 500, filter: { campaignId: $id }) { totalCount } }`, { id });
    assert.equal(listed.data!.products.totalCount, p.productsScraped, 'every scraped product stored once');
    assert.deepEqual(shop.disallowedHits(), []);
  });
});
