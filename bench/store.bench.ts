import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateCatalog } from '../src/demo-shop/index.js';
import type { ProductScrapeWrite } from '../src/domain/ports/storage.port.js';
import { SqliteStore } from '../src/storage/sqlite/sqlite-store.js';
import { CatalogWrites } from './support/catalog-writes.js';
import { tempDir } from './support/cleanup.js';
import { OFFLINE_ORIGIN } from './support/shop-pages.js';
import type { BenchSuite } from './support/suite.js';
import { measure, perSecond } from './support/timing.js';

const PAGE_SIZE = 50;

/** The SQLite store: product job writes with category links, and product list pages. */
export const storeSuite: BenchSuite = {
  name: 'store',
  description: 'SQLite recordProductScrape writes/s and products.list pages/s',
  async run({ quick, cleanup, log, record }) {
    const dir = await tempDir(cleanup, 'store');
    // One write at a time, each its own transaction (no commit window): the latency of a lone write.
    const store = SqliteStore.open({ file: join(dir, 'trawl.sqlite'), commitWindowMs: 0 });
    cleanup.add('sqlite store', () => store.close());
    const count = quick ? 1000 : 5000;
    const catalog = generateCatalog({ products: count + 200 });
    const writes = new CatalogWrites(catalog, OFFLINE_ORIGIN);
    const build = (from: number, to: number, categoryIndex: number): ProductScrapeWrite[] =>
      catalog.products.slice(from, to).map((p) => writes.write(p, categoryIndex)).filter((w) => w !== undefined);
    const warmup = build(count, count + 200, 0);
    const fresh = build(0, count, 0);
    const relinks = build(0, count, 1);
    await store.jobs.insertMany([...warmup, ...fresh, ...relinks].map((w) => writes.jobRecord(w)));

    log(`store: ${fresh.length} new products, ${relinks.length} re-scrapes into a second category`);
    for (const write of warmup) await store.recordProductScrape(write);
    const inserts = await measure((i) => store.recordProductScrape(fresh[i]!), { warmup: 0, iterations: fresh.length });
    const updates = await measure((i) => store.recordProductScrape(relinks[i]!), { warmup: 0, iterations: relinks.length });

    const grouped = await groupedWrites(join(dir, 'grouped.sqlite'), writes, build(0, count, 0));

    const cursors = await pageCursors(store, writes.site);
    const sitePages = await measure((i) => store.products.list({ site: writes.site }, pageAt(cursors, i)), { warmup: 20, iterations: quick ? 100 : 400 });
    const categories = (await store.categories.list({ site: writes.site }, { first: 500 })).items;
    const categoryPages = await measure((i) => store.products.list({ categoryId: categories[i % categories.length]!.id }, { first: PAGE_SIZE }),
      { warmup: 20, iterations: quick ? 100 : 400 });
    const firstPage = await store.products.list({ site: writes.site }, { first: PAGE_SIZE });
    const ids = firstPage.items.map((p) => p.id);
    const links = await measure(() => store.products.categoryIdsOf(ids), { warmup: 20, iterations: quick ? 100 : 400 });

    record(
      { metric: 'recordProductScrape, new product + category link', value: perSecond(inserts.count, inserts.totalMs), unit: 'writes/s' },
      { metric: 'recordProductScrape, new product, p95', value: inserts.p95Ms, unit: 'ms' },
      { metric: 'recordProductScrape, re-scrape + 2nd category', value: perSecond(updates.count, updates.totalMs), unit: 'writes/s' },
      { metric: `recordProductScrape, ${GROUPED_IN_FLIGHT} in flight as a worker writes (default commit window)`, value: grouped.perSecond, unit: 'writes/s' },
      { metric: 'recordProductScrape, CPU per write in flight', value: grouped.cpuUsPerWrite, unit: 'us/write' },
      { metric: `products.list by site, ${PAGE_SIZE}/page over ${firstPage.totalCount}`, value: perSecond(sitePages.count, sitePages.totalMs), unit: 'pages/s' },
      { metric: 'products.list by site, p95', value: sitePages.p95Ms, unit: 'ms' },
      { metric: `products.list by category, ${PAGE_SIZE}/page`, value: perSecond(categoryPages.count, categoryPages.totalMs), unit: 'pages/s' },
      { metric: `products.categoryIdsOf, ${ids.length} ids`, value: perSecond(links.count, links.totalMs), unit: 'calls/s' },
    );
  },
};

const GROUPED_IN_FLIGHT = 8;

/** New products written 8 at a time into a fresh store with the default commit window, as a worker at concurrency 8 writes them. */
async function groupedWrites(file: string, writes: CatalogWrites, batch: ProductScrapeWrite[]): Promise<{ perSecond: number; cpuUsPerWrite: number }> {
  const store = SqliteStore.open({ file });
  try {
    await store.jobs.insertMany(batch.map((w) => writes.jobRecord(w)));
    let next = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(Array.from({ length: GROUPED_IN_FLIGHT }, async () => {
      while (next < batch.length) await store.recordProductScrape(batch[next++]!);
    }));
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { perSecond: perSecond(batch.length, ms), cpuUsPerWrite: (used.user + used.system) / batch.length };
  } finally {
    await store.close();
  }
}

/** Cursors of every page of the site's products (undefined = first page), read once up front. */
async function pageCursors(store: SqliteStore, site: string): Promise<(string | undefined)[]> {
  const cursors: (string | undefined)[] = [undefined];
  for (;;) {
    const page = await store.products.list({ site }, { first: PAGE_SIZE, ...(cursors.at(-1) ? { after: cursors.at(-1)! } : {}) });
    if (!page.hasNextPage) return cursors;
    cursors.push(page.cursors.at(-1));
  }
}

function pageAt(cursors: readonly (string | undefined)[], i: number): { first: number; after?: string } {
  const after = cursors[i % cursors.length];
  return after === undefined ? { first: PAGE_SIZE } : { first: PAGE_SIZE, after };
}
