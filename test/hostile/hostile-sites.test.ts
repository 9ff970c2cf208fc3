import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isTrawlError, type ErrorCode, type TrawlError } from '../../src/domain/errors.js';
import { DEFAULT_SCRAPE_SETTINGS, JOB_DATA_VERSION, type CategorySearchJobData, type ProductJobData } from '../../src/domain/job-data.js';
import type { FetchedPage, FetchOptions } from '../../src/domain/ports/page-fetcher.port.js';
import { SILENT_LOGGER } from '../../src/domain/ports/logger.port.js';
import { ListingCrawlService } from '../../src/domain/services/listing-crawl.service.js';
import { SiteIntelligenceService } from '../../src/domain/services/site-intelligence.service.js';
import type { TargetPolicy } from '../../src/domain/url.js';
import { CheerioProductExtractor } from '../../src/scrapers/extract/cheerio-product.extractor.js';
import { HttpPageFetcher } from '../../src/scrapers/http/http-page-fetcher.js';
import { HtmlListingScraper } from '../../src/scrapers/listing/html-listing.scraper.js';
import { HttpSiteExplorer } from '../../src/scrapers/site/http-site.explorer.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { startHostileSite, TEN_MB, type HostileSite } from './hostile-site.js';

const MAX_BYTES = 5 * 1024 * 1024;
const READ_IDLE_MS = 1_500;
const OPTIONS: FetchOptions = { timeoutMs: 20_000, maxBytes: MAX_BYTES };

/** What a row expects: a fetch failure with this code, or a page the check accepts (decoded, extracted). */
type Outcome = { code: ErrorCode; check?: (error: TrawlError) => void } | { page: (page: FetchedPage) => void | Promise<void> };

interface Row {
  name: string;
  route: string;
  options?: Partial<FetchOptions>;
  expect: Outcome;
}

const extractor = new CheerioProductExtractor();

/** The extractor returns (a product or null, i.e. NOT_A_PRODUCT for the job) without throwing or hanging. */
async function extractsWithoutCrashing(page: FetchedPage): Promise<void> {
  const product = await extractor.extract(page);
  assert.ok(product === null || typeof product === 'object');
}

const ROWS: Row[] = [
  { name: '10 MB page with Content-Length', route: '/huge', expect: { code: 'PAGE_TOO_LARGE', check: (e) => assert.equal(e.details.maxBytes, MAX_BYTES) } },
  { name: 'endless chunked page without length', route: '/huge-chunked', expect: { code: 'PAGE_TOO_LARGE', check: (e) => assert.equal(e.details.maxBytes, MAX_BYTES) } },
  { name: 'gzip bomb (1 MB inflating to 1 GB)', route: '/gzip-bomb', expect: { code: 'PAGE_TOO_LARGE', check: (e) => assert.equal(e.details.maxBytes, MAX_BYTES) } },
  { name: 'brotli bomb (200 KB inflating to 1 GB)', route: '/brotli-bomb', expect: { code: 'PAGE_TOO_LARGE', check: (e) => assert.equal(e.details.maxBytes, MAX_BYTES) } },
  { name: 'redirect loop', route: '/loop', expect: { code: 'TOO_MANY_REDIRECTS', check: (e) => assert.equal(e.details.maxRedirects, 5) } },
  { name: 'redirect to another loopback port', route: '/to-loopback', expect: { code: 'PRIVATE_NETWORK_TARGET', check: (e) => assert.match(String(e.details.url), /127\.0\.0\.1:1/) } },
  { name: 'redirect to cloud metadata', route: '/to-metadata', expect: { code: 'PRIVATE_NETWORK_TARGET', check: (e) => assert.equal(e.details.risk, 'cloud-metadata') } },
  { name: 'redirect to hex-written loopback', route: '/to-hex-loopback', expect: { code: 'PRIVATE_NETWORK_TARGET' } },
  { name: 'redirect to IPv4-mapped IPv6 loopback', route: '/to-mapped-loopback', expect: { code: 'PRIVATE_NETWORK_TARGET' } },
  { name: 'redirect to a file: URL', route: '/to-file', expect: { code: 'INVALID_URL' } },
  {
    name: 'slow drip (a byte every 300 ms, forever)', route: '/slow-drip', options: { timeoutMs: 2_500 },
    expect: { code: 'TIMEOUT', check: (e) => assert.equal(e.details.timeoutMs, 2_500) },
  },
  {
    name: 'server that never answers (read idle timeout, long before the deadline)', route: '/silent', options: { timeoutMs: 120_000 },
    expect: { code: 'TIMEOUT', check: (e) => assert.equal(e.details.networkCode, 'UND_ERR_HEADERS_TIMEOUT') },
  },
  { name: 'headers that never end', route: '/endless-headers', options: { timeoutMs: 120_000 }, expect: { code: 'TIMEOUT' } },
  { name: 'header flood', route: '/header-flood', expect: { code: 'NETWORK_ERROR' } },
  {
    name: 'unknown charset label', route: '/unknown-charset',
    expect: { page: (p) => { assert.equal(p.charset, 'utf-8'); assert.match(p.body, /naïve café/); } },
  },
  {
    name: 'charset label WHATWG maps to "replacement"', route: '/replacement-charset',
    expect: { page: (p) => { assert.equal(p.charset, 'utf-8'); assert.match(p.body, /naïve/); } },
  },
  {
    name: 'Content-Type charset lying against the meta charset', route: '/lying-charset',
    expect: { page: (p) => { assert.equal(p.charset, 'utf-8'); assert.match(p.body, /\uFFFD/); } },
  },
  {
    name: 'invalid UTF-8 bytes mixed into UTF-8', route: '/mixed-bytes',
    expect: { page: (p) => { assert.match(p.body, /Grüße \uFFFD/); assert.match(p.body, /日本/); } },
  },
  { name: 'unclosed tags', route: '/unclosed-tags', expect: { page: extractsWithoutCrashing } },
  { name: 'NUL bytes in the HTML', route: '/nul-bytes', expect: { page: extractsWithoutCrashing } },
  { name: '100k nested divs', route: '/nested-divs', expect: { page: extractsWithoutCrashing } },
  { name: 'endless image/png', route: '/png', expect: { code: 'NOT_HTML', check: (e) => assert.equal(e.retryable, false) } },
  { name: 'endless video/mp4', route: '/video', expect: { code: 'NOT_HTML' } },
  { name: 'endless binary application/octet-stream (sniffed)', route: '/octet-binary', expect: { code: 'NOT_HTML' } },
  { name: 'HTML mislabelled application/octet-stream', route: '/octet-html', expect: { page: (p) => assert.match(p.body, /Mislabelled/) } },
  {
    name: 'empty body', route: '/empty',
    expect: { page: async (p) => { assert.equal(p.body, ''); assert.equal(await extractor.extract(p), null); } },
  },
  { name: 'HTTP/0.9-style answer without status line', route: '/http09-garbage', expect: { code: 'NETWORK_ERROR' } },
  { name: 'binary garbage instead of HTTP', route: '/binary-garbage', expect: { code: 'NETWORK_ERROR' } },
  { name: 'chunked response cut before its last chunk', route: '/truncated-chunked', expect: { code: 'NETWORK_ERROR' } },
  { name: 'body shorter than its Content-Length', route: '/short-body', expect: { code: 'NETWORK_ERROR' } },
  { name: 'body longer than its Content-Length (the rest is ignored)', route: '/long-body', expect: { page: (p) => assert.equal(p.body, '<html>12345 ') } },
];

function newFetcher(policy: TargetPolicy): HttpPageFetcher {
  return new HttpPageFetcher({ userAgent: 'trawl-test/1.0', targetPolicy: policy, readIdleTimeoutMs: READ_IDLE_MS, connectTimeoutMs: 5_000 });
}

async function outcomeOf(fetcher: HttpPageFetcher, url: string, options: FetchOptions): Promise<FetchedPage | TrawlError> {
  try {
    return await fetcher.fetch(url, options);
  } catch (error) {
    assert.ok(isTrawlError(error), `expected a TrawlError, got ${String(error)}`);
    return error;
  }
}

describe('hostile sites', { timeout: 300_000 }, () => {
  let site: HostileSite;
  let fetcher: HttpPageFetcher;
  let policy: TargetPolicy;

  before(async () => {
    site = await startHostileSite();
    policy = { allowPrivateNetwork: false, allowedPrivateHosts: [`127.0.0.1:${site.port}`] };
    fetcher = newFetcher(policy);
  });
  after(async () => {
    await fetcher.close();
    await site.close();
  });

  for (const row of ROWS) {
    const expected = 'code' in row.expect ? row.expect.code : 'a page';
    it(`${row.name} (${row.route}) -> ${expected}`, async () => {
      // A fetcher per row: no row inherits another's keep-alive connection.
      const own = newFetcher(policy);
      const outcome = await outcomeOf(own, `${site.origin}${row.route}`, { ...OPTIONS, ...row.options }).finally(() => own.close());
      if ('code' in row.expect) {
        assert.ok(isTrawlError(outcome), `expected ${row.expect.code}, got a page of ${(outcome as FetchedPage).bytes} bytes`);
        assert.equal(outcome.code, row.expect.code, outcome.message);
        row.expect.check?.(outcome);
      } else {
        assert.ok(!isTrawlError(outcome), `expected a page, got ${isTrawlError(outcome) ? `${outcome.code}: ${outcome.message}` : ''}`);
        await row.expect.page(outcome);
      }
    });
  }

  it('never holds more than the limit of a 10 MB page', async () => {
    const error = await outcomeOf(fetcher, `${site.origin}/huge`, { ...OPTIONS, maxBytes: TEN_MB - 1 });
    assert.ok(isTrawlError(error));
    assert.match(error.message, new RegExp(`larger than ${TEN_MB - 1} bytes`));
  });

  it('stops an endless pagination at the page cap and says so', async () => {
    const store = SqliteStore.open({ file: ':memory:' });
    const explorer = new HttpSiteExplorer({ fetcher, userAgent: 'trawl-test/1.0', maxPageBytes: MAX_BYTES });
    const intelligence = new SiteIntelligenceService({ store, explorer, maxAgeMs: 60_000, timeoutMs: 20_000 });
    const listings = new ListingCrawlService({
      store, fetcher, listings: new HtmlListingScraper(), intelligence, maxPageBytes: MAX_BYTES, defaultMaxPages: 200, logger: SILENT_LOGGER, queueFor: () => 'scraping',
    });
    const queued: ProductJobData[] = [];
    const data: CategorySearchJobData = {
      v: JOB_DATA_VERSION, jobId: 'endless-1', type: 'category_search', targetUrl: `${site.origin}/collections/endless`, createdAt: new Date().toISOString(),
      priority: 'NORMAL', settings: { ...DEFAULT_SCRAPE_SETTINGS, rateLimitDelayMs: 0 }, siteIntelligenceId: `127.0.0.1:${site.port}`, maxCategoryPages: 4,
    };
    try {
      const result = await listings.crawlCategory(data, async (jobs) => void queued.push(...jobs));
      assert.equal(result.stoppedBecause, 'page-cap');
      assert.equal(result.pages, 4);
      assert.equal(result.productsFound, 12);
      assert.equal(queued.length, 12);
    } finally {
      await store.close();
    }
  });
});
