import type { LabelledMoney } from '../corpus.types.js';
import type { ProductSpec, Scenario } from './catalog.js';
import type { PageCharset } from './encode.js';
import type { Locale } from './locales.js';
import type { MoneyFormat } from './money.js';
import type { Random } from './random.js';

export interface Store {
  name: string;
  host: string;
  origin: string;
}

/** Everything a theme needs to render one page. */
export interface PageContext {
  product: ProductSpec;
  /** Other products shown on the page (carousels, listings): traps with their own prices and SKUs. */
  related: ProductSpec[];
  locale: Locale;
  scenario: Scenario;
  store: Store;
  url: string;
  rng: Random;
  format: MoneyFormat;
  /** The encoder of the page bytes. */
  charset: PageCharset;
  /** The charset name the page declares (`utf-8`, `windows-1251`, `Shift_JIS`, `iso-8859-1`). */
  charsetLabel: string;
  /** Situations on the page, added by the theme for slicing results (sale, stale-json-ld, ...). */
  tags: string[];
  /** The amount as this page writes it. */
  money(money: LabelledMoney): string;
}

/**
 * A product page style. `prepare` makes the product agree with what the theme
 * shows (image URLs, which SKU is on the page, fields the theme cannot carry set
 * to null); the label is the prepared product. `render` must then show every
 * non-null field somewhere, and nothing that contradicts it except the traps
 * it tags.
 */
export interface ProductTheme {
  platform: string;
  style: string;
  /** The page path for a product. */
  path(context: PageContext): string;
  prepare(context: PageContext): void;
  render(context: PageContext): string;
}

/** A page that is not a product page (listing, blog post, 404, ...). */
export interface NonProductPage {
  platform: string;
  style: string;
  path(context: PageContext): string;
  render(context: PageContext): string;
}
