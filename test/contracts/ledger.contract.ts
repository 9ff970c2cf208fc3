import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/domain/ports/storage.port.js';
import { categoryInput, productWrite, SITE } from '../support/fixtures.js';

const OPTIONS = { priority: 'NORMAL', rateLimitDelayMs: 0, renderJs: 'NEVER' as const };
const url = (handle: string): string => `https://${SITE}/products/${handle}`;

/** The campaign ledger's behaviour, shared by every storage adapter. */
export function defineLedgerContract(name: string, createStore: () => Promise<Store>): void {
  describe(`${name} campaign ledger contract`, () => {
    let store: Store;
    before(async () => {
      store = await createStore();
    });
    after(async () => {
      await store?.close();
    });

    async function campaignWithCategories(...handles: string[]) {
      const campaign = await store.campaigns.create({ seedUrl: `https://${SITE}/`, site: SITE, options: OPTIONS });
      const categories = [];
      for (const handle of handles) categories.push(await store.categories.upsert(categoryInput(`${handle}-${campaign.id}`)));
      await store.ledger.addCategories(campaign.id, categories.map((c, i) => ({ categoryId: c.id, rank: i, jobId: `job-${c.id}` })), new Date());
      return { campaign, categories };
    }

    it('moves a campaign between statuses only from the allowed ones, and lists campaigns by status', async () => {
      const site = `t-${Date.now()}.example`;
      const campaign = await store.campaigns.create({ seedUrl: `https://${site}/`, site, options: OPTIONS });
      assert.equal(campaign.status, 'PENDING');
      assert.equal((await store.campaigns.transition(campaign.id, ['PENDING'], 'DISCOVERING', new Date()))?.status, 'DISCOVERING');
      assert.equal(await store.campaigns.transition(campaign.id, ['PENDING'], 'DISCOVERING', new Date()), null);
      const failed = await store.campaigns.transition(campaign.id, ['DISCOVERING', 'SCRAPING'], 'FAILED', new Date(), 'home page returned 404');
      assert.equal(failed?.failedReason, 'home page returned 404');
      assert.ok(failed?.finishedAt instanceof Date);
      assert.equal(await store.campaigns.transition('missing', ['PENDING'], 'FAILED', new Date()), null);
      const other = await store.campaigns.create({ seedUrl: `https://${site}/`, site, options: OPTIONS });
      const bySite = await store.campaigns.list({ site }, { first: 10 });
      assert.deepEqual(bySite.items.map((c) => c.id), [campaign.id, other.id]);
      const failedOnly = await store.campaigns.list({ site, status: 'FAILED' }, { first: 10 });
      assert.deepEqual(failedOnly.items.map((c) => c.id), [campaign.id]);
      assert.equal(failedOnly.totalCount, 1);
    });

    it('lists a campaign\'s job records by status', async () => {
      const { campaign } = await campaignWithCategories('jobs');
      const now = new Date();
      const record = (id: string, status: 'QUEUED' | 'FAILED') => ({ id, type: 'product' as const, queue: 'scraping', url: url(id), site: SITE, priority: 'NORMAL' as const,
        status, attempts: 0, campaignId: campaign.id, createdAt: now, updatedAt: now });
      await store.jobs.insertMany([record(`${campaign.id}-a`, 'QUEUED'), record(`${campaign.id}-b`, 'FAILED'), { ...record(`${campaign.id}-c`, 'QUEUED'), campaignId: 'other' }]);
      const all = await store.jobs.list({ campaignId: campaign.id }, { first: 10 });
      assert.deepEqual(all.items.map((j) => j.id), [`${campaign.id}-a`, `${campaign.id}-b`]);
      const failed = await store.jobs.list({ campaignId: campaign.id, status: 'FAILED' }, { first: 10 });
      assert.deepEqual(failed.items.map((j) => j.id), [`${campaign.id}-b`]);
    });

    it('grants product slots under the cap exactly once, even to concurrent callers', async () => {
      const campaign = await store.campaigns.create({ seedUrl: `https://${SITE}/`, site: SITE, options: { ...OPTIONS, maxProducts: 25 } });
      const grants = await Promise.all(Array.from({ length: 20 }, () => store.campaigns.reserveProducts(campaign.id, 3, 25)));
      assert.equal(grants.reduce((a, b) => a + b, 0), 25);
      assert.equal(await store.campaigns.reserveProducts(campaign.id, 5, 25), 0);
      assert.equal(await store.campaigns.reserveProducts('missing', 5, 25), 0);
    });

    it('returns a product URL as new once per campaign however many categories list it', async () => {
      const { campaign, categories: [a, b] } = await campaignWithCategories('a', 'b');
      const at = new Date();
      const first = await store.ledger.recordSightings(campaign.id, SITE, [
        { productUrl: url('p1'), categoryId: a!.id, listingUrl: a!.url, page: 1, position: 1 },
        { productUrl: url('p2'), categoryId: a!.id, listingUrl: a!.url, page: 1, position: 2 },
      ], at);
      assert.deepEqual(first, [url('p1'), url('p2')]);
      await store.ledger.admitProducts(campaign.id, [{ productUrl: url('p1'), status: 'QUEUED', jobId: 'j1' }, { productUrl: url('p2'), status: 'QUEUED', jobId: 'j2' }], at);
      const second = await store.ledger.recordSightings(campaign.id, SITE, [
        { productUrl: url('p1'), categoryId: b!.id, listingUrl: b!.url, page: 2, position: 7 },
        { productUrl: url('p3'), categoryId: b!.id, listingUrl: b!.url, page: 2, position: 8 },
      ], at);
      assert.deepEqual(second, [url('p3')]);
      const tally = await store.ledger.tally(campaign.id);
      assert.equal(tally.productsDiscovered, 3);
      assert.equal(tally.productsQueued, 3);
    });

    it('hands back URLs still not admitted, so a retried discovery enqueues what a crash missed', async () => {
      const { campaign, categories: [a] } = await campaignWithCategories('retry');
      const sighting = { productUrl: url('r1'), categoryId: a!.id, listingUrl: a!.url, page: 1, position: 1 };
      assert.deepEqual(await store.ledger.recordSightings(campaign.id, SITE, [sighting], new Date()), [url('r1')]);
      assert.deepEqual(await store.ledger.recordSightings(campaign.id, SITE, [sighting], new Date()), [url('r1')]);
      await store.ledger.admitProducts(campaign.id, [{ productUrl: url('r1'), status: 'QUEUED', jobId: 'j' }], new Date());
      assert.deepEqual(await store.ledger.recordSightings(campaign.id, SITE, [sighting], new Date()), []);
    });

    it('links a scraped product to every category it was sighted in, with provenance, exactly once', async () => {
      const { campaign, categories } = await campaignWithCategories('x', 'y', 'z');
      for (const [i, c] of categories.entries()) {
        await store.ledger.recordSightings(campaign.id, SITE, [{ productUrl: url(`multi-${campaign.id}`), categoryId: c.id, listingUrl: `${c.url}?page=2`, page: 2, position: i + 1 }], new Date());
      }
      await store.ledger.admitProducts(campaign.id, [{ productUrl: url(`multi-${campaign.id}`), status: 'QUEUED', jobId: 'j' }], new Date());
      const write = { ...productWrite(`multi-${campaign.id}`, undefined, { campaignId: campaign.id }), campaignItem: { campaignId: campaign.id, productUrl: url(`multi-${campaign.id}`) } };
      const outcome = await store.recordProductScrape(write);
      await store.recordProductScrape(write);
      const links = await store.products.categoryIdsOf([outcome.product.id]);
      assert.deepEqual(links.get(outcome.product.id)?.slice().sort(), categories.map((c) => c.id).sort());
      const provenance = (await store.products.linksOf([outcome.product.id])).get(outcome.product.id)!;
      assert.equal(provenance.length, 3);
      for (const link of provenance) {
        const index = categories.findIndex((c) => c.id === link.categoryId);
        assert.equal(link.listingUrl, `${categories[index]!.url}?page=2`);
        assert.equal(link.page, 2);
        assert.equal(link.position, index + 1);
        assert.equal(link.campaignId, campaign.id);
        assert.ok(link.firstSeenAt instanceof Date && link.lastSeenAt instanceof Date);
      }
      const tally = await store.ledger.tally(campaign.id);
      assert.equal(tally.productsScraped, 1);
      assert.equal(tally.productsQueued, 0);
      const listed = await store.products.list({ campaignId: campaign.id }, { first: 10 });
      assert.equal(listed.totalCount, 1);
    });

    it('links a product already stored when a later sighting finds it in another category', async () => {
      const { campaign, categories: [a, b] } = await campaignWithCategories('late-a', 'late-b');
      const productUrl = url(`late-${campaign.id}`);
      await store.ledger.recordSightings(campaign.id, SITE, [{ productUrl, categoryId: a!.id, listingUrl: a!.url, page: 1, position: 1 }], new Date());
      await store.ledger.admitProducts(campaign.id, [{ productUrl, status: 'QUEUED', jobId: 'j' }], new Date());
      const { product } = await store.recordProductScrape({ ...productWrite(`late-${campaign.id}`, undefined, { campaignId: campaign.id }), campaignItem: { campaignId: campaign.id, productUrl } });
      await store.ledger.recordSightings(campaign.id, SITE, [{ productUrl, categoryId: b!.id, listingUrl: b!.url, page: 1, position: 4 }], new Date());
      const links = await store.products.categoryIdsOf([product.id]);
      assert.equal(links.get(product.id)?.length, 2);
    });

    it('finishes items and categories once: the tally adds up and replays change nothing', async () => {
      const { campaign, categories: [a, b] } = await campaignWithCategories('fin-a', 'fin-b');
      const urls = ['f1', 'f2', 'f3', 'f4'].map((h) => url(`${h}-${campaign.id}`));
      await store.ledger.recordSightings(campaign.id, SITE, urls.map((productUrl, i) => ({ productUrl, categoryId: a!.id, listingUrl: a!.url, page: 1, position: i + 1 })), new Date());
      await store.ledger.admitProducts(campaign.id, [
        { productUrl: urls[0]!, status: 'QUEUED', jobId: 'j0' }, { productUrl: urls[1]!, status: 'QUEUED', jobId: 'j1' },
        { productUrl: urls[2]!, status: 'QUEUED', jobId: 'j2' }, { productUrl: urls[3]!, status: 'SKIPPED', reason: 'maxProducts' },
      ], new Date());
      assert.equal(await store.ledger.finishProduct(campaign.id, urls[1]!, 'FAILED', new Date()), true);
      assert.equal(await store.ledger.finishProduct(campaign.id, urls[1]!, 'FAILED', new Date()), false);
      assert.equal(await store.ledger.finishProduct(campaign.id, urls[2]!, 'SKIPPED', new Date(), 'campaign cancelled'), true);
      assert.equal(await store.ledger.finishCategory(campaign.id, a!.id, 'SCRAPED', 3, new Date()), true);
      assert.equal(await store.ledger.finishCategory(campaign.id, a!.id, 'FAILED', 1, new Date()), false);
      assert.equal(await store.ledger.finishCategory(campaign.id, b!.id, 'FAILED', 0, new Date()), true);
      const t = await store.ledger.tally(campaign.id);
      assert.deepEqual(
        { ...t, skippedReasons: { ...t.skippedReasons } },
        { categoriesSelected: 2, categoriesScraped: 1, categoriesFailed: 1, categoriesSkipped: 0, productsDiscovered: 4, productsQueued: 1,
          productsScraped: 0, productsFailed: 1, productsSkipped: 2, skippedReasons: { maxProducts: 1, 'campaign cancelled': 1 } },
      );
      assert.equal(t.productsDiscovered, t.productsQueued + t.productsScraped + t.productsFailed + t.productsSkipped);
      const errors = await store.ledger.errorsBySite(campaign.id);
      assert.deepEqual(errors.get(SITE), { failed: 1, total: 1 });
    });

    it('reopens failed products and categories of a retried campaign: they count as pending, not failed', async () => {
      const { campaign, categories: [a, b] } = await campaignWithCategories('re-a', 're-b');
      const urls = ['r1', 'r2', 'r3'].map((h) => url(`${h}-${campaign.id}`));
      await store.ledger.recordSightings(campaign.id, SITE, urls.map((productUrl, i) => ({ productUrl, categoryId: a!.id, listingUrl: a!.url, page: 1, position: i + 1 })), new Date());
      await store.ledger.admitProducts(campaign.id, urls.map((productUrl, i) => ({ productUrl, status: 'QUEUED' as const, jobId: `j${i}` })), new Date());
      await store.ledger.finishProduct(campaign.id, urls[0]!, 'FAILED', new Date(), 'HTTP_SERVER_ERROR');
      await store.ledger.finishProduct(campaign.id, urls[1]!, 'SKIPPED', new Date(), 'campaign cancelled');
      await store.ledger.finishCategory(campaign.id, a!.id, 'SCRAPED', 1, new Date());
      await store.ledger.finishCategory(campaign.id, b!.id, 'FAILED', 0, new Date());
      assert.equal(await store.ledger.reopenProducts(campaign.id, [urls[0]!, urls[1]!, urls[2]!], new Date()), 1);
      assert.equal(await store.ledger.reopenProducts(campaign.id, [urls[0]!], new Date()), 0);
      assert.equal(await store.ledger.reopenCategories(campaign.id, [a!.id, b!.id], new Date()), 1);
      const t = await store.ledger.tally(campaign.id);
      assert.equal(t.productsFailed, 0);
      assert.equal(t.productsQueued, 2);
      assert.equal(t.productsSkipped, 1);
      assert.equal(t.categoriesFailed, 0);
      assert.equal(t.categoriesScraped, 1);
      assert.equal(await store.ledger.finishProduct(campaign.id, urls[0]!, 'FAILED', new Date()), true);
      assert.equal(await store.ledger.finishCategory(campaign.id, b!.id, 'SCRAPED', 2, new Date()), true);
    });

    it('counts complete, linked and duplicate products for the quality report', async () => {
      const { campaign, categories: [a] } = await campaignWithCategories('q');
      const handles = ['q1', 'q2', 'q3'].map((h) => `${h}-${campaign.id}`);
      await store.ledger.recordSightings(campaign.id, SITE, handles.slice(0, 2).map((h, i) => ({ productUrl: url(h), categoryId: a!.id, listingUrl: a!.url, page: 1, position: i + 1 })), new Date());
      await store.recordProductScrape({ ...productWrite(handles[0]!, undefined, { campaignId: campaign.id }), campaignItem: { campaignId: campaign.id, productUrl: url(handles[0]!) } });
      await store.recordProductScrape({ ...productWrite(handles[1]!, undefined, { campaignId: campaign.id, images: [], sku: `SKU-${handles[0]}` }), campaignItem: { campaignId: campaign.id, productUrl: url(handles[1]!) } });
      await store.recordProductScrape(productWrite(handles[2]!, undefined, { campaignId: campaign.id }));
      assert.deepEqual(await store.ledger.quality(campaign.id), { products: 3, completeProducts: 2, linkedProducts: 2, duplicateProducts: 1 });
    });

    it('reports which products entered and left a category since the previous campaign on the site', async () => {
      const site = `changes-${Date.now()}.example`;
      const cat = await store.categories.upsert({ ...categoryInput('changes'), site, url: `https://${site}/collections/changes` });
      const run = async (handles: string[]) => {
        const campaign = await store.campaigns.create({ seedUrl: `https://${site}/`, site, options: OPTIONS });
        await store.ledger.addCategories(campaign.id, [{ categoryId: cat.id, rank: 0, jobId: 'j' }], new Date());
        await store.ledger.recordSightings(campaign.id, site, handles.map((h, i) => ({ productUrl: `https://${site}/products/${h}`, categoryId: cat.id, listingUrl: cat.url, page: 1, position: i + 1 })), new Date());
        await store.ledger.finishCategory(campaign.id, cat.id, 'SCRAPED', 1, new Date());
        return campaign;
      };
      const before = await run(['keep', 'gone']);
      await new Promise((r) => setTimeout(r, 5));
      const now = await run(['keep', 'fresh']);
      assert.deepEqual(await store.ledger.categoryChanges(before.id), []);
      assert.deepEqual(await store.ledger.categoryChanges(now.id), [
        { categoryId: cat.id, productUrl: `https://${site}/products/fresh`, change: 'ENTERED' },
        { categoryId: cat.id, productUrl: `https://${site}/products/gone`, change: 'LEFT' },
      ]);
    });
  });
}
