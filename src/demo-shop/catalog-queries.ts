import type { ShopCatalog, ShopCategory, ShopProduct } from './shop-catalog.type.js';
import { robotsMatcher, wildcardRules } from './robots-rules.js';
import type { UrlScheme } from './url-scheme.type.js';

/** The members of a catalog that depend on its flavour: URLs, robots.txt, search, visibility. */
export type FlavourQueries = Pick<ShopCatalog,
  'categoryUrlPath' | 'productUrlPath' | 'searchUrlPath' | 'searchResults' | 'robotsDisallow' | 'isDisallowed' |
  'publicProducts' | 'publicCategories' | 'structuredDataOf'>;

const NONE: readonly never[] = Object.freeze([]);
const SEARCH_CACHE_SIZE = 32;

export function flavourQueries(scheme: UrlScheme, categories: readonly ShopCategory[], products: readonly ShopProduct[]): FlavourQueries {
  const rules = wildcardRules(scheme.robots);
  const isDisallowed = robotsMatcher(rules);
  const visible = once(() => visibility(isDisallowed, categories, products));
  return {
    categoryUrlPath: (category, page = 1) => scheme.listingPath(category.path, page),
    productUrlPath: (product) => product.path,
    searchUrlPath: (query, page = 1) => scheme.searchPath(query, page),
    searchResults: titleSearch(products),
    robotsDisallow: Object.freeze(rules.filter((rule) => !rule.allow).map((rule) => rule.pattern)),
    isDisallowed,
    publicProducts: () => visible().products,
    publicCategories: () => visible().categories,
    structuredDataOf: (product) => (scheme.flavour === 'generic' && product.id % 2 === 0 ? 'microdata' : 'json-ld'),
  };
}

/** Which categories and products a robots-obeying crawler reaches through the menu. O(products). */
function visibility(isDisallowed: (path: string) => boolean, categories: readonly ShopCategory[], products: readonly ShopProduct[]) {
  const publicCategories = Object.freeze(categories.filter((category) => !isDisallowed(category.path)));
  const listed = new Set(publicCategories.filter((category) => category.listsProducts).map((category) => category.handle));
  const publicProducts = Object.freeze(products.filter((product) => !isDisallowed(product.path) && product.categories.some((handle) => listed.has(handle))));
  return { categories: publicCategories, products: publicProducts };
}

/** Case-insensitive title search, O(products) per new query; recent queries are cached for paging. */
function titleSearch(products: readonly ShopProduct[]): (query: string) => readonly ShopProduct[] {
  const cache = new Map<string, readonly ShopProduct[]>();
  return (query) => {
    const needle = query.trim().toLowerCase();
    if (needle === '') return NONE;
    const cached = cache.get(needle);
    if (cached) return cached;
    const found = Object.freeze(products.filter((product) => product.title.toLowerCase().includes(needle)));
    if (cache.size >= SEARCH_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(needle, found);
    return found;
  };
}

function once<T>(compute: () => T): () => T {
  let value: { result: T } | undefined;
  return () => (value ??= { result: compute() }).result;
}
