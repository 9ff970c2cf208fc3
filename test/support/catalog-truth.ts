import type { DemoShop } from '../../src/demo-shop/index.js';

/** A demo-shop path as the campaign stores it: absolute on the shop, no trailing slash. */
function canonicalOnShop(shop: Pick<DemoShop, 'url'>, path: string): string {
  return new URL(path, shop.url).href.replace(/\/$/, '');
}

/**
 * What a campaign over `shop` must store, from the catalog itself: product URL -> sorted URLs of
 * the selected categories that list it, for every product robots.txt allows (canonical URLs).
 */
export function expectedCategoryLinks(shop: Pick<DemoShop, 'url' | 'catalog'>, selectedCategoryUrls: ReadonlySet<string>): Map<string, string[]> {
  const expected = new Map<string, string[]>();
  for (const category of shop.catalog.categories) {
    const url = canonicalOnShop(shop, shop.catalog.categoryUrlPath(category));
    if (!selectedCategoryUrls.has(url)) continue;
    for (const product of shop.catalog.productsIn(category.handle)) {
      const path = shop.catalog.productUrlPath(product);
      if (shop.catalog.isDisallowed(path)) continue;
      const key = canonicalOnShop(shop, path);
      expected.set(key, [...(expected.get(key) ?? []), url].sort());
    }
  }
  return expected;
}
