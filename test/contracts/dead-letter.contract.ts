import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DeadLetter } from '../../src/domain/entities/dead-letter.js';
import type { Store } from '../../src/domain/ports/storage.port.js';
import { DEFAULT_SCRAPE_SETTINGS, type ProductJobData } from '../../src/domain/job-data.js';
import { newId } from '../../src/domain/ids.js';
import { SITE } from '../support/fixtures.js';

type NewLetter = Omit<DeadLetter, 'id' | 'retries' | 'status' | 'retriedAt'>;

function productData(jobId: string, campaignId?: string): ProductJobData {
  return {
    v: 1, type: 'product', jobId, targetUrl: `https://${SITE}/products/${jobId}`, createdAt: new Date().toISOString(), priority: 'HIGH',
    settings: { ...DEFAULT_SCRAPE_SETTINGS }, siteIntelligenceId: SITE, ...(campaignId ? { campaignId } : {}),
  };
}

function letter(jobId: string, overrides: Partial<NewLetter> = {}): NewLetter {
  const data = productData(jobId, overrides.campaignId);
  return {
    jobId, queue: 'scraping', type: 'product', priority: 'HIGH', url: data.targetUrl, code: 'HTTP_NOT_FOUND', message: `${data.targetUrl} returned 404 Not Found`,
    data, rawData: JSON.stringify(data),
    attempts: [{ attempt: 1, code: 'HTTP_NOT_FOUND', message: 'returned 404', httpStatus: 404, url: data.targetUrl, durationMs: 12, at: new Date('2026-01-02T03:04:05Z') }],
    bundle: {
      requestedUrl: data.targetUrl, finalUrl: `${data.targetUrl}?final`, httpStatus: 404, headers: { 'content-type': 'text/html', 'x-served-by': 'edge-1' },
      bodyHead: '<h1>Not found</h1>', durationMs: 12, politeness: { robots: 'allowed', heldBackCount: 2 },
    },
    deadAt: new Date(), ...overrides,
  };
}

/** The dead-letter repository's behaviour, shared by every storage adapter. */
export function defineDeadLetterContract(name: string, createStore: () => Promise<Store>): void {
  describe(`${name} dead-letter contract`, () => {
    let store: Store;
    before(async () => {
      store = await createStore();
    });
    after(async () => {
      await store?.close();
    });

    it('keeps a dead job\'s payload, attempts and failure bundle as written', async () => {
      const input = letter(newId());
      const stored = await store.deadLetters.put(input);
      assert.equal(stored.status, 'DEAD');
      assert.equal(stored.retries, 0);
      const read = await store.deadLetters.get(stored.id);
      assert.deepEqual(read, stored);
      assert.deepEqual(read?.data, input.data);
      assert.deepEqual(read?.bundle, input.bundle);
      assert.deepEqual(read?.attempts, input.attempts);
      assert.equal(read?.rawData, input.rawData);
      assert.deepEqual(await store.deadLetters.getByJobId(input.jobId), stored);
    });

    it('keeps one record per job: a second final failure replaces the first and keeps its id and retry count', async () => {
      const jobId = newId();
      const first = await store.deadLetters.put(letter(jobId));
      await store.deadLetters.markRetried(first.id, new Date());
      const again = await store.deadLetters.put(letter(jobId, { code: 'HTTP_SERVER_ERROR', message: 'returned 500' }));
      assert.equal(again.id, first.id);
      assert.equal(again.status, 'DEAD');
      assert.equal(again.retries, 1);
      assert.equal(again.code, 'HTTP_SERVER_ERROR');
    });

    it('keeps a poison job\'s raw payload as text when it has no valid data', async () => {
      const jobId = newId();
      const raw = '{"v":1,"type":"product","targetUrl":"not-a-url"}';
      const { data: _data, priority: _priority, url: _url, ...rest } = letter(jobId, { code: 'POISON_JOB', rawData: raw });
      const stored = await store.deadLetters.put(rest);
      const read = await store.deadLetters.get(stored.id);
      assert.equal(read?.data, undefined);
      assert.equal(read?.rawData, raw);
      assert.equal(read?.code, 'POISON_JOB');
    });

    it('lists by campaign, code, type, status and time, in pages', async () => {
      const campaignId = newId();
      const early = new Date(Date.now() - 60_000);
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push((await store.deadLetters.put(letter(newId(), { campaignId, ...(i === 4 ? { code: 'TIMEOUT', deadAt: early } : {}) }))).id);
      const first = await store.deadLetters.list({ campaignId }, { first: 2 });
      assert.equal(first.totalCount, 5);
      assert.equal(first.hasNextPage, true);
      const rest = await store.deadLetters.list({ campaignId }, { first: 10, after: first.cursors.at(-1)! });
      assert.deepEqual([...first.items, ...rest.items].map((l) => l.id), ids);
      assert.equal((await store.deadLetters.list({ campaignId, code: 'TIMEOUT' }, { first: 10 })).totalCount, 1);
      assert.equal((await store.deadLetters.list({ campaignId, type: 'product' }, { first: 10 })).totalCount, 5);
      assert.equal((await store.deadLetters.list({ campaignId, type: 'category_search' }, { first: 10 })).totalCount, 0);
      assert.equal((await store.deadLetters.list({ campaignId, since: new Date(Date.now() - 30_000) }, { first: 10 })).totalCount, 4);
      await store.deadLetters.markRetried(ids[0]!, new Date());
      assert.equal((await store.deadLetters.list({ campaignId, status: 'DEAD' }, { first: 10 })).totalCount, 4);
      assert.equal((await store.deadLetters.list({ campaignId, status: 'RETRIED' }, { first: 10 })).totalCount, 1);
    });

    it('marks a dead letter retried once, even when two callers race', async () => {
      const stored = await store.deadLetters.put(letter(newId()));
      const results = await Promise.all([store.deadLetters.markRetried(stored.id, new Date()), store.deadLetters.markRetried(stored.id, new Date())]);
      assert.equal(results.filter(Boolean).length, 1);
      const read = await store.deadLetters.get(stored.id);
      assert.equal(read?.status, 'RETRIED');
      assert.equal(read?.retries, 1);
      assert.ok(read?.retriedAt instanceof Date);
    });

    it('discards one record, and purges those older than a moment', async () => {
      const gone = await store.deadLetters.put(letter(newId()));
      assert.equal(await store.deadLetters.remove(gone.id), true);
      assert.equal(await store.deadLetters.remove(gone.id), false);
      assert.equal(await store.deadLetters.get(gone.id), null);
      const old = await store.deadLetters.put(letter(newId(), { deadAt: new Date('2001-01-01T00:00:00Z') }));
      const young = await store.deadLetters.put(letter(newId()));
      assert.ok((await store.deadLetters.purge(new Date('2002-01-01T00:00:00Z'))) >= 1);
      assert.equal(await store.deadLetters.get(old.id), null);
      assert.ok(await store.deadLetters.get(young.id));
    });
  });
}
