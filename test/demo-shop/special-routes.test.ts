import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { startDemoShop } from '../../src/demo-shop/index.js';
import type { DemoShop } from '../../src/demo-shop/index.js';
import { httpGet } from './http-helpers.js';

describe('demo shop special routes', () => {
  let shop: DemoShop;
  before(async () => {
    shop = await startDemoShop({ products: 30 });
  });
  after(() => shop.close());

  const get = (path: string, method?: string) => httpGet(new URL(path, shop.url).href, method ? { method } : {});

  it('listens on loopback at a free port and reports its origin with a trailing slash', () => {
    assert.equal(shop.url, `http://127.0.0.1:${shop.port}/`);
    assert.ok(shop.port > 0);
  });

  it('answers 410 for anything under /gone/', async () => {
    for (const path of ['/gone/old-product', '/gone/a/b?c=d']) {
      const response = await get(path);
      assert.equal(response.status, 410, path);
      assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    }
  });

  it('serves /about as HTML without any product markup', async () => {
    const response = await get('/about');
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    assert.ok(!response.body.includes('application/ld+json'));
    assert.ok(!response.body.includes('og:type" content="product'));
    assert.ok(!response.body.includes('product:price'));
    assert.ok(!response.body.includes('class="price'));
  });

  it('serves /feed.json as JSON', async () => {
    const response = await get('/feed.json');
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
    const feed = JSON.parse(response.body) as { items: { url: string }[] };
    assert.ok(feed.items.length > 0);
    assert.ok(feed.items.every((item) => item.url.startsWith(`${shop.url}products/`)));
  });

  it('answers /slow only after the requested delay', async () => {
    const started = Date.now();
    const response = await get('/slow?ms=150');
    assert.equal(response.status, 200);
    assert.ok(Date.now() - started >= 140, 'the response waited');
    assert.equal((await get('/slow?ms=abc')).status, 400);
  });

  it('answers /status/<code> with that status and a small HTML body', async () => {
    for (const code of [200, 403, 404, 429, 500, 502, 503]) {
      const response = await get(`/status/${code}`);
      assert.equal(response.status, code);
      assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
      assert.match(response.body, new RegExp(`<h1>${code} `));
    }
    assert.equal((await get('/status/429')).headers['retry-after'], '1');
    const moved = await get('/status/301');
    assert.equal(moved.status, 301);
    assert.equal(moved.headers['location'], '/');
    assert.equal((await get('/status/204')).body, '');
    assert.equal((await get('/status/999')).status, 400);
  });

  it('serves /huge?kb=N as an HTML page of exactly N KiB', async () => {
    const response = await get('/huge?kb=300');
    assert.equal(response.status, 200);
    assert.equal(response.bytes, 300 * 1024);
    assert.equal(response.headers['content-length'], String(300 * 1024));
    assert.match(response.body, /<\/html>\n$/);
  });

  it('sets content-type and an exact content-length on HTML pages', async () => {
    const product = shop.catalog.products[0]!;
    const response = await get(product.path);
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(response.headers['content-length'], String(response.bytes));
  });

  it('answers HEAD with the GET headers and no body', async () => {
    const path = shop.catalog.products[1]!.path;
    const full = await get(path);
    const head = await get(path, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.bytes, 0);
    assert.equal(head.headers['content-length'], String(full.bytes));
    assert.equal(head.headers['content-type'], full.headers['content-type']);
  });

  it('refuses other methods with 405 and an Allow header', async () => {
    const response = await get('/', 'POST');
    assert.equal(response.status, 405);
    assert.equal(response.headers['allow'], 'GET, HEAD');
  });

  it('keeps connections alive between requests', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await httpGet(`${shop.url}about`, { agent });
      const second = await httpGet(`${shop.url}contact`, { agent });
      assert.equal(first.headers['connection'], 'keep-alive');
      assert.equal(second.localPort, first.localPort, 'the second request reused the socket');
    } finally {
      agent.destroy();
    }
  });

  it('redirects a trailing slash to the path without it', async () => {
    const response = await get(`${shop.catalog.products[0]!.path}/?utm_source=x`);
    assert.equal(response.status, 301);
    assert.equal(response.headers['location'], `${shop.catalog.products[0]!.path}?utm_source=x`);
  });

  it('answers 404 with an HTML page for unknown paths', async () => {
    const response = await get('/no/such/page');
    assert.equal(response.status, 404);
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
  });
});

describe('demo shop lifecycle', () => {
  it('counts every request it serves', async () => {
    const shop = await startDemoShop({ products: 5 });
    try {
      assert.equal(shop.requests().length, 0);
      await httpGet(shop.url);
      await httpGet(`${shop.url}no-such-page`);
      await httpGet(`${shop.url}robots.txt`, { method: 'HEAD' });
      assert.equal(shop.requests().length, 3);
    } finally {
      await shop.close();
    }
  });

  it('closes idempotently, even with a slow response still pending', async () => {
    const shop = await startDemoShop({ products: 5 });
    const pending = httpGet(`${shop.url}slow?ms=30000`).then(() => 'answered', () => 'dropped');
    while (shop.requests().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.all([shop.close(), shop.close()]);
    await shop.close();
    assert.equal(await pending, 'dropped');
    await assert.rejects(httpGet(shop.url));
  });

  it('rejects when the port is already taken', async () => {
    const shop = await startDemoShop({ products: 1 });
    try {
      await assert.rejects(startDemoShop({ products: 1, port: shop.port }), /EADDRINUSE/);
    } finally {
      await shop.close();
    }
  });
});
