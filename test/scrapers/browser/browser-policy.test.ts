import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { RenderOptions } from '../../../src/domain/ports/browser.port.js';
import type { TargetPolicy } from '../../../src/domain/url.js';
import type { BrowserPool } from '../../../src/scrapers/browser/browser-pool.js';
import { PlaywrightRenderer } from '../../../src/scrapers/browser/playwright-renderer.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';
import { failure, html, OPEN_POLICY, testPool } from './browser-test-support.js';

const OPTIONS: RenderOptions = { timeoutMs: 10_000, maxBytes: 1_000_000 };

/** A raw TCP listener standing for an internal service: it answers plain HTTP and counts every connection it gets. */
interface InternalService {
  port: number;
  connections: number;
  close(): Promise<void>;
}

async function startInternalService(): Promise<InternalService> {
  const sockets = new Set<Socket>();
  const service: InternalService = { port: 0, connections: 0, close: async () => undefined };
  const server: Server = createServer((socket) => {
    service.connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 6\r\nconnection: close\r\n\r\nsecret'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  service.port = (server.address() as { port: number }).port;
  service.close = () => new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  });
  return service;
}

/** A shop page that tries every way it can to reach the internal service. */
function hostilePage(internal: number): string {
  const base = `127.0.0.1:${internal}`;
  return `<!doctype html><html><head>
<script src="http://${base}/script.js"></script>
<link rel="stylesheet" href="http://localhost:${internal}/style.css">
<script src="/hop.js"></script>
</head><body><h1>Shop</h1>
<iframe src="http://${base}/frame"></iframe>
<script>
  fetch('http://${base}/api').catch(() => undefined);
  fetch('http://169.254.169.254/latest/meta-data/').catch(() => undefined);
  try { new WebSocket('ws://${base}/socket'); } catch {}
  new Image().src = 'http://${base}/pixel.gif';
  setTimeout(() => { document.body.insertAdjacentHTML('beforeend', '<p id="done">done</p>'); }, 600);
</script></body></html>`;
}

describe('browser target policy', () => {
  let internal: InternalService;
  let shop: FixtureServer;
  let strict: TargetPolicy;
  let pool: BrowserPool;
  let renderer: PlaywrightRenderer;

  before(async () => {
    internal = await startInternalService();
    shop = await startFixtureServer((req, res) => {
      if (req.url === '/hostile') return html(res, hostilePage(internal.port));
      if (req.url === '/hop.js') return html(res, '', 302, { location: `http://127.0.0.1:${internal.port}/hopped.js` });
      if (req.url === '/escape') return html(res, '', 302, { location: `http://127.0.0.1:${internal.port}/admin` });
      if (req.url === '/metadata') return html(res, '', 302, { location: 'http://169.254.169.254/latest/meta-data/' });
      html(res, '<h1>ok</h1>');
    });
    strict = { allowPrivateNetwork: false, allowedPrivateHosts: [`127.0.0.1:${shop.port}`] };
    pool = testPool({ targetPolicy: strict });
    renderer = new PlaywrightRenderer(pool, { ownsPool: true });
  });

  after(async () => {
    await renderer.close();
    await shop.close();
    await internal.close();
  });

  it('lets a page on an allowlisted host:port load but keeps every subresource off another private port', async () => {
    const page = await renderer.render(`${shop.origin}/hostile`, { ...OPTIONS, waitFor: '#done' });
    assert.match(page.body, /<h1>Shop<\/h1>/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(internal.connections, 0, 'the internal service was reached');
    const stats = pool.poolStats();
    assert.ok(stats.blockedRequests >= 4, `blocked in the browser: ${stats.blockedRequests}`);
    assert.ok(stats.proxyRefused >= 1, `redirect hop refused by the proxy: ${stats.proxyRefused}`);
  });

  it('reaches the internal service from the same page under an open policy (the control)', async () => {
    const open = new PlaywrightRenderer(testPool({ targetPolicy: OPEN_POLICY }), { ownsPool: true });
    try {
      await open.render(`${shop.origin}/hostile`, { ...OPTIONS, waitFor: '#done' });
      assert.ok(internal.connections > 0);
    } finally {
      await open.close();
      internal.connections = 0;
    }
  });

  it('fails with PRIVATE_NETWORK_TARGET when the page redirects to a private host, without reaching it', async () => {
    const escape = await failure(renderer.render(`${shop.origin}/escape`, OPTIONS));
    assert.equal(escape.code, 'PRIVATE_NETWORK_TARGET');
    assert.equal(escape.details.url, `http://127.0.0.1:${internal.port}/admin`);
    const metadata = await failure(renderer.render(`${shop.origin}/metadata`, OPTIONS));
    assert.equal(metadata.code, 'PRIVATE_NETWORK_TARGET');
    assert.equal(internal.connections, 0);
  });

  it('refuses a private target URL up front', async () => {
    const error = await failure(renderer.render(`http://127.0.0.1:${internal.port}/`, OPTIONS));
    assert.equal(error.code, 'PRIVATE_NETWORK_TARGET');
    const local = await failure(renderer.render('http://localhost/', OPTIONS));
    assert.equal(local.code, 'PRIVATE_NETWORK_TARGET');
    assert.equal(internal.connections, 0);
  });
});
