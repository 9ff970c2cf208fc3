import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { graphqlHttp } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { READ_KEY, TEST_API_KEYS, WRITE_KEY } from '../support/api-keys.js';

const ENQUEUE = 'mutation E($input: EnqueueJobInput!) { enqueueJob(input: $input) { id } }';

describe('Bull Board at /admin/queues', () => {
  let runtime: Runtime;
  let base: string;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: false }, testConfig({ apiKeys: TEST_API_KEYS }));
    base = runtime.apiUrl!;
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers, redirect: 'manual' });

  it('serves the board\'s page to a write key', async () => {
    const response = await get('/admin/queues', { authorization: `Bearer ${WRITE_KEY}` });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    const html = await response.text();
    assert.match(html, /trawl queues/);
    assert.match(html, /<base href="\/admin\/queues\/"/);
    const stylesheet = /href="(static\/css\/[^"]+\.css)"/.exec(html)?.[1];
    assert.ok(stylesheet, 'the page links its stylesheet');
    const asset = await get(`/admin/queues/${stylesheet}`, { authorization: `Bearer ${WRITE_KEY}` });
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type') ?? '', /text\/css/);
    assert.equal((await get(`/admin/queues/${stylesheet}`)).status, 401, 'assets sit behind the key too');
  });

  it('refuses a request without a key (401) and a read key (403)', async () => {
    const anonymous = await get('/admin/queues');
    assert.equal(anonymous.status, 401);
    assert.equal(((await anonymous.json()) as { error: { code: string } }).error.code, 'UNAUTHENTICATED');
    const reader = await get('/admin/queues/api/queues', { 'x-api-key': READ_KEY });
    assert.equal(reader.status, 403);
    assert.equal(((await reader.json()) as { error: { code: string } }).error.code, 'FORBIDDEN');
  });

  it('shows a browser without a key a form that asks for it', async () => {
    const response = await get('/admin/queues', { accept: 'text/html,application/xhtml+xml' });
    assert.equal(response.status, 401);
    const html = await response.text();
    assert.match(html, /<form method="get" action="\/admin\/queues">/);
    assert.match(html, /name="key"/);
  });

  it('turns ?key= into a cookie once, and the cookie opens the board', async () => {
    const login = await get(`/admin/queues?key=${encodeURIComponent(WRITE_KEY)}`);
    assert.equal(login.status, 303);
    assert.equal(login.headers.get('location'), '/admin/queues');
    const cookie = login.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const page = await get('/admin/queues', { cookie: cookie.split(';')[0]! });
    assert.equal(page.status, 200);
    const wrong = await get(`/admin/queues?key=${encodeURIComponent(READ_KEY)}`);
    const refused = await get('/admin/queues', { cookie: (wrong.headers.get('set-cookie') ?? '').split(';')[0]! });
    assert.equal(refused.status, 403);
  });

  it('lists a queued job through the board\'s API, read-only', async () => {
    const enqueued = await graphqlHttp<{ enqueueJob: { id: string } }>(base, ENQUEUE, { input: { type: 'PRODUCT', url: 'http://127.0.0.1:9/p/board-check' } }, { apiKey: WRITE_KEY });
    assert.equal(enqueued.errors, undefined, JSON.stringify(enqueued.errors));
    const jobId = enqueued.data!.enqueueJob.id;
    const response = await get('/admin/queues/api/queues?activeQueue=scraping&status=latest&page=1&jobsPerPage=50', { authorization: `Bearer ${WRITE_KEY}` });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { queues: { name: string; readOnlyMode: boolean; counts: Record<string, number>; jobs: { id: string }[] }[] };
    const names = body.queues.map((q) => q.name).sort();
    assert.deepEqual(names, ['scraping', 'scraping-urgent']);
    const scraping = body.queues.find((q) => q.name === 'scraping')!;
    assert.equal(scraping.readOnlyMode, true);
    assert.ok(scraping.jobs.some((job) => job.id === jobId), `job ${jobId} listed: ${JSON.stringify(scraping.jobs.map((j) => j.id))}`);
  });
});
