import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { RenderOptions } from '../../../src/domain/ports/browser.port.js';
import type { BrowserPool } from '../../../src/scrapers/browser/browser-pool.js';
import { PlaywrightRenderer } from '../../../src/scrapers/browser/playwright-renderer.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';
import { failure, html, testPool } from './browser-test-support.js';

const OPTIONS: RenderOptions = { timeoutMs: 10_000, maxBytes: 1_000_000 };

const PRODUCT_SPA = `<!doctype html><html><head><title>Widget</title>
<link rel="stylesheet" href="/style.css">
</head><body><div id="root"></div>
<img src="/img/widget.png" alt="">
<video src="/media/clip.mp4" autoplay muted></video>
<script>
  setTimeout(() => {
    const data = document.createElement('script');
    data.type = 'application/ld+json';
    data.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', name: 'Rendered Widget', offers: { price: '9.99', priceCurrency: 'EUR' } });
    document.head.appendChild(data);
    document.getElementById('root').innerHTML = '<h1>Rendered Widget</h1><img src="/img/late.jpg">';
  }, 200);
</script></body></html>`;

const STYLE = `@font-face { font-family: Shop; src: url(/fonts/shop.woff2) format('woff2'); }
body { font-family: Shop, sans-serif; background: url(/img/bg.png); }`;

const BIG_DOM = `<!doctype html><html><body><script>
  document.body.append(...Array.from({ length: 4000 }, (_, i) => Object.assign(document.createElement('p'), { textContent: 'row ' + i + ' '.padEnd(100, 'x') })));
</script></body></html>`;

const ROUTES: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/product': (_req, res) => html(res, PRODUCT_SPA, 200, { 'x-shop': 'demo' }),
  '/style.css': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/css' });
    res.end(STYLE);
  },
  '/missing': (_req, res) => html(res, '<h1>Not here</h1>', 404),
  '/throttled': (_req, res) => html(res, 'slow down', 429, { 'retry-after': '30' }),
  '/big': (_req, res) => html(res, BIG_DOM),
  '/hang': () => undefined,
  '/moved': (_req, res) => html(res, '', 302, { location: '/product' }),
};

describe('PlaywrightRenderer', () => {
  let server: FixtureServer;
  let pool: BrowserPool;
  let renderer: PlaywrightRenderer;

  before(async () => {
    server = await startFixtureServer((req, res) => {
      const route = ROUTES[new URL(req.url ?? '/', 'http://x').pathname];
      if (route) route(req, res);
      else html(res, 'no such fixture', 404);
    });
    pool = testPool();
    renderer = new PlaywrightRenderer(pool, { ownsPool: true });
  });

  after(async () => {
    await renderer.close();
    await server.close();
  });

  it('renders product JSON-LD that a script injects after 200 ms when told to wait for it', async () => {
    const page = await renderer.render(`${server.origin}/product`, { ...OPTIONS, waitFor: 'script[type="application/ld+json"]' });
    assert.match(page.body, /"@type":"Product"/);
    assert.match(page.body, /<h1>Rendered Widget<\/h1>/);
    assert.equal(page.status, 200);
    assert.equal(page.charset, 'utf-8');
    assert.equal(page.headers['x-shop'], 'demo');
    assert.equal(page.contentType, 'text/html; charset=utf-8');
    assert.equal(page.bytes, Buffer.byteLength(page.body));
    assert.equal(page.url, `${server.origin}/product`);
  });

  it('does not request images, fonts or media, but loads stylesheets', async () => {
    const seen = server.requests.length;
    await renderer.render(`${server.origin}/product`, { ...OPTIONS, waitFor: 'h1' });
    const paths = server.requests.slice(seen).map((req) => req.url);
    assert.ok(paths.includes('/style.css'), `stylesheet requested: ${paths.join(' ')}`);
    assert.deepEqual(paths.filter((path) => /^\/(img|fonts|media)\//.test(path ?? '')), []);
  });

  it('requests images when resource blocking is switched off', async () => {
    const open = testPool({ blockedResourceTypes: [] });
    try {
      const seen = server.requests.length;
      await new PlaywrightRenderer(open).render(`${server.origin}/product`, { ...OPTIONS, waitFor: 'h1' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const paths = server.requests.slice(seen).map((req) => req.url);
      assert.ok(paths.includes('/img/widget.png'), paths.join(' '));
    } finally {
      await open.close();
    }
  });

  it('reports the final URL and status after a redirect', async () => {
    const page = await renderer.render(`${server.origin}/moved`, OPTIONS);
    assert.equal(page.requestedUrl, `${server.origin}/moved`);
    assert.equal(page.url, `${server.origin}/product`);
    assert.equal(page.status, 200);
  });

  it('fails a 404 with HTTP_NOT_FOUND and a 429 with HTTP_THROTTLED and its Retry-After', async () => {
    const missing = await failure(renderer.render(`${server.origin}/missing`, OPTIONS));
    assert.equal(missing.code, 'HTTP_NOT_FOUND');
    assert.equal(missing.retryable, false);
    const throttled = await failure(renderer.render(`${server.origin}/throttled`, OPTIONS));
    assert.equal(throttled.code, 'HTTP_THROTTLED');
    assert.equal(throttled.details.retryAfterSeconds, 30);
  });

  it('fails with PAGE_TOO_LARGE when the rendered DOM exceeds maxBytes', async () => {
    const error = await failure(renderer.render(`${server.origin}/big`, { ...OPTIONS, maxBytes: 100_000 }));
    assert.equal(error.code, 'PAGE_TOO_LARGE');
    assert.equal(error.details.maxBytes, 100_000);
  });

  it('fails with TIMEOUT naming the URL when the page never answers, and frees the page', async () => {
    const error = await failure(renderer.render(`${server.origin}/hang`, { ...OPTIONS, timeoutMs: 800 }));
    assert.equal(error.code, 'TIMEOUT');
    assert.equal(error.retryable, true);
    assert.match(error.message, /\/hang.*timed out after 800 ms/);
    assert.equal(pool.poolStats().openPages, 0);
  });

  it('fails with TIMEOUT when the selector to wait for never appears', async () => {
    const error = await failure(renderer.render(`${server.origin}/product`, { ...OPTIONS, timeoutMs: 1_000, waitFor: '#never' }));
    assert.equal(error.code, 'TIMEOUT');
  });

  it('fails with INVALID_INPUT for a malformed waitFor selector', async () => {
    const error = await failure(renderer.render(`${server.origin}/product`, { ...OPTIONS, waitFor: '#[oops' }));
    assert.equal(error.code, 'INVALID_INPUT');
  });

  it('rejects with the signal reason when the caller aborts mid-render', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('job cancelled')), 300);
    await assert.rejects(renderer.render(`${server.origin}/hang`, { ...OPTIONS, signal: controller.signal }), /job cancelled/);
    assert.equal(pool.poolStats().openPages, 0);
  });

  it('closes a page that was still being opened when the caller aborted', async () => {
    for (let delayMs = 0; delayMs <= 120; delayMs += 15) {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('job cancelled')), delayMs);
      await assert.rejects(renderer.render(`${server.origin}/hang`, { ...OPTIONS, signal: controller.signal }), /job cancelled/);
      assert.equal(pool.poolStats().openPages, 0);
    }
  });

  it('refuses a malformed URL with INVALID_URL before touching the browser', async () => {
    const error = await failure(renderer.render('ftp://shop.example/x', OPTIONS));
    assert.equal(error.code, 'INVALID_URL');
  });

  it('refuses to render after close', async () => {
    const closed = new PlaywrightRenderer(testPool(), { ownsPool: true });
    await closed.close();
    await closed.close();
    const error = await failure(closed.render(`${server.origin}/product`, OPTIONS));
    assert.equal(error.code, 'INTERNAL');
  });
});
