/** Kinds of category, in the order a campaign prefers them (seed 000, phase 2). */
export const CATEGORY_TYPES = ['PRODUCT', 'GENDER', 'FEATURED', 'BRAND', 'OTHER'] as const;
export type CategoryType = (typeof CATEGORY_TYPES)[number];

/** Category context carried by a job: where on the site a product was found. */
export interface CategoryRef {
  /** Absolute URL of the category page; the category's identity on its site. */
  url: string;
  name: string;
  /** Path of the category page (`/collections/boots`). */
  path: string;
  /** Absolute URL of the parent category, if it has one. */
  parentUrl?: string;
}

export interface CategoryInput extends CategoryRef {
  site: string;
  type?: CategoryType;
  depth?: number;
  /** The campaign that saw this category, if any (a category can be seen by many). */
  campaignId?: string;
}

export interface Category extends Omit<CategoryInput, 'campaignId'> {
  id: string;
  type: CategoryType;
  depth: number;
  parentId?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One product found in one category, with where it was last seen listed (its provenance). */
export interface ProductCategoryLink {
  productId: string;
  categoryId: string;
  /** The campaign that last saw the product in the category. */
  campaignId?: string;
  /** The listing page that showed it, the page number and its position there. */
  listingUrl?: string;
  page?: number;
  position?: number;
  firstSeenAt: Date;
  lastSeenAt?: Date;
}
