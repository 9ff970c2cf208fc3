import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { startDemoShop } from '../../src/demo-shop/index.js';
import { graphqlHttp, waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { startBreakingProxy, startFaultyProducts } from './fixture-servers.js';

const LETTER_FIELDS = `id jobId queue type code message status retries rawData campaignId url
  attempts { attempt code httpStatus url durationMs }
  bundle { requestedUrl finalUrl httpStatus headers { name value } bodyHead durationMs politeness }`;
const DEAD_LETTER = `query D($id: ID!) { deadLetter(id: $id) { ${LETTER_FIELDS} } }`;
const DEAD_LETTERS = `query L($filter: DeadLetterFilterInput, $first: Int, $after: String) {
  deadLetters(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id jobId code status } } } }`;
const RETRY_JOB = `mutation R($id: ID!) { retryJob(id: $id) { id status retries } }`;
const RETRY_FAILED = `mutation F($id: ID!) { retryFailed(campaignId: $id) { retried deadLetters { jobId status } } }`;
const DISCARD = `mutation X($id: ID!) { discardDeadLetter(id: $id) { id } }`;
const CAMPAIGN = `query C($id: ID!) { campaign(id: $id) { id status finishedAt
  progress { productsDiscovered productsQueued productsScraped productsFailed productsSkipped } } }`;

interface Letter {
  id: string; jobId: string; code: string; status: string; retries: number; rawData: string; campaignId: string | null;
  attempts: { attempt: number; code: string; httpStatus: number | null }[];
  bundle: { requestedUrl: string; finalUrl: string | null; httpStatus: number | null; headers: { name: string; value: string }[]; bodyHead: string | null; durationMs: number | null };
}

describe('dead-letter queue', () => {
  let runtime: Runtime;
  let products: Awaited<ReturnType<typeof startFaultyProducts>>;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    products = await startFaultyProducts();
    cleanups.push(() => products.close());
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: true }, testConfig());
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const answer = await graphqlHttp<T>(runtime.apiUrl!, query, variables);
    assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    return answer.data!;
  };
  const deadLetter = (id: string) => waitUntil(async () => (await gql<{ deadLetter: Letter | null }>(DEAD_LETTER, { id })).deadLetter, 60_000, `dead letter of ${id}`);

  it('dead-letters a 404 product after one attempt, with the failure bundle (status, headers, the first KB of the body)', async () => {
    const job = await runtime.jobs.enqueue({ type: 'product', url: `${products.url}/missing/boot` });
    const letter = await deadLetter(job.id);
    assert.equal(letter.jobId, job.id);
    assert.equal(letter.code, 'HTTP_NOT_FOUND');
    assert.equal(letter.status, 'DEAD');
    assert.equal(letter.attempts.length, 1);
    assert.equal(letter.attempts[0]!.httpStatus, 404);
    assert.equal(letter.bundle.httpStatus, 404);
    assert.equal(letter.bundle.finalUrl, `${products.url}/missing/boot`);
    assert.ok(letter.bundle.headers.some((h) => h.name === 'x-fixture' && h.value === 'missing'), JSON.stringify(letter.bundle.headers));
    assert.ok(letter.bundle.bodyHead?.startsWith('<html><body><h1>Nothing at /missing/boot</h1>'), letter.bundle.bodyHead ?? '');
    assert.ok(letter.bundle.bodyHead!.length <= 1024);
    assert.equal(typeof letter.bundle.durationMs, 'number');
    assert.equal(JSON.parse(letter.rawData).jobId, job.id);
    assert.equal(products.hits('/missing/boot'), 1);
  });

  it('dead-letters a 500 product after three attempts, then completes it when retried once the server is fixed', async () => {
    products.failing.add('/p/flaky');
    const job = await runtime.jobs.enqueue({ type: 'product', url: `${products.url}/p/flaky` });
    const letter = await deadLetter(job.id);
    assert.equal(letter.code, 'HTTP_SERVER_ERROR');
    assert.deepEqual(letter.attempts.map((a) => [a.attempt, a.code, a.httpStatus]), [[1, 'HTTP_SERVER_ERROR', 500], [2, 'HTTP_SERVER_ERROR', 500], [3, 'HTTP_SERVER_ERROR', 500]]);
    assert.equal(letter.bundle.bodyHead, 'upstream exploded at /p/flaky');

    products.failing.delete('/p/flaky');
    const retried = await gql<{ retryJob: { status: string; retries: number } }>(RETRY_JOB, { id: job.id });
    assert.deepEqual(retried.retryJob, { id: letter.id, status: 'RETRIED', retries: 1 } as unknown as typeof retried.retryJob);
    const done = await waitUntil(async () => {
      const view = await runtime.jobs.get(job.id);
      return view?.state === 'completed' ? view : undefined;
    }, 60_000, 'retried job completed');
    assert.equal((done.result as { title?: string } | undefined)?.title, 'flaky');
    const again = await graphqlHttp(runtime.apiUrl!, RETRY_JOB, { id: job.id });
    assert.equal(again.errors?.[0]?.extensions?.code, 'CONFLICT', JSON.stringify(again.errors));
  });

  it('lists dead letters by code in pages and discards one', async () => {
    const jobs = [];
    for (const name of ['a', 'b', 'c']) jobs.push(await runtime.jobs.enqueue({ type: 'product', url: `${products.url}/missing/list-${name}` }));
    for (const job of jobs) await deadLetter(job.id);
    const page = await gql<{ deadLetters: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { jobId: string } }[] } }>(
      DEAD_LETTERS, { filter: { code: 'HTTP_NOT_FOUND', status: 'DEAD' }, first: 2 });
    assert.ok(page.deadLetters.totalCount >= 3);
    assert.equal(page.deadLetters.edges.length, 2);
    assert.equal(page.deadLetters.pageInfo.hasNextPage, true);
    const discarded = await gql<{ discardDeadLetter: { id: string } }>(DISCARD, { id: jobs[0]!.id });
    assert.equal((await gql<{ deadLetter: unknown }>(DEAD_LETTER, { id: discarded.discardDeadLetter.id })).deadLetter, null);
  });

  it('re-drives a campaign\'s failed products: counters go from failed to scraped and the campaign completes again', async () => {
    const shop = await startDemoShop({ products: 14, productsPerPage: 6 });
    cleanups.push(() => shop.close());
    const productPaths = new Set(shop.catalog.products.map((p) => new URL(p.path, shop.url).pathname));
    const proxy = await startBreakingProxy(shop.url, (path) => productPaths.has(path), 3);
    cleanups.push(() => proxy.close());
    const started = await gql<{ startCampaign: { id: string } }>(`mutation S($input: StartCampaignInput!) { startCampaign(input: $input) { id } }`,
      { input: { seedUrl: proxy.url, rateLimitDelayMs: 0 } });
    const id = started.startCampaign.id;
    type C = { campaign: { status: string; finishedAt: string; progress: { productsDiscovered: number; productsQueued: number; productsScraped: number; productsFailed: number; productsSkipped: number } } };
    const ended = await waitUntil(async () => {
      const c = (await gql<C>(CAMPAIGN, { id })).campaign;
      return c.status === 'COMPLETED' ? c : undefined;
    }, 120_000, 'campaign completed with failures');
    assert.equal(ended.progress.productsFailed, 3, JSON.stringify(ended.progress));
    const letters = await gql<{ deadLetters: { totalCount: number } }>(DEAD_LETTERS, { filter: { campaignId: id } });
    assert.equal(letters.deadLetters.totalCount, 3);

    proxy.heal();
    const retried = await gql<{ retryFailed: { retried: number } }>(RETRY_FAILED, { id });
    assert.equal(retried.retryFailed.retried, 3);
    const completed = await waitUntil(async () => {
      const c = (await gql<C>(CAMPAIGN, { id })).campaign;
      return c.status === 'COMPLETED' && c.progress.productsQueued === 0 ? c : undefined;
    }, 120_000, 'campaign completed again');
    assert.ok(Date.parse(completed.finishedAt) > Date.parse(ended.finishedAt), 'the campaign completed a second time');
    const p = completed.progress;
    assert.equal(p.productsFailed, 0, JSON.stringify(p));
    assert.equal(p.productsScraped, ended.progress.productsScraped + 3);
    assert.equal(p.productsDiscovered, p.productsScraped + p.productsFailed + p.productsSkipped);
    const dead = await gql<{ deadLetters: { totalCount: number } }>(DEAD_LETTERS, { filter: { campaignId: id, status: 'DEAD' } });
    assert.equal(dead.deadLetters.totalCount, 0);
  });
});
