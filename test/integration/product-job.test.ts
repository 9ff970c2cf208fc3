import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { collect, graphqlHttp, waitUntil, wsClient } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';

const ENQUEUE = `mutation Enqueue($input: EnqueueJobInput!) { enqueueJob(input: $input) { id state type priority url category { name url parentUrl } } }`;
const JOB = `query Job($id: ID!) { job(id: $id) { id state attempts maxAttempts progress failedReason errorCode resultSource attemptErrors { attempt code httpStatus url durationMs at }
  result { productId categoryId title canonicalUrl price { amount currency } availability httpStatus completeness } } }`;
const JOB_UPDATED = `subscription Updated($id: ID!) { jobUpdated(id: $id) { jobId event state progress failedReason } }`;

interface JobData { job: { state: string; attempts: number; failedReason: string | null; errorCode: string | null; resultSource: string | null; result: any } }

describe('a product job end to end (GraphQL -> BullMQ -> worker -> SQLite -> GraphQL)', () => {
  let shop: DemoShop;
  let api: Runtime;
  let workers: Runtime;
  const config = testConfig();

  before(async () => {
    shop = await startDemoShop({ products: 60 });
    const cleanup = { after: (fn: () => Promise<void>) => void cleanups.push(fn) };
    api = await startRuntime(cleanup, { api: true, workers: false }, config);
  });
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
    await shop.close();
  });

  const jobState = async (id: string) => (await graphqlHttp<JobData>(api.apiUrl!, JOB, { id })).data?.job;

  it('streams jobUpdated over graphql-ws while a separate worker scrapes the product into storage', async () => {
    const product = shop.catalog.products[0]!;
    const enqueued = await graphqlHttp(api.apiUrl!, ENQUEUE, {
      input: { type: 'PRODUCT', url: `${shop.url}${product.path.slice(1)}`, priority: 'HIGH', category: { path: '/collections/boots', name: 'Boots', parent: '/collections/mens' } },
    });
    assert.equal(enqueued.errors, undefined, JSON.stringify(enqueued.errors));
    const job = enqueued.data!.enqueueJob;
    assert.equal(job.state, 'WAITING');
    assert.equal(job.category.url, `${shop.url}collections/boots`);
    assert.equal(job.category.parentUrl, `${shop.url}collections/mens`);

    const client = wsClient(api.apiUrl!);
    const stream = collect<{ jobUpdated: { event: string; state: string; progress: number | null } }>(
      client, JOB_UPDATED, { id: job.id }, (e) => ['COMPLETED', 'FAILED'].includes(e.jobUpdated.state));
    await new Promise((r) => setTimeout(r, 200));
    const cleanup = { after: (fn: () => Promise<void>) => void cleanups.push(fn) };
    workers = await startRuntime(cleanup, { api: false, workers: true }, config);
    const events = await stream.done;
    await client.dispose();
    const kinds = events.map((e) => e.jobUpdated.event);
    assert.ok(kinds.includes('ACTIVE'), `events: ${kinds}`);
    assert.equal(events.at(-1)!.jobUpdated.event, 'COMPLETED');
    assert.equal(events.at(-1)!.jobUpdated.progress, 100);

    const done = (await jobState(job.id))!;
    assert.equal(done.state, 'COMPLETED');
    assert.equal(done.attempts, 1);
    assert.equal(done.resultSource, 'storage');
    assert.equal(done.result.title, product.title);
    assert.deepEqual(done.result.price, { amount: product.price, currency: product.currency });
    assert.equal(done.result.httpStatus, 200);

    const listed = await graphqlHttp(api.apiUrl!, `{ products(first: 10, filter: { domain: "${new URL(shop.url).host}" }) { totalCount
      edges { cursor node { id title sku availability price { amount currency } images canonicalUrl categories { name url parent { url } } variants { title options { name value } } } } pageInfo { hasNextPage endCursor } } }`);
    assert.equal(listed.errors, undefined, JSON.stringify(listed.errors));
    const node = listed.data!.products.edges[0].node;
    assert.equal(listed.data!.products.totalCount, 1);
    assert.equal(node.id, done.result.productId);
    assert.equal(node.sku, product.sku);
    assert.deepEqual(node.categories.map((c: { name: string }) => c.name), ['Boots']);
    assert.ok(node.images.length > 0);
    assert.ok(node.images.every((src: string) => src.startsWith('http')));
  });

  it('links a product found in three categories as one product with three categories', async () => {
    const product = shop.catalog.products[1]!;
    const url = `${shop.url}${product.path.slice(1)}`;
    const ids: string[] = [];
    for (const [path, name] of [['/collections/a', 'A'], ['/collections/b', 'B'], ['/collections/c', 'C']]) {
      const r = await graphqlHttp(api.apiUrl!, ENQUEUE, { input: { type: 'PRODUCT', url: `${url}?utm_source=${name}`, category: { path, name } } });
      ids.push(r.data!.enqueueJob.id);
    }
    for (const id of ids) await waitUntil(async () => (await jobState(id))?.state === 'COMPLETED', 20_000, `job ${id}`);
    const results = await Promise.all(ids.map(async (id) => (await jobState(id))!.result.productId));
    assert.equal(new Set(results).size, 1);
    const listed = await graphqlHttp(api.apiUrl!, `query($id: ID!) { products(filter: { categoryId: $id }) { totalCount edges { node { id categories { name } } } } }`,
      { id: (await jobState(ids[0]!))!.result.categoryId });
    assert.equal(listed.data!.products.totalCount, 1);
    assert.deepEqual(listed.data!.products.edges[0].node.categories.map((c: { name: string }) => c.name).sort(), ['A', 'B', 'C']);
  });

  it('fails a 404 page at once, without retries, with the reason stored', async () => {
    const r = await graphqlHttp(api.apiUrl!, ENQUEUE, { input: { type: 'PRODUCT', url: `${shop.url}products/no-such-product` } });
    const id = r.data!.enqueueJob.id;
    const failed = await waitUntil(async () => { const j = await jobState(id); return j?.state === 'FAILED' ? j : undefined; }, 20_000, 'failed job');
    assert.equal(failed.attempts, 1);
    assert.equal(failed.errorCode, 'HTTP_NOT_FOUND');
    assert.match(failed.failedReason!, /^HTTP_NOT_FOUND: /);
    const [attempt] = (failed as unknown as { attemptErrors: { attempt: number; code: string; httpStatus: number; url: string }[] }).attemptErrors;
    assert.deepEqual({ attempt: attempt!.attempt, code: attempt!.code, httpStatus: attempt!.httpStatus }, { attempt: 1, code: 'HTTP_NOT_FOUND', httpStatus: 404 });
    assert.match(attempt!.url, /no-such-product/);
    const stored = await api.store.results.get(id);
    assert.equal(stored?.status, 'FAILED');
    assert.equal(stored?.errors[0]?.httpStatus, 404);
  });

  it('fails a page with no product as NOT_A_PRODUCT and a non-HTML body as NOT_HTML, and keeps working', async () => {
    const about = (await graphqlHttp(api.apiUrl!, ENQUEUE, { input: { type: 'PRODUCT', url: `${shop.url}about` } })).data!.enqueueJob.id;
    const feed = (await graphqlHttp(api.apiUrl!, ENQUEUE, { input: { type: 'PRODUCT', url: `${shop.url}feed.json` } })).data!.enqueueJob.id;
    const good = (await graphqlHttp(api.apiUrl!, ENQUEUE, { input: { type: 'PRODUCT', url: `${shop.url}${shop.catalog.products[2]!.path.slice(1)}` } })).data!.enqueueJob.id;
    const end = async (id: string) => waitUntil(async () => { const j = await jobState(id); return j && ['COMPLETED', 'FAILED'].includes(j.state) ? j : undefined; }, 20_000, id);
    const [a, f, g] = [await end(about), await end(feed), await end(good)];
    assert.equal(a.errorCode, 'NOT_A_PRODUCT');
    assert.equal(a.attempts, 1);
    assert.equal(f.errorCode, 'NOT_HTML');
    assert.equal(g.state, 'COMPLETED');
  });

  it('reads the result from the BullMQ return value when storage has none (seed 004 fallback)', async () => {
    const r = await graphqlHttp(api.apiUrl!, ENQUEUE, { input: { type: 'PRODUCT', url: `${shop.url}${shop.catalog.products[3]!.path.slice(1)}` } });
    const id = r.data!.enqueueJob.id;
    await waitUntil(async () => (await jobState(id))?.state === 'COMPLETED', 20_000, 'completed job');
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(`${config.dataDir}/trawl.sqlite`);
    db.prepare('DELETE FROM scraping_job_results WHERE job_id = ?').run(id);
    db.close();
    const job = (await jobState(id))!;
    assert.equal(job.resultSource, 'queue');
    assert.equal(job.result.title, shop.catalog.products[3]!.title);
  });
});
