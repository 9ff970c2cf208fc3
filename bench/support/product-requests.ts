import type { ShopCatalog } from '../../src/demo-shop/index.js';
import type { EnqueueRequest } from '../../src/domain/services/job.service.js';

/**
 * One product job per product robots.txt lets a crawler fetch, with its leaf
 * category as context (as a category crawl would enqueue them).
 */
export function productRequests(catalog: ShopCatalog, origin: string): EnqueueRequest[] {
  return catalog.products.filter((product) => !catalog.isDisallowed(product.path)).map((product) => {
    const leaf = catalog.categoryByHandle(product.categories[0] ?? '');
    const parent = leaf?.parentHandle === undefined ? undefined : catalog.categoryByHandle(leaf.parentHandle);
    const category = leaf ? { name: leaf.name, path: leaf.path, ...(parent ? { parent: parent.path } : {}) } : undefined;
    return { type: 'product' as const, url: `${origin}${product.path}`, ...(category ? { category } : {}) };
  });
}
