import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { ExtractedProduct, Money } from '../../domain/entities/product.js';

/** The name a source records in `ExtractedProduct.sources`. */
export type SourceName = 'json-ld' | 'opengraph' | 'markup';

/** What one source found; any field may be missing. */
export type ProductFields = Partial<Omit<ExtractedProduct, 'sources'>>;

/** The price a shopper sees on the page, as opposed to the one in structured data. */
export interface ShownPrice {
  price?: Money;
  compareAtPrice?: Money;
}

export interface SourceResult {
  source: SourceName;
  /** True when this source alone says "this is a product page". */
  productSignal: boolean;
  fields: ProductFields;
  /** The visible (page-shown) price, which may override structured data (a sale the markup missed). */
  shown?: ShownPrice;
}

/** One parse of one page, shared by every source. */
export interface ExtractionContext {
  $: CheerioAPI;
  pageUrl: string;
  /** Every JSON-LD node on the page (`@graph` and `mainEntity` flattened). */
  jsonLd: readonly JsonObject[];
}

/** One extraction step. Sources run in order and see what earlier sources found. */
export interface ExtractionSource {
  readonly name: SourceName;
  extract(context: ExtractionContext, earlier: readonly SourceResult[]): SourceResult;
}

export type JsonObject = { [key: string]: unknown };

/** A cheerio selection of elements and a single element, named without importing domhandler. */
export type Elements = ReturnType<ReturnType<CheerioAPI['root']>['children']>;
export type DomElement = Elements extends Cheerio<infer E> ? E : never;
