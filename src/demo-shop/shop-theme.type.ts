import type { ShopCatalog, ShopCategory, ShopProduct } from './shop-catalog.type.js';

/** The kinds of HTML page a shop serves. */
export type PageTemplate = 'index' | 'collection' | 'product' | 'page' | 'search';

/** What theme templates read from the running site. */
export interface ThemeView {
  catalog: ShopCatalog;
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  formatPrice(amount: string): string;
}

/** One page of a paginated listing: a category or search results. */
export interface ListingPage {
  page: number;
  pages: number;
  /** 0-based position of the first product shown within the whole listing. */
  first: number;
  /** Products in the whole listing. */
  total: number;
  /** Path of listing page `n`. */
  pathOf(n: number): string;
  /** The category listed; absent for search results. */
  category?: ShopCategory;
}

/** A flavour's markup: platform signals, product cards, pager, landing blocks. */
export interface ShopTheme {
  /** Platform signals and stylesheet links for every page's `<head>`. */
  head: string;
  /** Stylesheet paths the head links; every router serves them. */
  stylesheets: readonly string[];
  /** Headers the platform adds to every response. */
  responseHeaders: Readonly<Record<string, string>>;
  /** Search, account and cart links of the site header (outside the menu). */
  headerActions: string;
  bodyClass(template: PageTemplate, extra: string): string;
  /** Product cards; `listing` is given on category and search pages. */
  productGrid(view: ThemeView, products: readonly ShopProduct[], listing?: ListingPage): string;
  /** The visible pager, and any `<head>` links it implies. Empty for a single page. */
  pager(view: ThemeView, listing: ListingPage): { head: string; body: string };
  /** The block of subcategory links on a landing page. */
  subcategories(children: readonly ShopCategory[]): string;
  searchForm(query: string): string;
}
