import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTrawlError } from '../../../src/domain/errors.js';
import { capHtml, looksBinary, MAX_HTML_CHARS } from '../../../src/scrapers/extract/page-guard.js';
import { nestsDeeperThan, parseBoundedJson } from '../../../src/scrapers/extract/lenient-json.js';
import { jsonAssignedTo } from '../../../src/scrapers/extract/script-data.js';
import { htmlPage } from '../support/page.js';
import { extractor } from './fixtures/extract.helper.js';

const PRODUCT = '<div class="pdp"><h1>Big Lamp</h1><span class="price">$40.00</span><button class="add-to-cart">Add to cart</button></div>';
const JSON_LD = '<script type="application/ld+json">{"@type":"Product","name":"Big Lamp","offers":{"price":"40","priceCurrency":"USD"}}</script>';
const MB = 1024 * 1024;

/** Deterministic pseudo-random bytes (a binary file's body). */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let seed = 42;
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  return bytes;
}

async function expectNotHtml(body: string, contentType = 'text/html; charset=utf-8'): Promise<void> {
  await assert.rejects(extractor.extract(htmlPage(body, { contentType })), (error) => {
    assert.ok(isTrawlError(error));
    assert.equal(error.code, 'NOT_HTML');
    assert.equal(error.retryable, false);
    return true;
  });
}

describe('hostile input', () => {
  it('extracts the product at the top of a 10 MB page, parsing only its first 3 MB', async () => {
    const filler = '<div class="row"><p>Lorem ipsum <a href="/x">dolor</a> <span class="price">$1.00</span></p></div>'.repeat(Math.ceil((10 * MB) / 90));
    const body = `<html><head>${JSON_LD}</head><body>${PRODUCT}${filler}</body></html>`;
    assert.ok(body.length > 10 * MB);
    const product = await extractor.extract(htmlPage(body));
    assert.equal(product?.title, 'Big Lamp');
    assert.deepEqual(product?.price, { amount: '40.00', currency: 'USD' });
    const capped = capHtml(body);
    assert.equal(capped.truncated, true);
    assert.ok(capped.html.length <= MAX_HTML_CHARS);
    assert.ok(capped.html.lastIndexOf('<') < capped.html.lastIndexOf('>'), 'cut between tags, not inside one');
  });

  it('drops a giant inline script before the cut, so the product after a 5 MB state blob is still read', async () => {
    const blob = `<script>window.__STATE__ = {"items":[${'{"a":"xxxxxxxxxx"},'.repeat(300_000)}]};</script>`;
    const body = `<html><head>${blob}${JSON_LD}</head><body>${PRODUCT}</body></html>`;
    assert.ok(body.length > 5 * MB);
    const product = await extractor.extract(htmlPage(body));
    assert.equal(product?.title, 'Big Lamp');
    assert.equal(product?.sources.title, 'json-ld');
  });

  it('finishes on a 5 MB inline script full of unclosed brackets and quotes where platform data is looked for', async () => {
    for (const script of [`var meta = {"product":${'{"a":"'.repeat(400_000)}`, `var BCData = ${'{'.repeat(5 * MB)}`, `Shopify.currency = ${'{"'.repeat(2 * MB)}`]) {
      const body = `<html><head><script>${script}</script></head><body>${PRODUCT}</body></html>`;
      const product = await extractor.extract(htmlPage(body), { platform: 'SHOPIFY' });
      assert.equal(product?.title, 'Big Lamp');
    }
    assert.equal(jsonAssignedTo(`var meta = ${'{'.repeat(100_000)}`, 'var meta'), undefined);
  });

  it('extracts a product nested 5,000 elements deep, and one under 20,000 unclosed tags', async () => {
    for (const depth of [5000, 20_000]) {
      const product = await extractor.extract(htmlPage(`<html><body>${'<div>'.repeat(depth)}${PRODUCT}</body></html>`));
      assert.equal(product?.title, 'Big Lamp', `${depth} deep`);
      assert.deepEqual(product?.price, { amount: '40.00', currency: 'USD' });
    }
  });

  it('reads a JSON-LD product despite a branch nested 5,000 deep, and skips a 5 MB JSON-LD block', async () => {
    const deep = `{"@type":"Product","name":"Big Lamp","junk":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)},"offers":{"price":"40","priceCurrency":"USD"}}`;
    const product = await extractor.extract(htmlPage(`<html><head><script type="application/ld+json">${deep}</script></head><body></body></html>`));
    assert.deepEqual(product?.price, { amount: '40.00', currency: 'USD' });
    assert.equal(nestsDeeperThan(deep, 64), true);
    const [pruned] = parseBoundedJson('[[[[1]]]]', 1000, 2);
    assert.deepEqual(pruned, [[null]]);
    const huge = `{"@type":"Product","name":"Huge","description":"${'y'.repeat(5 * MB)}"}`;
    assert.deepEqual(parseBoundedJson(huge), []);
    const withHuge = await extractor.extract(htmlPage(`<html><head><script type="application/ld+json">${huge}</script></head><body>${PRODUCT}</body></html>`));
    assert.equal(withHuge?.sources.title, 'markup');
  });

  it('throws NOT_HTML for binary bytes served as text/html', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(4096)]);
    await expectNotHtml(png.toString('utf8'));
    await expectNotHtml(png.toString('latin1'));
    await expectNotHtml(noise(64 * 1024).toString('latin1'));
    await expectNotHtml(Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(2048)]).toString('latin1'));
    await expectNotHtml(Buffer.from([0x1f, 0x8b, 0x08, 0x00, ...noise(1000)]).toString('latin1'), 'text/html');
    assert.equal(looksBinary('<html>\u0000\u0001<body>A page with two stray control characters in a long enough text.</body></html>'), false);
    assert.equal(looksBinary('<html><body>Привет, мир – a Cyrillic page decoded right</body></html>'), false);
  });

  it('never throws on broken or unclosed HTML, returning a product or null', async () => {
    const samples = [
      '<html><head><title>x<body><div class="price>$5<h1>Broken<script>var a = "</div><!-- never closed',
      `<html><body>${PRODUCT.replace(/<\/(div|h1|span|button)>/g, '')}`,
      '<html><body><table><tr><td><h1>Cell</td><td><span class="price">$7</span></table></h1><button>Add to cart',
      '<<<>>><html <body><h1 =="">x</h1 x=><span class="price">$$$1..2,,3</span>',
      `<html><body>${'<p>'.repeat(10_000)}<h1>Para</h1><span class="price">$3</span><button>Add to cart</button>`,
      '<html><body><svg><foreignObject><h1>In SVG</h1></foreignObject></svg><form><form><input value="Add to cart" type="submit">',
      `<html><body><div ${'a="1" '.repeat(100_000)}><h1>Attrs</h1></div></body></html>`,
      `<html><body><div class="product-gallery"><img srcset="${'a.jpg 1w, '.repeat(100_000)}"></div>${PRODUCT}</body></html>`,
    ];
    for (const body of samples) {
      const product = await extractor.extract(htmlPage(body));
      assert.ok(product === null || typeof product.title === 'string');
    }
    const unclosed = await extractor.extract(htmlPage(samples[1]!));
    assert.ok(unclosed?.title.startsWith('Big Lamp'), 'an unclosed <h1> holds the rest of the page, as in a browser');
    assert.deepEqual(unclosed?.price, { amount: '40.00', currency: 'USD' });
  });

  it('stays bounded on thousands of JSON-LD blocks and on a root of 100,000 elements', async () => {
    const many = await extractor.extract(htmlPage(`<html><head>${JSON_LD.repeat(20_000)}</head></html>`));
    assert.equal(many?.title, 'Big Lamp');
    assert.equal(await extractor.extract(htmlPage('<li><span class="price">$1</span></li>'.repeat(100_000))), null);
  });
});

const PRODUCT_LD = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Sturdy Boot","sku":"SB-1",
"offers":{"@type":"Offer","price":"89.00","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}</script>`;

describe('hostile pages: extraction stays bounded and fails clearly (JSON-LD product)', () => {
  const heapGrowth = async (run: () => Promise<unknown>): Promise<number> => {
    const before = process.memoryUsage().heapUsed;
    await run();
    return process.memoryUsage().heapUsed - before;
  };

  it('extracts a 10 MB page without running away (product data near the top)', async () => {
    const filler = '<div class="row"><span>Lorem ipsum dolor sit amet</span></div>'.repeat(170_000);
    const body = `<html><head><title>Sturdy Boot</title>${PRODUCT_LD}</head><body><h1>Sturdy Boot</h1>${filler}</body></html>`;
    assert.ok(body.length > 10_000_000);
    let product: Awaited<ReturnType<typeof extractor.extract>> = null;
    const growth = await heapGrowth(async () => {
      product = await extractor.extract(htmlPage(body));
    });
    assert.equal(product!.title, 'Sturdy Boot');
    assert.ok(growth < 1_500_000_000, `heap grew ${growth} bytes`);
  });

  it('survives 20,000 levels of nesting without a stack overflow', async () => {
    const body = `<html><head>${PRODUCT_LD}</head><body>${'<div>'.repeat(20_000)}deep${'</div>'.repeat(20_000)}</body></html>`;
    const product = await extractor.extract(htmlPage(body));
    assert.equal(product?.sku, 'SB-1');
  });

  it('handles a 5 MB inline script and a JSON-LD block nested 5,000 deep', async () => {
    const script = `<script>var data = "${'x'.repeat(5_000_000)}"; var price = "$1.00";</script>`;
    const deepLd = `<script type="application/ld+json">${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}</script>`;
    const body = `<html><head>${deepLd}${PRODUCT_LD}</head><body><h1>Sturdy Boot</h1>${script}</body></html>`;
    const product = await extractor.extract(htmlPage(body));
    assert.equal(product?.title, 'Sturdy Boot');
    assert.equal(Number(product?.price?.amount), 89);
  });

  it('refuses binary served as text/html with NOT_HTML', async () => {
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256));
    await assert.rejects(extractor.extract(htmlPage(bytes.toString('latin1'))), (error: unknown) => isTrawlError(error) && error.code === 'NOT_HTML');
  });

  it('reads product data out of broken, unclosed HTML', async () => {
    const body = `<html><head><title>Sturdy Boot${PRODUCT_LD}<body><div><p><span>unclosed <table><tr><td>cell<h1>Sturdy Boot`;
    const product = await extractor.extract(htmlPage(`<!doctype html>${body.replace('<title>Sturdy Boot', '<title>Sturdy Boot</title>')}`));
    assert.equal(product?.sku, 'SB-1');
  });
});
