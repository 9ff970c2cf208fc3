import type { DemoShopOptions, ShopCatalog, ShopCategory, ShopProduct } from './shop-catalog.type.js';
import { buildCategoryTree } from './category-tree.js';
import { flavourQueries } from './catalog-queries.js';
import { resolveDemoShopOptions } from './demo-shop.options.js';
import { generateProduct } from './product.generator.js';
import type { UrlScheme } from './url-scheme.type.js';
import { urlSchemeFor } from './url-schemes.js';

const NONE: readonly never[] = Object.freeze([]);

/**
 * Generates the whole catalog model eagerly (one pass, O(products)); pages
 * are rendered from it lazily. The same options yield an identical catalog.
 */
export function generateCatalog(options: DemoShopOptions = {}): ShopCatalog {
  const { flavour, seed, products: count, productsPerPage, currency } = resolveDemoShopOptions(options);
  const scheme = urlSchemeFor(flavour);
  const tree = buildCategoryTree(scheme);
  const context = { seed, currency, tree, scheme, uniqueHandle: handleAllocator() };
  const products: ShopProduct[] = new Array<ShopProduct>(count);
  for (let index = 0; index < count; index += 1) products[index] = generateProduct(context, index);
  return assembleCatalog({ scheme, seed, currency, productsPerPage, categories: tree.categories, products });
}

/**
 * Shopify-style handles: the second `womens-ridgeline-boot` becomes
 * `womens-ridgeline-boot-2`. Bases never end in `-<digits>` (titles end in a
 * noun), so a suffixed handle cannot collide with another base.
 */
function handleAllocator(): (base: string) => string {
  const seen = new Map<string, number>();
  return (base) => {
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : [base, String(count)].join('-');
  };
}

interface CatalogParts {
  scheme: UrlScheme;
  seed: number;
  currency: string;
  productsPerPage: number;
  categories: readonly ShopCategory[];
  products: readonly ShopProduct[];
}

function assembleCatalog({ scheme, seed, currency, productsPerPage, categories, products }: CatalogParts): ShopCatalog {
  const categoryIndex = new Map(categories.map((category) => [category.handle, category]));
  const productIndex = new Map(products.map((product) => [product.handle, product]));
  const listings = listProducts(categories, products);
  const children = groupChildren(categories);
  return {
    flavour: scheme.flavour,
    seed,
    currency,
    productsPerPage,
    categories,
    products,
    productByHandle: (handle) => productIndex.get(handle),
    categoryByHandle: (handle) => categoryIndex.get(handle),
    productsIn: (handle) => listings.get(handle) ?? NONE,
    childrenOf: (handle) => children.get(handle) ?? NONE,
    pageCount: (handle) => (categoryIndex.has(handle) ? Math.max(1, Math.ceil((listings.get(handle)?.length ?? 0) / productsPerPage)) : 0),
    productById: (id) => (Number.isInteger(id) && id >= 1 ? products[id - 1] : undefined),
    ...flavourQueries(scheme, categories, products),
  };
}

/** Category listings in catalog order; a product appears once per category it belongs to. */
function listProducts(categories: readonly ShopCategory[], products: readonly ShopProduct[]): Map<string, ShopProduct[]> {
  const listings = new Map<string, ShopProduct[]>();
  for (const category of categories) if (category.listsProducts) listings.set(category.handle, []);
  for (const product of products) {
    for (const handle of product.categories) {
      const listing = listings.get(handle);
      if (!listing) throw new Error(`Product ${product.handle} names unknown category ${handle}`);
      listing.push(product);
    }
  }
  return listings;
}

function groupChildren(categories: readonly ShopCategory[]): Map<string, ShopCategory[]> {
  const children = new Map<string, ShopCategory[]>();
  for (const category of categories) {
    if (category.parentHandle === undefined) continue;
    const siblings = children.get(category.parentHandle) ?? [];
    siblings.push(category);
    children.set(category.parentHandle, siblings);
  }
  return children;
}
