import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ProductJobResult } from '../../src/domain/entities/scraping-job.js';
import type { Store } from '../../src/domain/ports/storage.port.js';
import { isTrawlError } from '../../src/domain/errors.js';
import { categoryInput, jobRecord, productInput, productWrite, SITE } from '../support/fixtures.js';
import { defineCatalogSearchContract } from './catalog-search.contract.js';

/**
 * The behaviour every storage adapter must have. Each adapter's test file calls
 * this with a factory that returns a fresh, empty store.
 */
export function defineStorageContract(name: string, createStore: () => Promise<Store>): void {
  describe(`${name} storage contract`, () => {
    let store: Store;
    before(async () => {
      store = await createStore();
    });
    after(async () => {
      await store?.close();
    });

    it('answers ping', async () => {
      await store.ping();
    });

    defineCatalogSearchContract(() => store);

    it('stores a product job write and reads the product back by id and by URL', async () => {
      const outcome = await store.recordProductScrape(productWrite('alpha', categoryInput('boots')));
      assert.equal(outcome.created, true);
      assert.equal(outcome.product.title, 'Product alpha');
      assert.deepEqual(outcome.product.price, { amount: '19.99', currency: 'USD' });
      assert.deepEqual(outcome.product.variants, [{ title: 'M', options: { Size: 'M' }, availability: 'IN_STOCK' }]);
      const [byId] = await store.products.getByIds([outcome.product.id]);
      assert.equal(byId?.canonicalUrl, `https://${SITE}/products/alpha`);
      assert.ok(byId?.firstSeenAt instanceof Date);
      const byUrl = await store.products.getByUrl(SITE, `https://${SITE}/products/alpha`);
      assert.equal(byUrl?.id, outcome.product.id);
    });

    it('upserts a product by site and canonical URL: same id, refreshed fields', async () => {
      const first = await store.recordProductScrape(productWrite('beta'));
      const second = await store.recordProductScrape(productWrite('beta', undefined, { title: 'Beta v2', price: { amount: '9.50', currency: 'USD' } }));
      assert.equal(second.product.id, first.product.id);
      assert.equal(second.created, false);
      assert.equal(second.product.title, 'Beta v2');
      assert.deepEqual(second.product.price, { amount: '9.50', currency: 'USD' });
      assert.equal(second.product.firstSeenAt.getTime(), first.product.firstSeenAt.getTime());
    });

    it('links one product found in three categories as one product with three links', async () => {
      const ids = new Set<string>();
      for (const handle of ['men', 'shoes', 'sale']) {
        const outcome = await store.recordProductScrape(productWrite('gamma', categoryInput(`c3-${handle}`)));
        ids.add(outcome.product.id);
      }
      assert.equal(ids.size, 1);
      const [productId] = [...ids];
      const links = await store.products.categoryIdsOf([productId!]);
      assert.equal(links.get(productId!)?.length, 3);
    });

    it('replaying the same write adds no duplicate link, category or product', async () => {
      const write = productWrite('delta', categoryInput('replay'));
      const first = await store.recordProductScrape(write);
      const again = await store.recordProductScrape(write);
      assert.equal(again.product.id, first.product.id);
      assert.equal(again.category?.id, first.category?.id);
      const links = await store.products.categoryIdsOf([first.product.id]);
      assert.deepEqual(links.get(first.product.id), [first.category!.id]);
      const page = await store.products.list({ categoryId: first.category!.id }, { first: 10 });
      assert.equal(page.totalCount, 1);
    });

    it('stores the job result with the product and category ids', async () => {
      const write = productWrite('epsilon', categoryInput('results'));
      const outcome = await store.recordProductScrape(write);
      const stored = await store.results.get(write.jobId);
      assert.equal(stored?.status, 'SUCCEEDED');
      assert.equal((stored?.result as ProductJobResult | undefined)?.productId, outcome.product.id);
      assert.equal((stored?.result as ProductJobResult | undefined)?.categoryId, outcome.category?.id);
      assert.deepEqual(outcome.result.result, stored?.result);
    });

    it('keeps a failure result with its attempt errors', async () => {
      const at = new Date('2026-02-02T00:00:00Z');
      await store.results.putFailure({
        jobId: 'failed-1', type: 'product', url: 'https://shop.example/x', status: 'FAILED', createdAt: at,
        errors: [
          { attempt: 1, code: 'HTTP_NOT_FOUND', message: 'HTTP 404', httpStatus: 404, url: 'https://shop.example/x', at },
          { attempt: 2, code: 'INTERNAL', message: 'boom', durationMs: 12, stack: 'Error: boom\n    at scrape (product.js:1:1)', at },
        ],
      });
      const stored = await store.results.get('failed-1');
      assert.equal(stored?.status, 'FAILED');
      assert.equal(stored?.errors[0]?.code, 'HTTP_NOT_FOUND');
      assert.equal(stored?.errors[1]?.stack, 'Error: boom\n    at scrape (product.js:1:1)');
      assert.equal(stored?.errors[0]?.at.getTime(), at.getTime());
      assert.equal(await store.results.get('no-such-job'), null);
    });

    it('upserts categories by URL and wires parents in either insertion order', async () => {
      const child = await store.categories.upsert(categoryInput('p-boots', { parentUrl: `https://${SITE}/collections/p-shoes`, type: 'PRODUCT', depth: 1 }));
      assert.equal(child.parentId, undefined);
      const parent = await store.categories.upsert(categoryInput('p-shoes', { type: 'PRODUCT' }));
      const [reloaded] = await store.categories.getByIds([child.id]);
      assert.equal(reloaded?.parentId, parent.id);
      const again = await store.categories.upsert(categoryInput('p-boots', { name: 'Boots' }));
      assert.equal(again.id, child.id);
      assert.equal(again.name, 'Boots');
      assert.equal(again.type, 'PRODUCT');
      assert.equal(again.parentId, parent.id);
      const children = await store.categories.list({ parentId: parent.id }, { first: 10 });
      assert.deepEqual(children.items.map((c) => c.id), [child.id]);
      assert.equal((await store.categories.getByUrl(`https://${SITE}/collections/p-shoes`))?.id, parent.id);
    });

    it('pages products with cursors, totals and filters', async () => {
      const campaign = await store.campaigns.create({ seedUrl: 'https://paged.example/', site: 'paged.example', options: { priority: 'NORMAL', rateLimitDelayMs: 0, renderJs: 'AUTO' } });
      const category = categoryInput('paged', { site: 'paged.example', url: 'https://paged.example/collections/paged', campaignId: campaign.id });
      for (let i = 0; i < 5; i++) {
        await store.recordProductScrape(productWrite(`p${i}`, category, { site: 'paged.example', url: `https://paged.example/products/p${i}`, canonicalUrl: `https://paged.example/products/p${i}`, campaignId: campaign.id }));
      }
      const first = await store.products.list({ site: 'paged.example' }, { first: 2 });
      assert.equal(first.totalCount, 5);
      assert.equal(first.items.length, 2);
      assert.equal(first.hasNextPage, true);
      const seen = first.items.map((p) => p.id);
      let cursor = first.cursors.at(-1);
      for (;;) {
        const next = await store.products.list({ site: 'paged.example' }, { first: 2, after: cursor! });
        seen.push(...next.items.map((p) => p.id));
        cursor = next.cursors.at(-1);
        if (!next.hasNextPage) break;
      }
      assert.equal(new Set(seen).size, 5);
      assert.equal((await store.products.list({ campaignId: campaign.id }, { first: 10 })).totalCount, 5);
      const [categoryRow] = (await store.categories.list({ campaignId: campaign.id }, { first: 10 })).items;
      assert.equal((await store.products.list({ categoryId: categoryRow!.id }, { first: 10 })).totalCount, 5);
      assert.equal((await store.products.list({ site: 'nowhere.example' }, { first: 10 })).totalCount, 0);
    });

    it('returns getByIds in the order asked, with null for unknown ids', async () => {
      const a = await store.recordProductScrape(productWrite('order-a'));
      const b = await store.recordProductScrape(productWrite('order-b'));
      const rows = await store.products.getByIds([b.product.id, 'missing', a.product.id]);
      assert.deepEqual(rows.map((r) => r?.id ?? null), [b.product.id, null, a.product.id]);
    });

    it('creates campaigns, moves their status and adds concurrent counter increments', async () => {
      const campaign = await store.campaigns.create({ seedUrl: 'https://c.example/', site: 'c.example', options: { priority: 'HIGH', rateLimitDelayMs: 500, renderJs: 'NEVER' } });
      assert.equal(campaign.status, 'PENDING');
      assert.equal(campaign.counters.productsScraped, 0);
      await Promise.all(Array.from({ length: 20 }, () => store.campaigns.incrementCounters(campaign.id, { productsScraped: 1, productsQueued: 2 })));
      const done = await store.campaigns.setStatus(campaign.id, 'COMPLETED', new Date());
      assert.equal(done?.status, 'COMPLETED');
      assert.ok(done?.finishedAt instanceof Date);
      assert.equal(done?.counters.productsScraped, 20);
      assert.equal(done?.counters.productsQueued, 40);
      assert.deepEqual(done?.options, { priority: 'HIGH', rateLimitDelayMs: 500, renderJs: 'NEVER' });
      assert.equal(await store.campaigns.setStatus('missing', 'FAILED', new Date()), null);
    });

    it('inserts job records once and tracks their status and last error', async () => {
      const record = jobRecord({ campaignId: 'camp-1', categoryUrl: 'https://shop.example/collections/x' });
      await store.jobs.insertMany([record]);
      await store.jobs.insertMany([{ ...record, status: 'FAILED' }]);
      assert.equal((await store.jobs.get(record.id))?.status, 'QUEUED');
      const at = new Date();
      await store.jobs.updateStatus(record.id, { status: 'FAILED', attempts: 3, at, error: { attempt: 3, code: 'TIMEOUT', message: 'timed out', at } });
      const failed = await store.jobs.get(record.id);
      assert.equal(failed?.status, 'FAILED');
      assert.equal(failed?.attempts, 3);
      assert.equal(failed?.errorCode, 'TIMEOUT');
      assert.equal(failed?.failedReason, 'timed out');
      assert.equal(failed?.finishedAt?.getTime(), at.getTime());
      assert.equal(failed?.campaignId, 'camp-1');
      assert.equal(await store.jobs.get('missing'), null);
    });

    it('marks the job record completed when its product write lands', async () => {
      const write = productWrite('job-done');
      await store.jobs.insertMany([jobRecord({ id: write.jobId })]);
      await store.recordProductScrape(write);
      assert.equal((await store.jobs.get(write.jobId))?.status, 'COMPLETED');
    });

    it('stores and replaces site intelligence', async () => {
      const learnedAt = new Date('2026-03-01T00:00:00Z');
      const intelligence = {
        site: 'intel.example', platform: 'SHOPIFY' as const, homeUrl: 'https://intel.example/', sitemaps: ['https://intel.example/sitemap.xml'],
        navigation: [{ name: 'Shoes', url: 'https://intel.example/collections/shoes', depth: 0 }], learnedAt, expiresAt: new Date(learnedAt.getTime() + 7 * 86400_000),
        platformSignals: ['cdn.shopify.com asset'], navigationHash: 'abc123', sitemapCategoryUrls: ['https://intel.example/collections/shoes'], sitemapProductCount: 42,
      };
      await store.sites.put(intelligence);
      await store.sites.put({ ...intelligence, platform: 'GENERIC' });
      const stored = await store.sites.get('intel.example');
      assert.equal(stored?.platform, 'GENERIC');
      assert.equal(stored?.learnedAt.getTime(), learnedAt.getTime());
      assert.deepEqual(stored?.navigation, intelligence.navigation);
      assert.deepEqual(stored?.platformSignals, ['cdn.shopify.com asset']);
      assert.equal(stored?.navigationHash, 'abc123');
      assert.deepEqual(stored?.sitemapCategoryUrls, intelligence.sitemapCategoryUrls);
      assert.equal(stored?.sitemapProductCount, 42);
      assert.equal(await store.sites.get('unknown.example'), null);
    });

    it('keeps one render decision per site, the latest', async () => {
      assert.equal(await store.sites.getRenderDecision('render.example'), null);
      await store.sites.putRenderDecision({ site: 'render.example', mode: 'STATIC', reason: 'static page had product data', decidedAt: new Date('2026-01-01T00:00:00Z') });
      await store.sites.putRenderDecision({ site: 'render.example', mode: 'BROWSER', reason: 'app shell', decidedAt: new Date('2026-01-02T00:00:00Z') });
      const decision = await store.sites.getRenderDecision('render.example');
      assert.deepEqual(decision, { site: 'render.example', mode: 'BROWSER', reason: 'app shell', decidedAt: new Date('2026-01-02T00:00:00Z') });
    });

    it('keeps many-to-many integrity under concurrent writes of the same product', async () => {
      const writes = ['x', 'y', 'z', 'x', 'y', 'z'].map((c) => productWrite('concurrent', categoryInput(`cc-${c}`)));
      const outcomes = await Promise.all(writes.map((w) => store.recordProductScrape(w)));
      const productIds = new Set(outcomes.map((o) => o.product.id));
      assert.equal(productIds.size, 1);
      const links = await store.products.categoryIdsOf([...productIds]);
      assert.equal(links.get([...productIds][0]!)?.length, 3);
    });

    it('stores every product of a burst of concurrent writes', async () => {
      const writes = Array.from({ length: 40 }, (_, i) => productWrite(`burst-${i}`, categoryInput(`burst-${i % 4}`)));
      const outcomes = await Promise.all(writes.map((w) => store.recordProductScrape(w)));
      assert.equal(new Set(outcomes.map((o) => o.product.id)).size, 40);
      for (const write of writes) assert.ok(await store.products.getByUrl(write.product.site, write.product.canonicalUrl), write.product.canonicalUrl);
      assert.ok(await store.results.get(writes[39]!.jobId));
    });

    it('fails with a STORE_UNAVAILABLE or a clear error after close, and close is idempotent', async () => {
      const scratch = await createStore();
      await scratch.close();
      await scratch.close();
      await assert.rejects(scratch.ping(), (error: unknown) => isTrawlError(error) && error.code === 'STORE_UNAVAILABLE');
    });

    it('stores product fields it does not index (variants, sources, breadcrumbs) verbatim', async () => {
      const input = productInput('verbatim', { sources: { title: 'json-ld', price: 'markup' }, breadcrumbs: ['Home', 'Men', 'Boots'], gtin: '0123456789012', rating: 4.5, reviewCount: 12 });
      const write = { ...productWrite('verbatim'), product: input };
      const { product } = await store.recordProductScrape(write);
      const [stored] = await store.products.getByIds([product.id]);
      assert.deepEqual(stored?.sources, { title: 'json-ld', price: 'markup' });
      assert.deepEqual(stored?.breadcrumbs, ['Home', 'Men', 'Boots']);
      assert.equal(stored?.gtin, '0123456789012');
      assert.equal(stored?.rating, 4.5);
      assert.equal(stored?.reviewCount, 12);
    });
  });
}
