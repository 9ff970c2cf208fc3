import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { graphqlHttp, waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { ARTIFACTS_DIR, CHROMIUM_ARGS } from '../graphiql/graphiql-browser.js';

const FINAL = `query C($id: ID!) { campaign(id: $id) { id status
  progress { percent productsDiscovered productsScraped productsFailed productsSkipped }
  quality { products productCompleteness categoryLinkage } } }`;

interface Final {
  status: string;
  progress: { percent: number; productsDiscovered: number; productsScraped: number; productsFailed: number; productsSkipped: number };
  quality: { products: number; productCompleteness: number; categoryLinkage: number };
}

/** The numbers a campaign card shows, by data-field. */
async function cardFields(page: Page, id: string): Promise<Record<string, string> | undefined> {
  return page.evaluate((campaignId) => {
    const card = document.querySelector(`article.campaign[data-campaign-id="${campaignId}"]`);
    if (!card) return undefined;
    const fields: Record<string, string> = { status: card.getAttribute('data-status') ?? '' };
    for (const node of Array.from(card.querySelectorAll('[data-field]'))) {
      fields[node.getAttribute('data-field')!] = node instanceof HTMLProgressElement ? String(node.value) : node.textContent ?? '';
    }
    return fields;
  }, id);
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

describe('the live dashboard in Chromium', () => {
  let shop: DemoShop;
  let runtime: Runtime;
  let browser: Browser;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    shop = await startDemoShop({ products: 48, productsPerPage: 8 });
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: true }, testConfig({ workerConcurrency: 3 }));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    for (const fn of cleanups.reverse()) await fn();
    await shop?.close();
  });

  it('starts a campaign from its form, shows its numbers moving, and ends on the campaign\'s final figures', async () => {
    const origin = new URL(runtime.apiUrl!).origin;
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const requested: string[] = [];
    page.on('request', (request) => void requested.push(request.url()));
    page.on('websocket', (socket) => void requested.push(socket.url()));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => void pageErrors.push(error.message));

    await page.goto(`${origin}/dashboard`);
    await page.waitForSelector('#connection[data-state="live"]', { timeout: 30_000 });
    await page.fill('#start-form input[name="seedUrl"]', shop.url);
    await page.fill('#start-form input[name="rateLimitDelayMs"]', '150');
    await page.click('#start-form button[type="submit"]');
    const id = await page.waitForSelector('#start-result[data-started-id]', { timeout: 30_000 })
      .then((node) => node.getAttribute('data-started-id')) as string;
    assert.ok(id, 'the form reports the started campaign');

    const scrapedSeen = new Set<string>();
    const fields = await waitUntil(async () => {
      const current = await cardFields(page, id);
      if (current?.productsScraped !== undefined) scrapedSeen.add(current.productsScraped);
      return current?.status === 'COMPLETED' ? current : undefined;
    }, 120_000, `campaign ${id} shown as completed`).catch(async (error: Error) => {
      const stored = await graphqlHttp(runtime.apiUrl!, FINAL, { id });
      throw new Error(`${error.message}; the page shows ${JSON.stringify(await cardFields(page, id))}, the API ${JSON.stringify(stored.data ?? stored.errors)}`);
    });
    assert.ok(scrapedSeen.size >= 2, `the scraped count moved while the campaign ran: ${[...scrapedSeen].join(', ')}`);
    assert.equal(fields.percent, '100');

    const final = (await graphqlHttp<{ campaign: Final }>(runtime.apiUrl!, FINAL, { id })).data!.campaign;
    assert.equal(final.status, 'COMPLETED');
    const expected = {
      productsDiscovered: String(final.progress.productsDiscovered),
      productsScraped: String(final.progress.productsScraped),
      productsFailed: String(final.progress.productsFailed),
      productsSkipped: String(final.progress.productsSkipped),
      qualityProducts: String(final.quality.products),
      completeness: percent(final.quality.productCompleteness),
      linkage: percent(final.quality.categoryLinkage),
    };
    const shown = await waitUntil(async () => {
      const current = (await cardFields(page, id))!;
      const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, current[key]]));
      return JSON.stringify(picked) === JSON.stringify(expected) ? picked : undefined;
    }, 30_000, `the card of ${id} shows ${JSON.stringify(expected)}`).catch(async (error: Error) => {
      throw new Error(`${error.message}; it shows ${JSON.stringify(await cardFields(page, id))}`);
    });
    assert.deepEqual(shown, expected);
    assert.ok(final.progress.productsScraped > 0);

    // The other panels are filled from the live feeds too.
    await waitUntil(async () => (await page.locator('#workers tbody tr').count()) > 0, 30_000, 'a worker row');
    await waitUntil(async () => (await page.locator('#queues tbody tr').count()) === 2, 30_000, 'two queue rows');
    const site = new URL(shop.url).host;
    const circuit = await waitUntil(async () => {
      const rows = await page.locator('#domains tbody tr').allTextContents();
      return rows.find((row) => row.includes(site));
    }, 30_000, `a row for ${site}`);
    assert.match(circuit, /CLOSED/);
    assert.match(await page.locator('#queue-depth').textContent() ?? '', /^\d+$/);

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'dashboard.png'), fullPage: true });
    await page.close();

    assert.deepEqual(pageErrors, []);
    const foreign = requested.filter((url) => {
      const parsed = new URL(url);
      return parsed.host !== new URL(origin).host || !['http:', 'ws:'].includes(parsed.protocol);
    });
    assert.deepEqual(foreign, [], 'every request the page makes goes to the API origin');
    assert.ok(requested.some((url) => url.endsWith('/dashboard/assets/graphql-ws.js')));
    assert.ok(requested.some((url) => url.startsWith('ws:')), 'live data over graphql-ws');
  });

  it('sends the API key typed into the page when keys are in use', async (t) => {
    const key = 'viewer-0123456789abcdef';
    const keyed = await startRuntime(t, { api: true, workers: false }, testConfig({ apiKeys: [{ name: 'viewer', key, role: 'write' }] }));
    const page = await browser.newPage();
    t.after(() => page.close());
    await page.goto(`${keyed.apiUrl!}/dashboard`);
    await page.waitForSelector('#error:not([hidden])', { timeout: 30_000 });
    assert.match(await page.locator('#error').textContent() ?? '', /API key/);
    await page.fill('#api-key', key);
    await page.click('#key-form button[type="submit"]');
    await page.waitForSelector('#connection[data-state="live"]', { timeout: 30_000 });
    await waitUntil(async () => (await page.locator('#queues tbody tr').count()) === 2, 30_000, 'queue rows after the key');
    await waitUntil(async () => page.locator('#error').isHidden(), 30_000, 'the error cleared');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('trawl.apiKey')), key);
  });
});
