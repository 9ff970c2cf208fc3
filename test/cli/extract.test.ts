import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import { tempDir } from '../support/env.js';
import { encodeLegacy } from '../scrapers/support/legacy-encode.js';
import { startFixtureServer } from '../scrapers/support/fixture-server.js';

const CLI = new URL('../../src/cli/main.js', import.meta.url).pathname;

function trawl(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const PAGE = `<!doctype html><html lang="de"><head><meta charset="windows-1251"><title>Ботинки</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Ботинки Трейл","sku":"BT-7",
"offers":{"@type":"Offer","price":"4990","priceCurrency":"RUB","availability":"https://schema.org/OutOfStock"}}</script></head>
<body><h1>Ботинки Трейл</h1></body></html>`;

describe('trawl extract', () => {
  let shop: DemoShop;
  const dir = tempDir();
  before(async () => {
    shop = await startDemoShop({ products: 40 });
  });
  after(async () => {
    await shop.close();
  });

  it('extracts a saved page with no network request, decoding its charset, with a source per field', async () => {
    const file = join(dir, 'page.html');
    writeFileSync(file, encodeLegacy(PAGE, 'windows-1251'));
    const { code, stdout } = await trawl(['extract', 'https://shop.invalid/products/boot', '--html-file', file]);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.title, 'Ботинки Трейл');
    assert.equal(Number(report.price.amount), 4990);
    assert.equal(report.price.currency, 'RUB');
    assert.equal(report.availability, 'OUT_OF_STOCK');
    assert.equal(report.brand, null);
    assert.equal(report.source.title, 'json-ld');
    assert.ok('platform' in report && 'completeness' in report);
  });

  it('fetches a live page when allowed, and refuses a private target by default', async () => {
    const url = new URL(shop.catalog.products[0]!.path, shop.url).href;
    const live = await trawl(['extract', url], { TRAWL_ALLOW_PRIVATE_NETWORK: 'true' });
    assert.equal(live.code, 0, live.stderr);
    assert.equal(JSON.parse(live.stdout).title, shop.catalog.products[0]!.title);
    const refused = await trawl(['extract', url]);
    assert.equal(refused.code, 1);
    assert.equal(JSON.parse(refused.stdout).error.code, 'PRIVATE_NETWORK_TARGET');
  });

  it('renders an app-shell page in Chromium with --render auto, and not with --render never', async () => {
    const shell = `<!doctype html><html><head><title>App</title></head><body><div id="root"></div><noscript>Enable JavaScript</noscript>
<script>setTimeout(() => { const s = document.createElement('script'); s.type = 'application/ld+json';
s.textContent = JSON.stringify({ '@type': 'Product', name: 'Rendered Boot', offers: { price: '49.00', priceCurrency: 'USD' } });
document.head.appendChild(s); document.getElementById('root').innerHTML = '<h1>Rendered Boot</h1>'; }, 30);</script></body></html>`;
    const server = await startFixtureServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(shell));
    try {
      const env = { TRAWL_ALLOW_PRIVATE_NETWORK: 'true' };
      const never = await trawl(['extract', `${server.origin}/p/1`, '--render', 'never'], env);
      assert.equal(never.code, 3);
      const auto = await trawl(['extract', `${server.origin}/p/1`], env);
      assert.equal(auto.code, 0, auto.stdout + auto.stderr);
      const report = JSON.parse(auto.stdout);
      assert.equal(report.title, 'Rendered Boot');
      assert.equal(report.rendered, true);
    } finally {
      await server.close();
    }
  });

  it('exits 3 for a page that is not a product and 2 for bad usage', async () => {
    const file = join(dir, 'about.html');
    writeFileSync(file, '<html><body><h1>About us</h1><p>We sell boots.</p></body></html>');
    const notProduct = await trawl(['extract', 'https://shop.invalid/about', '--html-file', file]);
    assert.equal(notProduct.code, 3);
    assert.equal(JSON.parse(notProduct.stdout).isProduct, false);
    assert.equal((await trawl(['extract'])).code, 2);
    const badRender = await trawl(['extract', 'https://shop.invalid/x', '--render', 'sometimes']);
    assert.equal(badRender.code, 2);
    assert.match(badRender.stderr, /--render must be auto, never or always/);
  });

  it('runs a batch of a thousand pages in order, a bad line getting an error line and the rest going on', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const product = shop.catalog.products[i % shop.catalog.products.length]!;
      const file = `p${i % 40}.html`;
      if (i < 40) writeFileSync(join(dir, file), await (await fetch(new URL(product.path, shop.url))).text());
      lines.push(i === 500 ? '{"url": 42}' : i === 501 ? 'not json' : JSON.stringify({ url: `https://shop.invalid/products/${i}`, htmlFile: file }));
    }
    writeFileSync(join(dir, 'batch.jsonl'), `${lines.join('\n')}\n`);
    const { code, stdout } = await trawl(['extract', '--batch', join(dir, 'batch.jsonl')]);
    assert.equal(code, 0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(out.length, 1000);
    assert.equal(out[0].url, 'https://shop.invalid/products/0');
    assert.equal(out[999].url, 'https://shop.invalid/products/999');
    assert.equal(out[500].error.code, 'INVALID_INPUT');
    assert.equal(out[501].error.code, 'INVALID_INPUT');
    assert.equal(out[502].title, shop.catalog.products[502 % 40]!.title);
  });
});
