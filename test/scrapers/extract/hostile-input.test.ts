import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CheerioProductExtractor } from '../../../src/scrapers/extract/cheerio-product.extractor.js';
import { isTrawlError } from '../../../src/domain/errors.js';
import { htmlPage } from '../support/page.js';

const PRODUCT_LD = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Sturdy Boot","sku":"SB-1",
"offers":{"@type":"Offer","price":"89.00","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}</script>`;

describe('hostile pages: extraction stays bounded and fails clearly', () => {
  const extractor = new CheerioProductExtractor();
  const heapGrowth = async (run: () => Promise<unknown>): Promise<number> => {
    const before = process.memoryUsage().heapUsed;
    await run();
    return process.memoryUsage().heapUsed - before;
  };

  it('extracts a 10 MB page without running away (product data near the top)', async () => {
    const filler = '<div class="row"><span>Lorem ipsum dolor sit amet</span></div>'.repeat(170_000);
    const body = `<html><head><title>Sturdy Boot</title>${PRODUCT_LD}</head><body><h1>Sturdy Boot</h1>${filler}</body></html>`;
    assert.ok(body.length > 10_000_000);
    let product: Awaited<ReturnType<CheerioProductExtractor['extract']>> = null;
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
