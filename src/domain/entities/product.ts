import type { Platform } from './site.js';

/** Stock state of a product as the buyer sees it. */
export const AVAILABILITIES = ['IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'BACKORDER', 'DISCONTINUED', 'UNKNOWN'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** A price: the amount as a decimal string (no float rounding) and an ISO 4217 currency code. */
export interface Money {
  amount: string;
  currency: string;
}

export interface ProductVariant {
  title?: string;
  sku?: string;
  options: Record<string, string>;
  price?: Money;
  availability: Availability;
}

/** Which extraction source each field came from (`json-ld`, `opengraph`, `markup`, ...). */
export type FieldSources = Record<string, string>;

/** What an extractor pulls out of a product page; everything but the title may be missing. */
export interface ExtractedProduct {
  title: string;
  canonicalUrl?: string;
  brand?: string;
  description?: string;
  sku?: string;
  gtin?: string;
  mpn?: string;
  price?: Money;
  compareAtPrice?: Money;
  availability: Availability;
  images: string[];
  variants: ProductVariant[];
  breadcrumbs: string[];
  rating?: number;
  reviewCount?: number;
  language?: string;
  /** The e-commerce platform whose extraction steps ran (detected from the page, or known from the site). */
  platform?: Platform;
  sources: FieldSources;
}

/** What the store receives to create or refresh a product; keyed by (site, canonicalUrl). */
export interface ProductInput extends ExtractedProduct {
  site: string;
  url: string;
  canonicalUrl: string;
  completeness: number;
  campaignId?: string;
  scrapedAt: Date;
}

/** A stored product. One per canonical URL per site, however many categories list it. */
export interface Product extends ProductInput {
  id: string;
  firstSeenAt: Date;
  updatedAt: Date;
}
