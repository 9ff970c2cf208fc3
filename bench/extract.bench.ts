import { load as loadParse5 } from 'cheerio';
import { load as loadSlim } from 'cheerio/slim';
import { generateCatalog } from '../src/demo-shop/index.js';
import type { ExtractOptions } from '../src/domain/ports/product-extractor.port.js';
import { CheerioProductExtractor } from '../src/scrapers/extract/cheerio-product.extractor.js';
import { fetchedPage, OFFLINE_ORIGIN, paddedProductPage, renderProductPages, type RenderedPage } from './support/shop-pages.js';
import type { BenchSuite } from './support/suite.js';
import { measure, perSecond } from './support/timing.js';

const BIG_PAGE_BYTES = 150 * 1024;

/** Product extraction per page on demo-shop pages, and cheerio's two parsers on a ~150 KB page. */
export const extractSuite: BenchSuite = {
  name: 'extract',
  description: 'CheerioProductExtractor per demo-shop page (wall and CPU time, platform detected or known); htmlparser2 vs parse5 load on a 150 KB page',
  async run({ quick, log, record }) {
    const catalog = generateCatalog({ products: quick ? 100 : 300 });
    const pages = renderProductPages(catalog, catalog.products.length);
    const extractor = new CheerioProductExtractor();
    await checkExtraction(extractor, pages);
    const rounds = quick ? 2 : 4;
    log(`extract: ${pages.length} pages x ${rounds} rounds`);
    const perPage = await measure((i) => extractor.extract(pages[i % pages.length]!.page), { warmup: pages.length, iterations: pages.length * rounds });
    const meanBytes = pages.reduce((sum, { page }) => sum + page.bytes, 0) / pages.length;
    const cpuUnknown = await cpuPerPage(extractor, pages, rounds, {});
    const cpuKnown = await cpuPerPage(extractor, pages, rounds, { platform: 'SHOPIFY' });

    const product = catalog.products[0]!;
    const big = paddedProductPage(catalog, product, BIG_PAGE_BYTES);
    const bigPage = fetchedPage(`${OFFLINE_ORIGIN}${product.path}`, big);
    const options = { warmup: quick ? 5 : 10, iterations: quick ? 20 : 60 };
    log(`extract: ${(Buffer.byteLength(big) / 1024).toFixed(0)} KB page x ${options.iterations}`);
    const slim = await measure(() => loadSlim(big), options);
    const parse5 = await measure(() => loadParse5(big), options);
    const bigExtract = await measure(() => extractor.extract(bigPage), options);
    if ((await extractor.extract(bigPage))?.title !== product.title) throw new Error('extraction of the 150 KB page lost the product title');

    record(
      { metric: 'product page extract, median', value: perPage.medianMs, unit: 'ms/page' },
      { metric: 'product page extract, p95', value: perPage.p95Ms, unit: 'ms/page' },
      { metric: 'product page extract, throughput (1 thread)', value: perSecond(perPage.count, perPage.totalMs), unit: 'pages/s' },
      { metric: 'product page extract CPU, platform detected', value: cpuUnknown, unit: 'ms/page' },
      { metric: 'product page extract CPU, platform known', value: cpuKnown, unit: 'ms/page' },
      { metric: 'product page size, mean', value: meanBytes / 1024, unit: 'KB' },
      { metric: '150 KB page load, cheerio/slim (htmlparser2)', value: slim.medianMs, unit: 'ms/page' },
      { metric: '150 KB page load, cheerio (parse5)', value: parse5.medianMs, unit: 'ms/page' },
      { metric: '150 KB page extract, full extractor', value: bigExtract.medianMs, unit: 'ms/page' },
    );
  },
};

/** Process CPU time (user + system) per extraction: unlike wall time, not inflated by other processes on a shared machine. */
async function cpuPerPage(extractor: CheerioProductExtractor, pages: readonly RenderedPage[], rounds: number, options: ExtractOptions): Promise<number> {
  for (const { page } of pages) await extractor.extract(page, options);
  const before = process.cpuUsage();
  for (let round = 0; round < rounds; round++) for (const { page } of pages) await extractor.extract(page, options);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / (rounds * pages.length);
}

/** A benchmark of a broken extractor is worthless: every page must yield its product. */
async function checkExtraction(extractor: CheerioProductExtractor, pages: readonly RenderedPage[]): Promise<void> {
  for (const { product, page } of pages) {
    const extracted = await extractor.extract(page);
    if (extracted?.title !== product.title || extracted.price?.amount !== product.price) {
      throw new Error(`Extraction of ${page.url} gave ${JSON.stringify({ title: extracted?.title, price: extracted?.price })}, ` +
        `expected ${JSON.stringify({ title: product.title, price: product.price })}`);
    }
  }
}
