import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { graphqlHttp } from '../support/graphql-client.js';
import { startRuntime } from '../support/runtime.js';
import { categoryInput, jobRecord, productWrite } from '../support/fixtures.js';

const SITE = 'catalog-api.example';
const OPTIONS = { priority: 'NORMAL', rateLimitDelayMs: 0, renderJs: 'NEVER' as const };

function write(handle: string, overrides: Parameters<typeof productWrite>[2] = {}, category?: Parameters<typeof productWrite>[1]) {
  const url = `https://${SITE}/products/${handle}`;
  return productWrite(handle, category, { site: SITE, url, canonicalUrl: url, ...overrides });
}

const PRODUCTS = `query($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort) {
  products(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id title price { amount } } } } }`;

describe('catalog queries over HTTP: filters, sorts, connections, job search and node(id)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  let api: Runtime;
  const ids: Record<string, string> = {};

  before(async () => {
    api = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: false });
    const campaign = await api.store.campaigns.create({ seedUrl: `https://${SITE}/`, site: SITE, options: OPTIONS });
    ids.campaign = campaign.id;
    const shoes = await api.store.categories.upsert(categoryInput('shoes', { site: SITE, url: `https://${SITE}/c/shoes` }));
    const boots = await api.store.categories.upsert(categoryInput('boots', { site: SITE, url: `https://${SITE}/c/boots`, parentUrl: shoes.url }));
    ids.shoes = shoes.id;
    ids.boots = boots.id;
    const boot = await api.store.recordProductScrape(write('boot', { title: 'Hiking Boot', price: { amount: '120.00', currency: 'USD' }, campaignId: campaign.id }, categoryInput('boots', { site: SITE, url: boots.url })));
    ids.boot = boot.product.id;
    await api.store.recordProductScrape(write('sandal', { title: 'Beach Sandal', price: { amount: '25.00', currency: 'USD' } }, categoryInput('shoes', { site: SITE, url: shoes.url })));
    await api.store.recordProductScrape(write('scarf', { title: 'Wool Scarf', brand: 'Hikeco', price: { amount: '40.00', currency: 'USD' }, availability: 'OUT_OF_STOCK' }));
    await api.store.recordProductScrape(write('boot', { title: 'Hiking Boot', price: { amount: '99.00', currency: 'USD' }, campaignId: campaign.id }));
    const failed = jobRecord({ site: SITE, url: `https://${SITE}/products/Broken-Thing` });
    await api.store.jobs.insertMany([failed, jobRecord({ site: SITE, url: `https://${SITE}/products/fine` })]);
    await api.store.jobs.updateStatus(failed.id, { status: 'FAILED', error: { attempt: 3, code: 'HTTP_SERVER_ERROR', message: 'HTTP 503', at: new Date() }, at: new Date() });
    ids.failedJob = failed.id;
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  it('pages a filtered, sorted product connection with cursors, pageInfo and totalCount', async () => {
    const filter = { domain: SITE, availability: ['IN_STOCK', 'OUT_OF_STOCK'], minPrice: 30 };
    const first = await graphqlHttp(api.apiUrl!, PRODUCTS, { first: 2, filter, sort: 'PRICE_DESC' });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const page = first.data.products;
    assert.equal(page.totalCount, 2);
    assert.deepEqual(page.edges.map((e: any) => e.node.price.amount), ['99.00', '40.00']);
    assert.deepEqual(page.pageInfo, { hasNextPage: false, hasPreviousPage: false, startCursor: page.edges[0].cursor, endCursor: page.edges[1].cursor });
    const one = await graphqlHttp(api.apiUrl!, PRODUCTS, { first: 1, filter: { domain: SITE }, sort: 'TITLE_ASC' });
    const rest = await graphqlHttp(api.apiUrl!, PRODUCTS, { first: 5, after: one.data.products.pageInfo.endCursor, filter: { domain: SITE }, sort: 'TITLE_ASC' });
    assert.deepEqual([...one.data.products.edges, ...rest.data.products.edges].map((e: any) => e.node.title), ['Beach Sandal', 'Hiking Boot', 'Wool Scarf']);
    assert.equal(rest.data.products.pageInfo.hasPreviousPage, true);
  });

  it('searches titles and brands, and finds products of a category with or without its subcategories', async () => {
    const text = await graphqlHttp(api.apiUrl!, PRODUCTS, { filter: { domain: SITE, text: 'HIKE' } });
    assert.deepEqual(text.data.products.edges.map((e: any) => e.node.title).sort(), ['Wool Scarf']);
    const own = await graphqlHttp(api.apiUrl!, PRODUCTS, { filter: { categoryId: ids.shoes } });
    assert.deepEqual(own.data.products.edges.map((e: any) => e.node.title), ['Beach Sandal']);
    const tree = await graphqlHttp(api.apiUrl!, PRODUCTS, { filter: { categoryId: ids.shoes, includeSubcategories: true } });
    assert.deepEqual(tree.data.products.edges.map((e: any) => e.node.title), ['Hiking Boot', 'Beach Sandal']);
    const children = await graphqlHttp(api.apiUrl!, 'query($id: ID!) { categories(filter: { parentId: $id }) { totalCount edges { node { name parent { name } } } } }', { id: ids.shoes });
    assert.deepEqual(children.data.categories.edges.map((e: any) => [e.node.name, e.node.parent.name]), [['boots', 'shoes']]);
  });

  it('rejects bad filters and foreign cursors as BAD_USER_INPUT naming the field', async () => {
    const range = await graphqlHttp(api.apiUrl!, PRODUCTS, { filter: { minPrice: 50, maxPrice: 10 } });
    assert.equal(range.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(range.errors?.[0]?.extensions?.field, 'filter.maxPrice');
    const priced = await graphqlHttp(api.apiUrl!, PRODUCTS, { first: 1, sort: 'PRICE_ASC' });
    const foreign = await graphqlHttp(api.apiUrl!, PRODUCTS, { first: 1, sort: 'TITLE_ASC', after: priced.data.products.pageInfo.endCursor });
    assert.equal(foreign.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(foreign.errors?.[0]?.extensions?.field, 'after');
    const orphan = await graphqlHttp(api.apiUrl!, PRODUCTS, { filter: { includeSubcategories: true } });
    assert.equal(orphan.errors?.[0]?.extensions?.field, 'filter.includeSubcategories');
  });

  it('keeps a product\'s price history and names its campaign', async () => {
    const result = await graphqlHttp(api.apiUrl!, 'query($id: ID!) { node(id: $id) { id ... on Product { campaign { id } history { price { amount } availability at } } } }', { id: ids.boot });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.equal(result.data.node.campaign.id, ids.campaign);
    assert.deepEqual(result.data.node.history.map((h: any) => h.price.amount), ['99.00', '120.00']);
  });

  it('refetches products, categories and campaigns by id through node(id), and answers null for an unknown id', async () => {
    const query = `query($id: ID!) { node(id: $id) { __typename id ... on Category { name } ... on Campaign { domain } } }`;
    const typeOf = async (id: string) => {
      const result = await graphqlHttp(api.apiUrl!, query, { id });
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      return result.data.node;
    };
    assert.deepEqual(await typeOf(ids.boots!), { __typename: 'Category', id: ids.boots, name: 'boots' });
    assert.equal((await typeOf(ids.boot!)).__typename, 'Product');
    assert.equal((await typeOf(ids.campaign!)).__typename, 'Campaign');
    assert.equal(await typeOf('00000000-0000-7000-8000-000000000000'), null);
  });

  it('searches job records kept in storage by URL text, status and error code', async () => {
    const query = `query($filter: JobSearchFilter) { jobs(first: 10, filter: $filter) { totalCount edges { node { id status errorCode domain } } } }`;
    const found = await graphqlHttp(api.apiUrl!, query, { filter: { domain: SITE, urlContains: 'broken', statuses: ['FAILED'], errorCode: 'HTTP_SERVER_ERROR' } });
    assert.equal(found.errors, undefined, JSON.stringify(found.errors));
    assert.deepEqual(found.data.jobs.edges.map((e: any) => e.node), [{ id: ids.failedJob, status: 'FAILED', errorCode: 'HTTP_SERVER_ERROR', domain: SITE }]);
    const all = await graphqlHttp(api.apiUrl!, query, { filter: { domain: SITE } });
    assert.equal(all.data.jobs.totalCount, 2);
  });
});
