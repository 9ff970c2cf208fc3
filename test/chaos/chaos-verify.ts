import type { DemoShop } from '../../src/demo-shop/index.js';
import type { Store } from '../../src/domain/ports/storage.port.js';
import { allPages } from '../../src/domain/pagination.js';
import { expectedCategoryLinks } from '../support/catalog-truth.js';

/** One line of the verification table: what was checked, what was expected, what was found. */
export interface Check {
  what: string;
  expected: string | number;
  actual: string | number;
  ok: boolean;
}

export interface Verification {
  checks: Check[];
  ok: boolean;
  /** Products the catalog lists in the campaign's categories (robots.txt-allowed). */
  expectedProducts: number;
  storedProducts: number;
  duplicates: number;
  lost: number;
}


/** Product URL -> sorted category URLs, as stored for the campaign; and how many rows share a URL. */
async function storedLinks(store: Store, campaignId: string): Promise<{ links: Map<string, string[]>; rows: number }> {
  const products = await allPages((page) => store.products.list({ campaignId }, page));
  const categoryIds = await store.products.categoryIdsOf(products.map((p) => p.id));
  const ids = [...new Set([...categoryIds.values()].flat())];
  const categories = ids.length ? await store.categories.getByIds(ids) : [];
  const urlOf = new Map(categories.flatMap((c) => (c ? [[c.id, c.url] as const] : [])));
  const links = new Map<string, string[]>();
  for (const p of products) links.set(p.canonicalUrl, (categoryIds.get(p.id) ?? []).map((id) => urlOf.get(id) ?? id).sort());
  return { links, rows: products.length };
}

/**
 * Checks a finished campaign against the demo shop's catalog: completed,
 * every listed product stored exactly once (none lost, none duplicated, none
 * unexpected), every category link present, and the ledger's counters adding up.
 */
export async function verifyCampaign(store: Store, shop: DemoShop, campaignId: string): Promise<Verification> {
  const campaign = (await store.campaigns.getByIds([campaignId]))[0];
  const categories = await allPages((page) => store.categories.list({ campaignId }, page));
  const expected = expectedCategoryLinks(shop, new Set(categories.map((c) => c.url)));
  const { links: stored, rows } = await storedLinks(store, campaignId);
  const tally = await store.ledger.tally(campaignId);
  const quality = await store.ledger.quality(campaignId);
  const lost = [...expected.keys()].filter((url) => !stored.has(url));
  const unexpected = [...stored.keys()].filter((url) => !expected.has(url));
  const missingLinks = [...expected].reduce((n, [url, want]) => n + want.filter((c) => !(stored.get(url) ?? []).includes(c)).length, 0);
  const expectedLinkCount = [...expected.values()].reduce((n, c) => n + c.length, 0);
  const duplicates = rows - stored.size + quality.duplicateProducts;
  const checks: Check[] = [
    { what: 'campaign status', expected: 'COMPLETED', actual: campaign?.status ?? 'missing', ok: campaign?.status === 'COMPLETED' },
    { what: 'products expected (catalog) vs stored', expected: expected.size, actual: stored.size, ok: expected.size === stored.size && expected.size > 0 },
    { what: 'lost products', expected: 0, actual: lost.length, ok: lost.length === 0 },
    { what: 'duplicate products', expected: 0, actual: duplicates, ok: duplicates === 0 },
    { what: 'unexpected products', expected: 0, actual: unexpected.length, ok: unexpected.length === 0 },
    { what: 'category links present', expected: expectedLinkCount, actual: expectedLinkCount - missingLinks, ok: missingLinks === 0 },
    { what: 'ledger: products still queued', expected: 0, actual: tally.productsQueued, ok: tally.productsQueued === 0 },
    { what: 'ledger: products failed', expected: 0, actual: tally.productsFailed, ok: tally.productsFailed === 0 },
    {
      what: 'ledger: discovered = scraped + failed + skipped', expected: tally.productsDiscovered,
      actual: tally.productsScraped + tally.productsFailed + tally.productsSkipped,
      ok: tally.productsDiscovered === tally.productsScraped + tally.productsFailed + tally.productsSkipped,
    },
    { what: 'ledger: scraped = stored', expected: stored.size, actual: tally.productsScraped, ok: tally.productsScraped === stored.size },
    {
      what: 'ledger: categories selected = ended', expected: tally.categoriesSelected,
      actual: tally.categoriesScraped + tally.categoriesFailed + tally.categoriesSkipped,
      ok: tally.categoriesSelected === tally.categoriesScraped + tally.categoriesFailed + tally.categoriesSkipped,
    },
  ];
  return { checks, ok: checks.every((c) => c.ok), expectedProducts: expected.size, storedProducts: stored.size, duplicates, lost: lost.length };
}
