import { it } from 'node:test';
import assert from 'node:assert/strict';
import type { Product } from '../../src/domain/entities/product.js';
import type { ProductFilter, Store } from '../../src/domain/ports/storage.port.js';
import type { ProductSort } from '../../src/domain/catalog-query.js';
import { isTrawlError } from '../../src/domain/errors.js';
import { categoryInput, jobRecord, productWrite } from '../support/fixtures.js';
import { uniqueName } from '../support/env.js';

/** A product write on a site of its own, so each behaviour below sees only its own products. */
function write(site: string, handle: string, overrides: Parameters<typeof productWrite>[2] = {}, category?: Parameters<typeof productWrite>[1]) {
  const url = `https://${site}/products/${handle}`;
  return productWrite(handle, category, { site, url, canonicalUrl: url, ...overrides });
}

async function all(store: Store, filter: ProductFilter, sort: ProductSort, first = 2): Promise<Product[]> {
  const seen: Product[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.products.list(filter, after ? { first, after } : { first }, sort);
    seen.push(...page.items);
    if (!page.hasNextPage) return seen;
    after = page.cursors.at(-1);
  }
}

/** Catalog search: storage-level filters, counts, sorts, the category tree, price history and job search. */
export function defineCatalogSearchContract(store: () => Store): void {
  it('filters products by availability, price range, currency, title or brand text and update time, counting in storage', async () => {
    const site = `${uniqueName('filters')}.example`;
    await store().recordProductScrape(write(site, 'cheap', { title: 'Cheap 100% Wool Sock', price: { amount: '5.00', currency: 'USD' } }));
    await store().recordProductScrape(write(site, 'dear', { title: 'Dear Boot', brand: 'Acme_Co', price: { amount: '250.00', currency: 'USD' }, availability: 'OUT_OF_STOCK' }));
    await store().recordProductScrape(write(site, 'euro', { title: 'Euro Coat', price: { amount: '80.00', currency: 'EUR' } }));
    await store().recordProductScrape(write(site, 'none', { title: 'Unpriced Hat', price: undefined, availability: 'PREORDER' }));
    const titles = async (filter: Omit<ProductFilter, 'site'>) => {
      const page = await store().products.list({ site, ...filter }, { first: 10 });
      assert.equal(page.totalCount, page.items.length);
      return page.items.map((p) => p.title).sort();
    };
    assert.deepEqual(await titles({ availability: ['OUT_OF_STOCK', 'PREORDER'] }), ['Dear Boot', 'Unpriced Hat']);
    assert.deepEqual(await titles({ minPrice: 5, maxPrice: 80 }), ['Cheap 100% Wool Sock', 'Euro Coat']);
    assert.deepEqual(await titles({ minPrice: 5, currency: 'USD' }), ['Cheap 100% Wool Sock', 'Dear Boot']);
    assert.deepEqual(await titles({ text: 'wool' }), ['Cheap 100% Wool Sock']);
    assert.deepEqual(await titles({ text: 'acme_' }), ['Dear Boot']);
    assert.deepEqual(await titles({ text: '0%' }), ['Cheap 100% Wool Sock']);
    assert.deepEqual(await titles({ text: 'r_b' }), []);
    assert.deepEqual(await titles({ updatedSince: new Date(Date.now() + 60_000) }), []);
    assert.equal((await titles({ updatedSince: new Date(Date.now() - 60_000) })).length, 4);
  });

  it('pages through every sort once each, in order, with ties broken by creation order', async () => {
    const site = `${uniqueName('sorts')}.example`;
    const prices = { a: '30.00', b: '10.00', c: undefined, d: '10.00', e: '20.00' } as const;
    for (const [handle, amount] of Object.entries(prices)) {
      await store().recordProductScrape(write(site, handle, { title: `T-${'edcba'.indexOf(handle)}`, ...(amount ? { price: { amount, currency: 'USD' } } : { price: undefined }) }));
    }
    const handles = async (sort: ProductSort) => (await all(store(), { site }, sort)).map((p) => p.canonicalUrl.split('/').at(-1));
    assert.deepEqual(await handles('CREATED_ASC'), ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(await handles('PRICE_ASC'), ['c', 'b', 'd', 'e', 'a']);
    assert.deepEqual(await handles('PRICE_DESC'), ['a', 'e', 'b', 'd', 'c']);
    assert.deepEqual(await handles('TITLE_ASC'), ['e', 'd', 'c', 'b', 'a']);
    assert.equal((await handles('UPDATED_AT_DESC')).length, 5);
    await store().recordProductScrape(write(site, 'b', { title: 'T-3', price: { amount: '10.00', currency: 'USD' } }));
    assert.equal((await handles('UPDATED_AT_DESC'))[0], 'b');
  });

  it('rejects a cursor issued for another sort, naming the argument', async () => {
    const site = `${uniqueName('cursor')}.example`;
    for (const handle of ['x', 'y']) await store().recordProductScrape(write(site, handle));
    const page = await store().products.list({ site }, { first: 1 }, 'PRICE_ASC');
    await assert.rejects(store().products.list({ site }, { first: 1, after: page.cursors[0]! }, 'TITLE_ASC'),
      (error: unknown) => isTrawlError(error) && error.code === 'INVALID_INPUT' && error.details.field === 'after');
  });

  it('finds every category below one in the tree and the products linked to any of them', async () => {
    const site = `${uniqueName('tree')}.example`;
    const top = categoryInput('top', { site, url: `https://${site}/c/top` });
    const mid = categoryInput('mid', { site, url: `https://${site}/c/mid`, parentUrl: top.url });
    const leaf = categoryInput('leaf', { site, url: `https://${site}/c/leaf`, parentUrl: mid.url });
    const other = categoryInput('other', { site, url: `https://${site}/c/other` });
    const ids = [];
    for (const c of [top, mid, leaf, other]) ids.push((await store().categories.upsert(c)).id);
    assert.deepEqual(await store().categories.descendantIds(ids[0]!), [ids[1], ids[2]].sort());
    assert.deepEqual(await store().categories.descendantIds(ids[2]!), []);
    await store().recordProductScrape(write(site, 'in-leaf', {}, leaf));
    await store().recordProductScrape(write(site, 'in-other', {}, other));
    const page = await store().products.list({ categoryIds: [ids[0]!, ids[1]!, ids[2]!] }, { first: 10 });
    assert.deepEqual(page.items.map((p) => p.title), ['Product in-leaf']);
    assert.equal(page.totalCount, 1);
  });

  it('keeps price and availability history: an entry when first stored and one per change, none for a replay', async () => {
    const site = `${uniqueName('history')}.example`;
    const first = await store().recordProductScrape(write(site, 'h', { price: { amount: '10.00', currency: 'USD' } }));
    assert.equal(first.previous, undefined);
    const replay = await store().recordProductScrape(write(site, 'h', { price: { amount: '10.0', currency: 'USD' } }));
    assert.deepEqual(replay.previous, { price: { amount: '10.00', currency: 'USD' }, availability: 'IN_STOCK' });
    await store().recordProductScrape(write(site, 'h', { price: { amount: '8.00', currency: 'USD' } }));
    await store().recordProductScrape(write(site, 'h', { price: undefined, availability: 'OUT_OF_STOCK' }));
    const id = first.product.id;
    const history = (await store().products.historyOf([id, 'no-such-product'], 10));
    assert.deepEqual(history.get('no-such-product'), []);
    assert.deepEqual(history.get(id)!.map((e) => [e.price?.amount ?? null, e.availability]), [[null, 'OUT_OF_STOCK'], ['8.00', 'IN_STOCK'], ['10.00', 'IN_STOCK']]);
    assert.deepEqual((await store().products.historyOf([id], 2)).get(id)!.map((e) => e.availability), ['OUT_OF_STOCK', 'IN_STOCK']);
  });

  it('searches job records by status, type, queue, site, URL text and error code', async () => {
    const site = `${uniqueName('jobs')}.example`;
    const failed = jobRecord({ site, url: `https://${site}/products/Red-Shoe`, queue: 'scraping-urgent' });
    const other = jobRecord({ site, url: `https://${site}/collections/all`, type: 'category_search' });
    await store().jobs.insertMany([failed, other]);
    await store().jobs.updateStatus(failed.id, { status: 'FAILED', error: { attempt: 1, code: 'HTTP_NOT_FOUND', message: 'gone', at: new Date() }, at: new Date() });
    const ids = async (filter: Parameters<Store['jobs']['list']>[0]) => (await store().jobs.list({ site, ...filter }, { first: 10 })).items.map((j) => j.id);
    assert.deepEqual(await ids({}), [failed.id, other.id]);
    assert.deepEqual(await ids({ statuses: ['FAILED', 'ACTIVE'] }), [failed.id]);
    assert.deepEqual(await ids({ type: 'category_search' }), [other.id]);
    assert.deepEqual(await ids({ queue: 'scraping-urgent' }), [failed.id]);
    assert.deepEqual(await ids({ urlContains: 'red-shoe' }), [failed.id]);
    assert.deepEqual(await ids({ urlContains: '%' }), []);
    assert.deepEqual(await ids({ errorCode: 'HTTP_NOT_FOUND' }), [failed.id]);
  });
}
