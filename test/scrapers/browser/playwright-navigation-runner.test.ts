import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserStep, NavigationRunOptions } from '../../../src/domain/ports/browser.port.js';
import type { BrowserPool } from '../../../src/scrapers/browser/browser-pool.js';
import { PlaywrightNavigationRunner } from '../../../src/scrapers/browser/playwright-navigation-runner.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';
import { failure, testPool } from './browser-test-support.js';
import { navigationShop, RESULT_PAGES } from './navigation-shop.fixture.js';

describe('PlaywrightNavigationRunner', () => {
  let server: FixtureServer;
  let pool: BrowserPool;
  let runner: PlaywrightNavigationRunner;
  let options: NavigationRunOptions;

  before(async () => {
    server = await startFixtureServer(navigationShop);
    pool = testPool({ targetPolicy: { allowPrivateNetwork: false, allowedPrivateHosts: [`127.0.0.1:${server.port}`] } });
    runner = new PlaywrightNavigationRunner(pool);
    options = { startUrl: `${server.origin}/`, timeoutMs: 30_000, stepTimeoutMs: 5_000 };
  });

  after(async () => {
    await pool.close();
    await server.close();
  });

  it('searches, paginates through 3 result pages and extracts the names of each', async () => {
    const steps: BrowserStep[] = [
      { action: 'goto', url: '/' },
      { action: 'fill', selector: '#q', value: 'lamp' },
      { action: 'select', selector: '#sort', value: 'price' },
      { action: 'click', selector: '#go' },
      { action: 'paginate', selector: '#next', maxPages: 3, extract: { fields: { names: '.result .name', links: { selector: '.result a', attribute: 'href' } } } },
    ];
    const result = await runner.run(steps, options);
    assert.deepEqual(result.extracted.map((record) => record.names), [
      ['lamp 1.1', 'lamp 1.2', 'lamp 1.3'],
      ['lamp 2.1', 'lamp 2.2', 'lamp 2.3'],
      ['lamp 3.1', 'lamp 3.2', 'lamp 3.3'],
    ]);
    assert.deepEqual(result.extracted[0]?.links, ['/p/lamp-1-1', '/p/lamp-1-2', '/p/lamp-1-3']);
    assert.equal(result.finalUrl, `${server.origin}/search?q=lamp&page=3&sort=price`);
    assert.deepEqual(result.steps.map((step) => [step.action, step.ok]), steps.map((step) => [step.action, true]));
    assert.match(result.steps[4]?.note ?? '', /3 page\(s\); stopped: maxPages 3/);
    assert.equal(pool.poolStats().openPages, 0);
  });

  it('stops paginating when the next control disappears', async () => {
    const result = await runner.run(
      [{ action: 'paginate', selector: '#next', maxPages: 50, extract: { fields: { names: '.name' } } }],
      { ...options, startUrl: `${server.origin}/search?q=desk` },
    );
    assert.equal(result.extracted.length, RESULT_PAGES);
    assert.match(result.steps[0]?.note ?? '', /stopped: no usable next control/);
  });

  it('follows in-place (script) pagination until the next button is disabled', async () => {
    const result = await runner.run(
      [{ action: 'paginate', selector: '#more', extract: { fields: { items: '.item' } } }],
      { ...options, startUrl: `${server.origin}/spa-list` },
    );
    assert.deepEqual(result.extracted.map((record) => record.items), [['spa 1.1', 'spa 1.2'], ['spa 2.1', 'spa 2.2'], ['spa 3.1', 'spa 3.2']]);
  });

  it('scrolls an infinite list until it stops growing', async () => {
    const result = await runner.run(
      [{ action: 'scroll', times: 10, delayMs: 1_000 }, { action: 'extract', fields: { rows: '.row' } }],
      { ...options, startUrl: `${server.origin}/infinite` },
    );
    assert.equal((result.extracted[0]?.rows as string[]).length, 40);
    assert.match(result.steps[0]?.note ?? '', /scrolled 4x/);
  });

  it('takes whole-page snapshots for the product extractor when extract names no fields', async () => {
    const result = await runner.run([{ action: 'extract' }], { ...options, startUrl: `${server.origin}/p/lamp-1-1` });
    assert.equal(result.pages.length, 1);
    const page = result.pages[0]!;
    assert.equal(page.url, `${server.origin}/p/lamp-1-1`);
    assert.equal(page.status, 200);
    assert.equal(page.charset, 'utf-8');
    assert.match(page.body, /<h1>Product<\/h1>/);
    assert.equal(page.contentType, 'text/html; charset=utf-8');
  });

  it('names the step, its action and selector when a step times out', async () => {
    const error = await failure(runner.run(
      [{ action: 'fill', selector: '#q', value: 'x' }, { action: 'click', selector: '#next' }],
      { ...options, stepTimeoutMs: 4_000 },
    ));
    assert.equal(error.code, 'TIMEOUT');
    assert.equal(error.message, 'step 2 (click "#next"): timed out after 4000 ms');
    assert.equal(error.details.step, 2);
    assert.deepEqual((error.details.steps as { action: string; ok: boolean }[]).map((step) => step.action), ['fill']);
  });

  it('uses a step\'s own timeout over the run\'s step timeout', async () => {
    const error = await failure(runner.run([{ action: 'wait', selector: '#never', timeoutMs: 300 }], options));
    assert.equal(error.message, 'step 1 (wait "#never"): timed out after 300 ms');
  });

  it('fails a malformed selector with INVALID_INPUT naming the step', async () => {
    const error = await failure(runner.run([{ action: 'click', selector: 'button[[' }], options));
    assert.equal(error.code, 'INVALID_INPUT');
    assert.match(error.message, /^step 1 \(click "button\[\["\): invalid selector/);
  });

  it('records a failed optional step and carries on', async () => {
    const result = await runner.run(
      [{ action: 'click', selector: '#newsletter-close', optional: true, timeoutMs: 300 }, { action: 'click', selector: '#accept' }],
      options,
    );
    assert.deepEqual(result.steps.map((step) => step.ok), [false, true]);
    assert.match(result.steps[0]?.note ?? '', /timed out after 300 ms/);
  });

  it('refuses a goto to a private host the policy does not allow', async () => {
    const error = await failure(runner.run([{ action: 'goto', url: 'http://169.254.169.254/latest/meta-data/' }], options));
    assert.equal(error.code, 'PRIVATE_NETWORK_TARGET');
    assert.match(error.message, /^step 1 \(goto/);
  });

  it('fails a goto to a missing page with HTTP_NOT_FOUND', async () => {
    const error = await failure(runner.run([{ action: 'goto', url: '/gone' }], options));
    assert.equal(error.code, 'HTTP_NOT_FOUND');
    assert.match(error.message, /^step 1 \(goto "\/gone"\)/);
  });

  it('names the running step when the whole run times out', async () => {
    const error = await failure(runner.run([{ action: 'wait', ms: 30_000 }], { ...options, timeoutMs: 6_000, stepTimeoutMs: 60_000 }));
    assert.equal(error.code, 'TIMEOUT');
    assert.match(error.message, /timed out after 6000 ms/);
    assert.match(error.message, /step 1 \(wait 30000 ms\)/);
  });

  it('rejects invalid steps before launching a browser', async () => {
    const fresh = testPool();
    try {
      const error = await failure(new PlaywrightNavigationRunner(fresh).run([
        { action: 'goto', url: '/' },
        { action: 'wait', selector: '#a', ms: 100 },
      ], options));
      assert.equal(error.code, 'INVALID_INPUT');
      assert.equal(error.details.field, 'steps.1.selector');
      assert.match(error.message, /^step 2 \(wait\): give exactly one of/);
      assert.equal(fresh.poolStats().launches, 0);
    } finally {
      await fresh.close();
    }
  });
});
