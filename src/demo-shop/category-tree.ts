import type { ShopCategory, ShopCategoryKind } from './shop-catalog.type.js';
import { GENDERS, GROUPS, PRODUCT_TYPES } from './product-types.js';
import type { GenderSpec, ProductTypeSpec } from './product-types.js';
import type { UrlScheme } from './url-scheme.type.js';
import { BRANDS } from './word-tables.js';

/** A product-type leaf a product can be filed under. */
export interface LeafSlot {
  handle: string;
  gender: GenderSpec;
  type: ProductTypeSpec;
  /** Relative share of the catalog. */
  weight: number;
}

export interface CategoryTree {
  /** Parents before children, in menu order. */
  categories: ShopCategory[];
  leaves: LeafSlot[];
  /** Handle of the staff-only collection. */
  privateHandle: string;
  /** Brand name to collection handle, for brands that have one. */
  brandCollections: ReadonlyMap<string, string>;
}

export const FEATURED = {
  newArrivals: 'new-arrivals',
  sale: 'sale',
  bestSellers: 'best-sellers',
} as const;

const KIDS_SHARE = 0.5;

/**
 * The fixed category tree; it does not depend on the seed. The flavour's
 * staff-only collection follows the featured ones; it lists only internal
 * products.
 */
export function buildCategoryTree(scheme: UrlScheme): CategoryTree {
  const categories: ShopCategory[] = [];
  const leaves: LeafSlot[] = [];
  for (const gender of GENDERS) addGenderSection(gender, categories, leaves);
  categories.push(category(FEATURED.newArrivals, 'New Arrivals', 'featured'));
  categories.push(category(FEATURED.sale, 'Sale', 'featured'));
  categories.push(category(FEATURED.bestSellers, 'Best Sellers', 'featured'));
  categories.push(category(scheme.privateCategory.handle, scheme.privateCategory.name, 'featured'));
  const brandCollections = new Map<string, string>();
  for (const brand of BRANDS.filter((b) => b.hasCollection)) {
    const handle = slugify(brand.name);
    brandCollections.set(brand.name, handle);
    categories.push(category(handle, brand.name, 'brand'));
  }
  return { categories: withPaths(categories, scheme), leaves, privateHandle: scheme.privateCategory.handle, brandCollections };
}

/** Sets each category's path from its handle chain (parents come before children). */
function withPaths(categories: readonly ShopCategory[], scheme: UrlScheme): ShopCategory[] {
  const chains = new Map<string, readonly string[]>();
  return categories.map((item) => {
    const parentChain = item.parentHandle === undefined ? [] : chains.get(item.parentHandle) ?? [];
    const chain = [...parentChain, item.handle];
    chains.set(item.handle, chain);
    return { ...item, path: scheme.categoryPath(chain) };
  });
}

function addGenderSection(gender: GenderSpec, categories: ShopCategory[], leaves: LeafSlot[]): void {
  categories.push({ ...category(gender.key, gender.name, 'gender'), listsProducts: false });
  for (const group of GROUPS) {
    const types = PRODUCT_TYPES.filter((type) => type.group === group.key && type.genders.includes(gender.key));
    if (types.length === 0) continue;
    const groupHandle = `${gender.handlePrefix}-${group.key}`;
    categories.push({ ...category(groupHandle, group.name, 'product-type', gender.key, 1), listsProducts: false });
    for (const type of types) {
      const handle = `${gender.handlePrefix}-${type.key}`;
      categories.push(category(handle, type.name, 'product-type', groupHandle, 2));
      leaves.push({ handle, gender, type, weight: type.weight * (gender.key === 'kids' ? KIDS_SHARE : 1) });
    }
  }
}

function category(handle: string, name: string, kind: ShopCategoryKind, parentHandle?: string, depth = 0): ShopCategory {
  const base = { handle, name, path: '', kind, depth, listsProducts: true };
  return parentHandle === undefined ? base : { ...base, parentHandle };
}

/** `Alder & Finch` -> `alder-finch`, `Women's Boot` -> `womens-boot`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
