import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RenderOptions } from '../../../src/domain/ports/browser.port.js';
import { PlaywrightRenderer } from '../../../src/scrapers/browser/playwright-renderer.js';
import { processTreeUsage } from '../../../src/scrapers/browser/process-tree.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';
import { failure, html, ownChromiumProcesses, testPool } from './browser-test-support.js';

const OPTIONS: RenderOptions = { timeoutMs: 15_000, maxBytes: 1_000_000 };
const PAGE = '<!doctype html><html><body><h1>Widget</h1><script>document.body.dataset.ready = "1"</script></body></html>';

describe('BrowserPool', () => {
  let server: FixtureServer;
  let inFlight = 0;
  let maxInFlight = 0;

  before(async () => {
    server = await startFixtureServer((req, res) => {
      if (req.url === '/hang') return;
      if (req.url?.startsWith('/slow')) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        setTimeout(() => {
          inFlight--;
          html(res, PAGE);
        }, 300);
        return;
      }
      html(res, PAGE);
    });
  });

  after(async () => {
    await server.close();
    assert.equal(ownChromiumProcesses(), 0, 'a Chromium process outlived its pool');
  });

  it('launches no browser until the first render', async () => {
    const pool = testPool();
    try {
      assert.equal(pool.poolStats().launches, 0);
      assert.equal(ownChromiumProcesses(), 0);
      await new PlaywrightRenderer(pool).render(`${server.origin}/`, OPTIONS);
      const stats = pool.poolStats();
      assert.equal(stats.launches, 1);
      assert.equal(stats.running, true);
      assert.ok(stats.pid !== undefined && (stats.processes ?? 0) > 0);
    } finally {
      await pool.close();
    }
  });

  it('keeps at most maxPages pages open and queues the rest in order', async () => {
    const pool = testPool({ maxPages: 2 });
    const renderer = new PlaywrightRenderer(pool);
    maxInFlight = 0;
    let maxOpen = 0;
    const sampler = setInterval(() => {
      maxOpen = Math.max(maxOpen, pool.poolStats().openPages);
    }, 20);
    try {
      const pages = await Promise.all(Array.from({ length: 6 }, (_, i) => renderer.render(`${server.origin}/slow/${i}`, OPTIONS)));
      assert.equal(pages.length, 6);
      assert.ok(maxInFlight <= 2, `server saw ${maxInFlight} concurrent renders`);
      assert.ok(maxOpen <= 2, `pool had ${maxOpen} pages open`);
      assert.equal(pool.poolStats().queued, 0);
    } finally {
      clearInterval(sampler);
      await pool.close();
    }
  });

  it('replaces a context after pagesPerContext pages and closes the old one', async () => {
    const pool = testPool({ maxPages: 1, pagesPerContext: 3 });
    try {
      const renderer = new PlaywrightRenderer(pool);
      for (let i = 0; i < 7; i++) await renderer.render(`${server.origin}/`, OPTIONS);
      await sleep(100);
      const stats = pool.poolStats();
      assert.equal(stats.contexts, 1);
      assert.equal(stats.openPages, 0);
      assert.equal(stats.renders, 7);
    } finally {
      await pool.close();
    }
  });

  it('fails the in-flight render with a retryable INTERNAL error when Chromium is killed, then relaunches for the next', async () => {
    const pool = testPool();
    const renderer = new PlaywrightRenderer(pool);
    try {
      await renderer.render(`${server.origin}/`, OPTIONS);
      const before = pool.poolStats();
      assert.ok(before.pid);
      const seen = server.requests.length;
      const inFlightRender = failure(renderer.render(`${server.origin}/hang`, OPTIONS));
      while (!server.requests.slice(seen).some((req) => req.url === '/hang')) await sleep(20);
      process.kill(before.pid, 'SIGKILL');
      const error = await inFlightRender;
      assert.equal(error.code, 'INTERNAL');
      assert.equal(error.retryable, true);
      assert.equal(error.details.reason, 'browser-exited');
      assert.match(error.message, new RegExp(`Chromium \\(pid ${before.pid}\\) exited during render`));

      const page = await renderer.render(`${server.origin}/`, OPTIONS);
      assert.match(page.body, /Widget/);
      const afterCrash = pool.poolStats();
      assert.equal(afterCrash.relaunches, 1);
      assert.equal(afterCrash.crashes, 1);
      assert.notEqual(afterCrash.pid, before.pid);
      await sleep(200);
      assert.equal(processTreeUsage(before.pid), undefined, 'the killed browser left processes behind');
    } finally {
      await pool.close();
    }
  });

  it('rejects queued renders and kills every Chromium process on close, and close is idempotent', async () => {
    const pool = testPool({ maxPages: 1 });
    const renderer = new PlaywrightRenderer(pool);
    const running = failure(renderer.render(`${server.origin}/hang`, OPTIONS));
    const queued = failure(renderer.render(`${server.origin}/`, OPTIONS));
    while (pool.poolStats().queued === 0 || !pool.poolStats().running) await sleep(20);
    assert.ok(ownChromiumProcesses() > 0);
    await Promise.all([pool.close(), pool.close()]);
    await pool.close();
    assert.equal((await running).code, 'INTERNAL');
    assert.equal((await queued).code, 'INTERNAL');
    assert.equal(ownChromiumProcesses(), 0);
    assert.equal((await failure(renderer.render(`${server.origin}/`, OPTIONS))).details.reason, 'pool-closed');
  });

  it('honours an abort while a render waits in the queue', async () => {
    const pool = testPool({ maxPages: 1 });
    const renderer = new PlaywrightRenderer(pool);
    try {
      const blocking = renderer.render(`${server.origin}/slow/block`, OPTIONS);
      const controller = new AbortController();
      const waiting = renderer.render(`${server.origin}/`, { ...OPTIONS, signal: controller.signal });
      controller.abort(new Error('no longer needed'));
      await assert.rejects(waiting, /no longer needed/);
      await blocking;
      assert.equal(pool.poolStats().renders, 1);
    } finally {
      await pool.close();
    }
  });

  it('keeps processes, pages and contexts bounded over 300 renders of the same page', { timeout: 600_000 }, async () => {
    const pool = testPool({ maxPages: 4, pagesPerContext: 50 });
    const renderer = new PlaywrightRenderer(pool);
    const samples: number[] = [];
    try {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < 300) {
          const i = next++;
          const page = await renderer.render(`${server.origin}/page/${i % 10}`, OPTIONS);
          assert.match(page.body, /data-ready="1"/);
          if (i % 25 === 0) samples.push(pool.poolStats().processes ?? 0);
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      await sleep(200);
      const stats = pool.poolStats();
      samples.push(stats.processes ?? 0);
      console.log(`after 300 renders: ${JSON.stringify({ ...stats, rssMB: Math.round((stats.rssBytes ?? 0) / 2 ** 20) })}; process samples ${samples.join(',')}`);
      assert.equal(stats.renders, 300);
      assert.equal(stats.failures, 0);
      assert.equal(stats.launches, 1);
      assert.equal(stats.openPages, 0);
      assert.ok(stats.contexts <= 1, `contexts left: ${stats.contexts}`);
      assert.ok(Math.max(...samples) <= 16, `Chromium processes peaked at ${Math.max(...samples)}`);
      assert.ok((stats.processes ?? 0) <= 12, `Chromium processes at rest: ${stats.processes}`);
    } finally {
      await pool.close();
    }
  });
});
