/**
 * The demo shop's ground truth. The shop stands in for an external site, so
 * these types are its own and do not import trawl's domain (its values are a
 * subset of the domain's, e.g. `ShopAvailability` of `Availability`).
 */

/** Options of the generated shop; every field has a default. */
export interface DemoShopOptions {
  /** PRNG seed; the same seed yields an identical catalog. Default 1. */
  seed?: number;
  /** Number of products. Default 120. */
  products?: number;
  /** Category page size. Default 24. */
  productsPerPage?: number;
  /** ISO 4217 code every price is quoted in. Default 'USD'. */
  currency?: string;
  /** Interface the server binds. Default '127.0.0.1'. */
  host?: string;
  /** Port the server binds; 0 picks a free one. Default 0. */
  port?: number;
}

export type ShopCategoryKind = 'product-type' | 'gender' | 'featured' | 'brand';

export interface ShopCategory {
  handle: string;
  name: string;
  /** `/collections/<handle>` */
  path: string;
  parentHandle?: string;
  kind: ShopCategoryKind;
  /** 0 for top-level categories. */
  depth: number;
  /**
   * True when the page lists products (leaf product types, featured and brand
   * collections); false for landing pages (gender and product-group sections)
   * that link to their subcategories and list no products.
   */
  listsProducts: boolean;
}

export const SHOP_AVAILABILITIES = ['IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'BACKORDER'] as const;
export type ShopAvailability = (typeof SHOP_AVAILABILITIES)[number];

export interface ShopVariantOptions {
  Size: string;
  Color: string;
}

export interface ShopVariant {
  /** `M / Black` */
  title: string;
  sku: string;
  options: ShopVariantOptions;
  /** Decimal string, e.g. `49.99`. */
  price: string;
  availability: ShopAvailability;
}

export interface ShopRating {
  /** Average, one decimal, 1.0 .. 5.0. */
  value: number;
  count: number;
}

export interface ShopProduct {
  handle: string;
  /** `/products/<handle>` */
  path: string;
  title: string;
  brand: string;
  sku: string;
  /** EAN-13 with a valid check digit. */
  gtin: string;
  /** Lowest variant price, decimal string. */
  price: string;
  /** Present only when the product is on sale; always above `price`. */
  compareAtPrice?: string;
  currency: string;
  availability: ShopAvailability;
  /** Image paths (`/images/<name>.svg`), resolve against the shop URL. */
  images: readonly string[];
  variants: readonly ShopVariant[];
  description: string;
  /** Handles of the categories listing the product; the first is its product-type leaf. */
  categories: readonly string[];
  /** Name of the product type (`Boots`). */
  productType: string;
  rating?: ShopRating;
}

/** A generated catalog and the lookups tests assert against. */
export interface ShopCatalog {
  seed: number;
  currency: string;
  productsPerPage: number;
  /** Parents before children; top-level menu order. */
  categories: readonly ShopCategory[];
  /** In generation order. */
  products: readonly ShopProduct[];
  productByHandle(handle: string): ShopProduct | undefined;
  categoryByHandle(handle: string): ShopCategory | undefined;
  /** Products in the order the category's pages list them; empty for landing pages and unknown handles. */
  productsIn(categoryHandle: string): readonly ShopProduct[];
  /** Direct subcategories, in menu order. */
  childrenOf(categoryHandle: string): readonly ShopCategory[];
  /** Number of listing pages of a category (at least 1 for any known category). */
  pageCount(categoryHandle: string): number;
}
