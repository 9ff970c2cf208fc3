import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import { waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { ARTIFACTS_DIR, CHROMIUM_ARGS, QUERY_EDITOR, recordSocketMessages, setQuery, waitForResponse } from './graphiql-browser.js';

describe('GraphiQL served by trawl, in Chromium', () => {
  let browser: Browser | undefined;
  let shop: DemoShop;
  const cleanups: (() => Promise<void>)[] = [];
  const later = { after: (fn: () => Promise<void>) => void cleanups.push(fn) };
  before(async () => {
    shop = await startDemoShop({ products: 12, productsPerPage: 6 });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
    await shop?.close();
  });

  it('runs a query, then receives jobUpdated events live for a job enqueued over HTTP, and keeps a screenshot', { timeout: 120_000 }, async (t) => {
    assert.ok(browser);
    const config = testConfig();
    // The API alone first: the job waits in the queue until the subscription is open, then a worker takes it.
    const api = await startRuntime(later, { api: true, workers: false }, config);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    t.after(() => context.close());
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const socketMessages = recordSocketMessages(page);
    try {
      await page.goto(`${api.apiUrl}/graphql`);
      await page.locator(QUERY_EDITOR).waitFor({ timeout: 30_000 });

      await setQuery(page, '{ campaigns(first: 5) { totalCount } }');
      await page.locator('.graphiql-execute-button').click();
      await waitForResponse(page, '"totalCount": 0');

      const productUrl = `${shop.url}${shop.catalog.products[0]!.path.slice(1)}`;
      const enqueued = await fetch(`${api.apiUrl}/api/v1/jobs`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'PRODUCT', url: productUrl }),
      });
      assert.equal(enqueued.status, 202);
      const { id } = (await enqueued.json()) as { id: string };

      await setQuery(page, `subscription { jobUpdated(id: "${id}") { jobId event state } }`);
      await page.locator('.graphiql-execute-button').click();
      await waitUntil(async () => socketMessages.some((m) => m.type === 'connection_ack'), 30_000, 'the graphql-ws connection');

      await startRuntime(later, { api: false, workers: true }, config);
      await waitForResponse(page, '"event": "COMPLETED"', 60_000);
      const events = socketMessages.filter((m) => m.type === 'next').map((m) => (m.payload?.data?.jobUpdated ?? {}) as { jobId?: string; event?: string });
      assert.ok(events.length >= 1, 'at least one live event reached the page');
      assert.ok(events.every((e) => e.jobId === id), JSON.stringify(events));
      assert.ok(events.some((e) => e.event === 'COMPLETED'), JSON.stringify(events));
    } finally {
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'graphiql-trawl.png') });
    }
    assert.deepEqual(pageErrors, []);
  });
});
