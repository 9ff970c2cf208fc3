import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { ExtractedProduct, Money } from '../../domain/entities/product.js';
import type { Platform } from '../../domain/entities/site.js';
import type { FetchedPage } from '../../domain/ports/page-fetcher.port.js';
import type { PriceHint } from '../price/parse-price.js';

/**
 * The name a source records in `ExtractedProduct.sources`: a platform's own
 * data ('shopify-json' is Shopify's product JSON, embedded or fetched from
 * `/products/<handle>.js`; 'shopify' its analytics `meta`), schema.org in its
 * three syntaxes, meta tags, and what the page visibly shows ('markup').
 */
export type SourceName =
  | 'shopify-json' | 'shopify' | 'woocommerce' | 'magento' | 'bigcommerce' | 'sfcc'
  | 'json-ld' | 'microdata' | 'rdfa' | 'opengraph' | 'meta' | 'markup';

/** What one source found; any field may be missing. */
export type ProductFields = Partial<Omit<ExtractedProduct, 'sources' | 'platform'>>;

/** The price a shopper sees on the page, as opposed to the one in structured data. */
export interface ShownPrice {
  price?: Money;
  compareAtPrice?: Money;
}

/** What one step found on the page. */
export interface SourceResult {
  source: SourceName;
  /** True when this source alone says "this is a product page". */
  productSignal: boolean;
  fields: ProductFields;
  /**
   * Weak values, used only when no source has the field: the `<title>`,
   * `og:site_name` as the brand, `og:locale` as the language.
   */
  fallback?: ProductFields;
  /** The visible (page-shown) price, which may override structured data (a sale the markup missed). */
  shown?: ShownPrice;
  /** The shop's own name (`og:site_name`, a JSON-LD WebSite or Organization): never the brand when another one is known. */
  siteName?: string;
}

/** One inline `<script>` (no `src`) of the page. */
export interface ScriptBlock {
  /** Lower-cased `type` attribute, '' when absent. */
  type: string;
  attribs: Readonly<Record<string, string>>;
  text: string;
}

/** Every `<meta property|name=... content=...>` by lower-cased key, in document order. */
export type MetaMap = ReadonlyMap<string, readonly string[]>;

/** One parse of one page, shared by every source. */
export interface ExtractionContext {
  $: CheerioAPI;
  /** The page URL after redirects. */
  pageUrl: string;
  /** What relative URLs of the page resolve against: its `<base href>`, else the page URL. */
  baseUrl: string;
  page: FetchedPage;
  /** The platform whose steps run (detected, or given by the caller). */
  platform: Platform;
  /** Every JSON-LD node on the page (`@graph` and `mainEntity` flattened). */
  jsonLd: readonly JsonObject[];
  scripts: readonly ScriptBlock[];
  meta: MetaMap;
  /** The page's currency, locale and host, for prices written with an ambiguous symbol or none. */
  hint: PriceHint;
  /**
   * Fetches a related URL of the same site (a Shopify product JSON endpoint)
   * within the page's small budget; null when unreachable, refused or over budget.
   */
  fetchRelated(url: string): Promise<FetchedPage | null>;
}

/** One extraction step. Steps run in order and see what earlier steps found. */
export interface ExtractionSource {
  readonly name: SourceName;
  extract(context: ExtractionContext, earlier: readonly SourceResult[]): SourceResult | Promise<SourceResult>;
}

/** A parsed JSON object (JSON-LD node, platform config). */
export type JsonObject = { [key: string]: unknown };

/** A cheerio selection of elements and a single element, named without importing domhandler. */
export type Elements = ReturnType<ReturnType<CheerioAPI['root']>['children']>;
export type DomElement = Elements extends Cheerio<infer E> ? E : never;
