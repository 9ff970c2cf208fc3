/**
 * The labelled extraction corpus: one JSON line per page in
 * bench/corpus/labels.jsonl, pointing at the raw page bytes under bench/corpus.
 * A field is null when the page does not carry it anywhere (visible or in
 * structured data); otherwise it is what a shopper sees on the page.
 */

export const LABELLED_AVAILABILITIES = ['IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'BACKORDER', 'DISCONTINUED'] as const;
export type LabelledAvailability = (typeof LABELLED_AVAILABILITIES)[number];

export interface LabelledMoney {
  /** Decimal string, `.` as the decimal point, no grouping: "1234.56", "24990". */
  amount: string;
  /** ISO 4217 code. */
  currency: string;
}

/** The fields the benchmark scores. */
export interface LabelledFields {
  title: string | null;
  brand: string | null;
  sku: string | null;
  gtin: string | null;
  mpn: string | null;
  /** The price a buyer pays now for the product as it loads (the selected/default variant). */
  price: LabelledMoney | null;
  /** The struck-through regular price (or RRP/UVP/list price) when the page shows one. */
  compareAtPrice: LabelledMoney | null;
  /** Product-level: IN_STOCK when any variant can be bought now. */
  availability: LabelledAvailability | null;
  /** Absolute URLs, main image first. */
  images: string[] | null;
  /** The category trail, without the home link and without the product itself. */
  breadcrumbs: string[] | null;
  rating: number | null;
  reviewCount: number | null;
  /** The document language as declared (`<html lang>`), e.g. "de-DE". */
  language: string | null;
}

export type FieldName = keyof LabelledFields;

export const FIELD_NAMES: readonly FieldName[] = [
  'title', 'brand', 'sku', 'gtin', 'mpn', 'price', 'compareAtPrice', 'availability',
  'images', 'breadcrumbs', 'rating', 'reviewCount', 'language',
];

export interface CorpusLabel {
  /** Path of the page bytes, relative to bench/corpus. */
  file: string;
  url: string;
  /** Platform or page family: shopify, woocommerce, magento, bigcommerce, sfcc, prestashop, custom, marketplace, legacy. */
  platform: string;
  /** Theme or page style inside the platform (dawn, luma, sfra, microdata-only, ...). */
  style: string;
  locale: string;
  /** The Content-Type header the page is served with. */
  contentType: string;
  /**
   * The charset the page declares (`utf-8`, `windows-1251`, `Shift_JIS`, `iso-8859-1`); the
   * bytes are in that encoding as browsers read it (iso-8859-1 means windows-1252).
   */
  charset: string;
  isProduct: boolean;
  /** Traps and situations on the page (sale, stale-json-ld, related-carousel, ...), for slicing results. */
  tags: string[];
  fields: LabelledFields;
}

/** Labels of a page that is not a product page: every field null. */
export function emptyFields(): LabelledFields {
  return {
    title: null, brand: null, sku: null, gtin: null, mpn: null, price: null, compareAtPrice: null,
    availability: null, images: null, breadcrumbs: null, rating: null, reviewCount: null, language: null,
  };
}
