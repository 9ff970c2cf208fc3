/**
 * The demo shop's ground truth. The shop stands in for an external site, so
 * these types are its own and do not import trawl's domain (its values are a
 * subset of the domain's, e.g. `ShopAvailability` of `Availability`).
 */

/** The e-commerce platform a demo shop imitates: its URL scheme, markup and signals. */
export const SHOP_FLAVOURS = ['shopify', 'woocommerce', 'generic'] as const;
export type ShopFlavour = (typeof SHOP_FLAVOURS)[number];

/** Options of the generated shop; every field has a default. */
export interface DemoShopOptions {
  /** Platform imitated. Default 'shopify'. */
  flavour?: ShopFlavour;
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
  /**
   * Canonical path of the first listing page: `/collections/<handle>`
   * (shopify), `/product-category/<ancestors>/<handle>/` (woocommerce),
   * `/shop/<handle>` (generic).
   */
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
  /** 1-based position in generation order; the numeric id in generic URLs and Shopify JSON. */
  id: number;
  handle: string;
  /**
   * Canonical path: `/products/<handle>` (shopify), `/product/<handle>/`
   * (woocommerce), `/item/<id>-<handle>` (generic).
   */
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
  /** Image paths (`/images/<name>.png`, small generated PNGs), resolve against the shop URL. */
  images: readonly string[];
  variants: readonly ShopVariant[];
  description: string;
  /** Handles of the categories listing the product; the first is its product-type leaf. */
  categories: readonly string[];
  /** Name of the product type (`Boots`). */
  productType: string;
  rating?: ShopRating;
}

/** How a product page carries its schema.org Product data. */
export type ShopStructuredData = 'json-ld' | 'microdata';

/** A generated catalog and the lookups tests assert against. */
export interface ShopCatalog {
  flavour: ShopFlavour;
  seed: number;
  currency: string;
  productsPerPage: number;
  /** Parents before children; top-level menu order. Includes the staff-only category robots.txt disallows. */
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
  productById(id: number): ShopProduct | undefined;
  /** Canonical path of a category's listing page `page` (default 1), in the flavour's pagination scheme. */
  categoryUrlPath(category: ShopCategory, page?: number): string;
  /** Canonical path of a product page (its `path`). */
  productUrlPath(product: ShopProduct): string;
  /** Path of the search results page `page` (default 1) for a query. */
  searchUrlPath(query: string, page?: number): string;
  /** Products whose title contains the trimmed query, case-insensitively, in catalog order; none for a blank query. */
  searchResults(query: string): readonly ShopProduct[];
  /** `Disallow:` values of robots.txt's `User-agent: *` group, in file order. */
  robotsDisallow: readonly string[];
  /** Whether robots.txt's `User-agent: *` group disallows a path (with its query), by RFC 9309 matching. */
  isDisallowed(path: string): boolean;
  /**
   * Products a crawler that obeys robots.txt reaches from the home page: the
   * page is not disallowed and a category that is not disallowed lists it.
   * The others (e.g. `/products/internal-...`) are linked from the site but
   * only reachable through disallowed paths.
   */
  publicProducts(): readonly ShopProduct[];
  /** Categories whose pages robots.txt does not disallow (all but the staff-only one). */
  publicCategories(): readonly ShopCategory[];
  /** JSON-LD on every product page, except microdata on even-id products of the generic flavour. */
  structuredDataOf(product: ShopProduct): ShopStructuredData;
}
