import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { collect, graphqlHttp, waitUntil, wsClient } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { expectedCategoryLinks } from '../support/catalog-truth.js';

const START = `mutation Start($input: StartCampaignInput!) { startCampaign(input: $input) { id status domain } }`;
const CAMPAIGN = `query C($id: ID!) { campaign(id: $id) { id status failedReason
  progress { phase categoriesDiscovered categoriesScraped categoriesFailed productsDiscovered productsQueued productsScraped productsFailed productsSkipped skippedReasons { reason count } percent final }
  quality { products productCompleteness categoryLinkage duplicateProducts duplicateRate errorRateByDomain { domain rate } meetsTargets } } }`;
const PROGRESS = `subscription P($id: ID!) { campaignProgress(id: $id) { status phase productsDiscovered productsScraped percent final quality { categoryLinkage productCompleteness } } }`;

interface CampaignData { campaign: { status: string; progress: Record<string, any>; quality: Record<string, any> } }

describe('campaigns on the demo shop (discovery, fan-out, category links, completion)', () => {
  let shop: DemoShop;
  let runtime: Runtime;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    shop = await startDemoShop({ products: 90, productsPerPage: 8 });
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: true }, testConfig({ workerConcurrency: 6 }));
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
    await shop.close();
  });

  const read = async (id: string) => (await graphqlHttp<CampaignData>(runtime.apiUrl!, CAMPAIGN, { id })).data!.campaign;
  const finished = (id: string) => waitUntil(async () => {
    const c = await read(id);
    return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(c.status) ? c : undefined;
  }, 60_000, `campaign ${id}`);

  for (const flavour of ['shopify', 'woocommerce', 'generic'] as const) {
    it(`completes a campaign on the ${flavour} shop: every public product stored once, linked to exactly the categories that list it, robots.txt obeyed`, async () => {
      const site = await startDemoShop({ products: 70, productsPerPage: 6, flavour });
      cleanups.push(() => site.close());
      const started = await graphqlHttp(runtime.apiUrl!, START, { input: { seedUrl: site.url, rateLimitDelayMs: 0 } });
      assert.equal(started.errors, undefined, JSON.stringify(started.errors));
      const id = started.data!.startCampaign.id;
      const client = wsClient(runtime.apiUrl!);
      const stream = collect<{ campaignProgress: { final: boolean; percent: number; status: string; quality: { categoryLinkage: number } | null } }>(
        client, PROGRESS, { id }, (e) => e.campaignProgress.final, 90_000);
      const events = await stream.done;
      await client.dispose();
      const last = events.at(-1)!.campaignProgress;
      assert.equal(last.status, 'COMPLETED');
      assert.equal(last.percent, 100);
      assert.equal(last.quality?.categoryLinkage, 1);

      const campaign = await finished(id);
      const p = campaign.progress;
      assert.equal(p.productsQueued, 0);
      assert.equal(p.productsFailed, 0, JSON.stringify(p));
      assert.equal(p.productsDiscovered, p.productsScraped + p.productsFailed + p.productsSkipped);
      assert.equal(p.categoriesScraped + p.categoriesFailed, p.categoriesDiscovered);
      assert.equal(campaign.quality.duplicateProducts, 0);
      assert.ok(campaign.quality.productCompleteness >= 0.9, JSON.stringify(campaign.quality));
      assert.deepEqual(site.disallowedHits(), [], 'no robots-disallowed URL fetched');

      const listed = await graphqlHttp(runtime.apiUrl!, `query($id: ID!) { products(first: 500, filter: { campaignId: $id }) { totalCount edges { node { canonicalUrl categories { url }
        categoryLinks { category { url } campaignId listingUrl page position } } } } }`, { id });
      for (const { node } of listed.data!.products.edges as any[]) {
        assert.equal(node.categoryLinks.length, node.categories.length);
        for (const link of node.categoryLinks) {
          assert.equal(link.campaignId, id);
          assert.ok(link.page >= 1 && link.position >= 1, JSON.stringify(link));
          assert.ok(link.listingUrl.startsWith(site.url), link.listingUrl);
        }
      }
      const stored = new Map<string, string[]>(listed.data!.products.edges.map((e: any) => [e.node.canonicalUrl, e.node.categories.map((c: { url: string }) => c.url).sort()]));
      const selected = await graphqlHttp(runtime.apiUrl!, `query($id: ID!) { categories(first: 500, filter: { campaignId: $id }) { edges { node { url } } } }`, { id });
      const categoryUrls = new Set<string>(selected.data!.categories.edges.map((e: any) => e.node.url));
      const expected = expectedCategoryLinks(site, categoryUrls);
      assert.ok(expected.size > 20, `expected ${expected.size}`);
      assert.deepEqual([...stored.keys()].sort(), [...expected.keys()].sort(), 'the stored products are exactly the public listed ones');
      for (const [url, categories] of expected) assert.deepEqual(stored.get(url), categories, `categories of ${url}`);
      assert.ok(p.skippedReasons.every((r: { reason: string }) => r.reason === 'robots.txt'), JSON.stringify(p.skippedReasons));
    });
  }

  it('honours maxProducts and maxCategories, explaining the skipped products', async () => {
    const started = await graphqlHttp(runtime.apiUrl!, START, { input: { seedUrl: shop.url, rateLimitDelayMs: 0, maxProducts: 10, maxCategories: 3, categoryTypes: ['PRODUCT'] } });
    const campaign = await finished(started.data!.startCampaign.id);
    const p = campaign.progress;
    assert.equal(campaign.status, 'COMPLETED');
    assert.equal(p.categoriesDiscovered, 3);
    assert.equal(p.productsScraped + p.productsFailed, Math.min(10, p.productsDiscovered), JSON.stringify(p));
    assert.equal(p.productsDiscovered, p.productsScraped + p.productsFailed + p.productsSkipped);
    if (p.productsSkipped > 0) assert.ok(p.skippedReasons.some((r: { reason: string }) => r.reason === 'maxProducts'));
  });

  it('spaces the campaign\'s listing and product requests by rateLimitDelayMs across workers', async () => {
    const polite = await startDemoShop({ products: 30, productsPerPage: 5 });
    cleanups.push(() => polite.close());
    const started = await graphqlHttp(runtime.apiUrl!, START, { input: { seedUrl: polite.url, rateLimitDelayMs: 150, maxCategories: 2, maxProducts: 6, categoryTypes: ['PRODUCT'] } });
    const campaign = await finished(started.data!.startCampaign.id);
    assert.equal(campaign.status, 'COMPLETED');
    const times = polite.requests().filter((r) => /^\/(collections|products)\//.test(r.path)).map((r) => r.at).sort((x, y) => x - y);
    assert.ok(times.length >= 4, `${times.length} requests`);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // Slots are reserved 150 ms apart on Redis's clock; a worker whose event loop is busy
    // (another job's parse) sends a little late, so single arrivals jitter, never the average.
    const total = times.at(-1)! - times[0]!;
    assert.ok(total >= 150 * gaps.length - 50, `total ${total} ms for ${gaps.length} gaps: ${gaps.join(', ')}`);
    assert.ok(gaps.filter((gap) => gap < 100).length <= Math.ceil(gaps.length / 10), `gaps ${gaps.join(', ')}`);
  });

  it('pauses, resumes and cancels, and refuses what the status does not allow', async () => {
    const started = await graphqlHttp(runtime.apiUrl!, START, { input: { seedUrl: shop.url, rateLimitDelayMs: 200 } });
    const id = started.data!.startCampaign.id;
    const paused = await graphqlHttp(runtime.apiUrl!, `mutation($id: ID!) { pauseCampaign(id: $id) { status } }`, { id });
    assert.equal(paused.data!.pauseCampaign.status, 'PAUSED');
    const again = await graphqlHttp(runtime.apiUrl!, `mutation($id: ID!) { pauseCampaign(id: $id) { status } }`, { id });
    assert.equal(again.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.match(again.errors![0]!.message, /already paused/);
    const resumed = await graphqlHttp(runtime.apiUrl!, `mutation($id: ID!) { resumeCampaign(id: $id) { status } }`, { id });
    assert.ok(['DISCOVERING', 'SCRAPING'].includes(resumed.data!.resumeCampaign.status));
    const cancelled = await graphqlHttp(runtime.apiUrl!, `mutation($id: ID!) { cancelCampaign(id: $id) { status } }`, { id });
    assert.equal(cancelled.data!.cancelCampaign.status, 'CANCELLED');
    const campaign = await waitUntil(async () => {
      const c = await read(id);
      return c.progress.productsQueued === 0 ? c : undefined;
    }, 60_000, 'cancelled campaign drained');
    assert.equal(campaign.status, 'CANCELLED');
    assert.equal(campaign.progress.productsDiscovered, campaign.progress.productsScraped + campaign.progress.productsFailed + campaign.progress.productsSkipped);
  });

  it('runs SEARCH and FULL_SITE jobs from enqueueJob: search results become products linked to the search; a disallowed search is not run', async () => {
    const generic = await startDemoShop({ products: 60, productsPerPage: 5, flavour: 'generic' });
    cleanups.push(() => generic.close());
    const query = generic.catalog.products[0]!.title.split(' ').at(-1)!;
    const truth = generic.catalog.searchResults(query).filter((p) => !generic.catalog.isDisallowed(generic.catalog.productUrlPath(p)));
    const search = await graphqlHttp(runtime.apiUrl!, `mutation($q: String!, $u: String!) { enqueueJob(input: { type: SEARCH, url: $u, query: $q }) { id state } }`, { q: query, u: generic.url });
    assert.equal(search.errors, undefined, JSON.stringify(search.errors));
    const jobState = async (id: string) => (await graphqlHttp(runtime.apiUrl!, `query($id: ID!) { job(id: $id) { state } }`, { id })).data?.job?.state;
    await waitUntil(async () => (await jobState(search.data!.enqueueJob.id)) === 'COMPLETED', 60_000, 'search job');
    const categories = await graphqlHttp(runtime.apiUrl!, `query($d: String!) { categories(first: 500, filter: { domain: $d }) { edges { node { id name } } } }`, { d: new URL(generic.url).host });
    const searchCategory = categories.data!.categories.edges.map((e: any) => e.node).find((c: { name: string }) => c.name === `Search: ${query}`);
    assert.ok(searchCategory, 'the search is recorded as a listing');
    await waitUntil(async () => {
      const linked = await graphqlHttp(runtime.apiUrl!, `query($id: ID!) { products(first: 500, filter: { categoryId: $id }) { totalCount } }`, { id: searchCategory.id });
      return linked.data!.products.totalCount === truth.length ? true : undefined;
    }, 60_000, `${truth.length} products linked to the search`);

    const blocked = await graphqlHttp(runtime.apiUrl!, `mutation($u: String!) { enqueueJob(input: { type: SEARCH, url: $u, query: "boot" }) { id } }`, { u: shop.url });
    await waitUntil(async () => (await jobState(blocked.data!.enqueueJob.id)) === 'COMPLETED', 60_000, 'disallowed search job');
    assert.ok(!shop.requests().some((r) => r.path.startsWith('/search') || r.path.startsWith('/?s=')), 'the shop disallows /search: it was never fetched');
    assert.deepEqual(shop.disallowedHits(), []);

    const missingQuery = await graphqlHttp(runtime.apiUrl!, `mutation($u: String!) { enqueueJob(input: { type: SEARCH, url: $u }) { id } }`, { u: shop.url });
    assert.equal(missingQuery.errors?.[0]?.extensions?.field, 'input.query');
    const site = await graphqlHttp(runtime.apiUrl!, `mutation($u: String!) { enqueueJob(input: { type: FULL_SITE, url: $u, priority: LOW }) { id type campaignId } }`, { u: shop.url });
    assert.equal(site.errors, undefined, JSON.stringify(site.errors));
    assert.equal(site.data!.enqueueJob.type, 'FULL_SITE');
    assert.ok(site.data!.enqueueJob.campaignId);
    await finished(site.data!.enqueueJob.campaignId);
  });

  it('rejects bad campaign input naming the field, and unknown enum values in the schema', async () => {
    const badUrl = await graphqlHttp(runtime.apiUrl!, START, { input: { seedUrl: 'ftp://shop.example/' } });
    assert.equal(badUrl.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(badUrl.errors?.[0]?.extensions?.field, 'input.seedUrl');
    const zero = await graphqlHttp(runtime.apiUrl!, START, { input: { seedUrl: shop.url, maxProducts: 0 } });
    assert.equal(zero.errors?.[0]?.extensions?.field, 'input.maxProducts');
    const type = await graphqlHttp(runtime.apiUrl!, START, { input: { seedUrl: shop.url, categoryTypes: ['SHOES'] } });
    assert.equal(type.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(type.errors![0]!.message, /SHOES/);
    const missing = await graphqlHttp(runtime.apiUrl!, `mutation { cancelCampaign(id: "nope") { id } }`);
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  it('exposes what it learned about the site, and re-learns it on demand', async () => {
    const name = new URL(shop.url).host;
    const domain = await graphqlHttp(runtime.apiUrl!, `query($n: String!) { domain(name: $n) { site platform platformSignals navigation { name url depth } hasRobotsTxt sitemapProductCount learnedAt } }`, { n: name });
    assert.equal(domain.errors, undefined, JSON.stringify(domain.errors));
    assert.equal(domain.data!.domain.platform, 'SHOPIFY');
    assert.ok(domain.data!.domain.navigation.length > 0);
    assert.equal(domain.data!.domain.hasRobotsTxt, true);
    const refreshed = await graphqlHttp(runtime.apiUrl!, `mutation($n: String!) { refreshSiteIntelligence(domain: $n) { learnedAt } }`, { n: name });
    assert.ok(new Date(refreshed.data!.refreshSiteIntelligence.learnedAt) > new Date(domain.data!.domain.learnedAt));
    const unknown = await graphqlHttp(runtime.apiUrl!, `mutation { refreshSiteIntelligence(domain: "nowhere.example") { site } }`);
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});
