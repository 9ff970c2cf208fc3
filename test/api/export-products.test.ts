import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { EXPORT_COLUMNS, ProductExportService } from '../../src/domain/services/product-export.service.js';
import { csvField, exportStream } from '../../src/server/export.routes.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { tempDir } from '../support/env.js';
import { categoryInput, productWrite, SITE } from '../support/fixtures.js';
import { graphqlHttp, waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { READ_KEY, TEST_API_KEYS, WRITE_KEY } from '../support/api-keys.js';

const START = 'mutation S($input: StartCampaignInput!) { startCampaign(input: $input) { id } }';
const CAMPAIGN = 'query C($id: ID!) { campaign(id: $id) { status products(first: 1) { totalCount } } }';

/** A GET read chunk by chunk, as the socket delivers it. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; chunks: Buffer[]; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, chunks, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    }).on('error', reject).end();
  });
}

/** RFC 4180 parser: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 1; } else field += c;
  }
  assert.equal(field, '', 'the CSV ends with CRLF');
  return rows;
}

describe('campaign product exports (NDJSON and CSV, streamed)', () => {
  let shop: DemoShop;
  let runtime: Runtime;
  let campaignId: string;
  let products: number;
  const cleanups: (() => Promise<void>)[] = [];
  const auth = { authorization: `Bearer ${READ_KEY}` };

  before(async () => {
    shop = await startDemoShop({ products: 300, productsPerPage: 24 });
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: true },
      testConfig({ workerConcurrency: 8, apiKeys: TEST_API_KEYS }));
    const started = await graphqlHttp(runtime.apiUrl!, START, { input: { seedUrl: shop.url, rateLimitDelayMs: 0 } }, { apiKey: WRITE_KEY });
    assert.equal(started.errors, undefined, JSON.stringify(started.errors));
    campaignId = started.data!.startCampaign.id;
    const done = await waitUntil(async () => {
      const c = (await graphqlHttp(runtime.apiUrl!, CAMPAIGN, { id: campaignId }, { apiKey: READ_KEY })).data!.campaign;
      return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(c.status) ? c : undefined;
    }, 300_000, 'the campaign to finish');
    assert.equal(done.status, 'COMPLETED');
    products = done.products.totalCount;
    assert.ok(products >= 200, `a campaign of a few hundred products, got ${products}`);
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
    await shop.close();
  });

  it('streams every product of the campaign once as NDJSON, in chunks', async () => {
    const response = await get(`${runtime.apiUrl}/api/campaigns/${campaignId}/products.ndjson`, auth);
    assert.equal(response.status, 200);
    assert.match(String(response.headers['content-type']), /^application\/x-ndjson/);
    assert.equal(response.headers['transfer-encoding'], 'chunked', 'streamed, not sent with a precomputed length');
    assert.equal(response.headers['content-length'], undefined);
    assert.ok(response.chunks.length > 1, `the body arrived in ${response.chunks.length} chunk(s)`);
    const lines = response.body.split('\n');
    assert.equal(lines.pop(), '', 'every line ends with a newline');
    const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(rows.length, products);
    assert.equal(new Set(rows.map((r) => r.canonicalUrl)).size, products, 'no product twice');
    for (const row of rows) {
      assert.deepEqual(Object.keys(row), [...EXPORT_COLUMNS]);
      assert.ok(Array.isArray(row.categories) && row.categories.length > 0, `${String(row.url)} carries its categories`);
      assert.match(String(row.updatedAt), /^\d{4}-\d\d-\d\dT/);
    }
  });

  it('streams the same products as RFC 4180 CSV with a header row, which parses back', async () => {
    const [csv, ndjson] = await Promise.all([
      get(`${runtime.apiUrl}/api/campaigns/${campaignId}/products.csv`, auth),
      get(`${runtime.apiUrl}/api/campaigns/${campaignId}/products.ndjson`, auth),
    ]);
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.ok(csv.chunks.length > 1, `the body arrived in ${csv.chunks.length} chunk(s)`);
    const [header, ...records] = parseCsv(csv.body);
    assert.deepEqual(header, [...EXPORT_COLUMNS]);
    assert.equal(records.length, products);
    const expected = ndjson.body.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    records.forEach((record, i) => {
      assert.equal(record.length, EXPORT_COLUMNS.length);
      const row = expected[i]!;
      EXPORT_COLUMNS.forEach((column, c) => {
        const value = row[column];
        const text = value === null ? '' : Array.isArray(value) ? value.join('|') : String(value);
        assert.equal(record[c], text, `${column} of row ${i}`);
      });
    });
  });

  it('quotes fields with commas, quotes and line breaks, and pipe-joins lists', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('the "best" boot'), '"the ""best"" boot"');
    assert.equal(csvField('two\r\nlines'), '"two\r\nlines"');
    assert.equal(csvField(['/men', '/men/boots']), '/men|/men/boots');
    assert.equal(csvField(null), '');
  });

  it('answers 404 for an unknown campaign', async () => {
    for (const format of ['ndjson', 'csv']) {
      const response = await get(`${runtime.apiUrl}/api/campaigns/0190aaaa-0000-7000-8000-000000000000/products.${format}`, auth);
      assert.equal(response.status, 404);
      assert.equal(JSON.parse(response.body).error.code, 'NOT_FOUND');
    }
  });

  it('needs an API key with the read role', async () => {
    const anonymous = await get(`${runtime.apiUrl}/api/campaigns/${campaignId}/products.csv`);
    assert.equal(anonymous.status, 401);
    const wrong = await get(`${runtime.apiUrl}/api/campaigns/${campaignId}/products.csv`, { authorization: 'Bearer not-a-key-0123456789' });
    assert.equal(wrong.status, 401);
    const writer = await get(`${runtime.apiUrl}/api/campaigns/${campaignId}/products.ndjson`, { 'x-api-key': WRITE_KEY });
    assert.equal(writer.status, 200, 'write implies read');
  });
});

describe('export streaming under a slow reader', () => {
  it('reads storage pages only as fast as the reader takes chunks, and still delivers every row', async () => {
    const store = SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') });
    try {
      const campaign = await store.campaigns.create({ seedUrl: `https://${SITE}/`, site: SITE, options: { priority: 'NORMAL', rateLimitDelayMs: 0, renderJs: 'AUTO' } });
      const category = categoryInput('boots');
      for (let i = 0; i < 60; i += 1) await store.recordProductScrape(productWrite(`p${i}`, category, { campaignId: campaign.id }));
      let pagesRead = 0;
      const counting = Object.create(store, {
        products: { value: { ...store.products, list: (...args: Parameters<typeof store.products.list>) => { pagesRead += 1; return store.products.list(...args); },
          categoryIdsOf: (ids: readonly string[]) => store.products.categoryIdsOf(ids) } },
      }) as typeof store;
      const stream = exportStream(new ProductExportService(counting, { pageSize: 5 }), campaign.id, 'ndjson');
      let release: (() => void) | undefined;
      const received: string[] = [];
      const sink = new Writable({
        highWaterMark: 1,
        write(chunk: Buffer, _encoding, callback) {
          received.push(chunk.toString('utf8'));
          if (received.length === 1) release = callback; else callback();
        },
      });
      const done = pipeline(stream, sink);
      await waitUntil(async () => received.length === 1, 10_000, 'the first chunk');
      // The reader holds the first chunk: paging must stop a page or two ahead of it.
      let stable = 0;
      let last = -1;
      await waitUntil(async () => {
        stable = pagesRead === last ? stable + 1 : 0;
        last = pagesRead;
        return stable >= 10;
      }, 10_000, 'paging to settle');
      assert.ok(pagesRead <= 4, `read ${pagesRead} of 12 pages while the reader held the first`);
      release!();
      await done;
      const rows = received.join('').trim().split('\n');
      assert.equal(rows.length, 60);
      assert.equal(pagesRead, 12);
    } finally {
      await store.close();
    }
  });
});
