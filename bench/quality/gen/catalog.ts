import type { LabelledAvailability, LabelledMoney } from '../corpus.types.js';
import type { Locale } from './locales.js';
import type { Random } from './random.js';
import { BRANDS } from './words.js';

/** How the product's stock looks to a buyer. `partial`: one option value sold out, the others in stock. */
export type StockCase = 'in' | 'low' | 'out' | 'preorder' | 'backorder' | 'partial' | 'discontinued';

/** The situation a page is in; recipes pin some of it, the rest is drawn at random. */
export interface Scenario {
  sale: boolean;
  stock: StockCase;
  variants: boolean;
  /** The theme's structured data (JSON-LD or its microdata) is on the page. */
  structured: boolean;
  /** Structured data still carries the regular price while the page shows a sale price. */
  staleStructuredPrice: boolean;
  /** A carousel of other products (their prices, SKUs, images, ratings) on the page. */
  related: boolean;
  reviews: boolean;
  breadcrumbs: boolean;
  brand: boolean;
  gtin: boolean;
  mpn: boolean;
  /** Index into the locale's money formats. */
  format: number;
  /** Pins the kind of product by the last entry of its category trail ("Laptops"). */
  department?: string;
}

export interface VariantSpec {
  id: number;
  /** Option value ("M", "42", "Black"). */
  value: string;
  sku: string;
  gtin: string | null;
  price: LabelledMoney;
  compareAt: LabelledMoney | null;
  available: boolean;
}

/** One product as the corpus knows it: the label is derived from this after the theme has prepared it. */
export interface ProductSpec {
  id: number;
  slug: string;
  title: string;
  brand: string | null;
  description: string;
  sku: string | null;
  gtin: string | null;
  mpn: string | null;
  price: LabelledMoney;
  compareAt: LabelledMoney | null;
  availability: LabelledAvailability;
  /** Image names (no extension); themes turn them into URLs in `images`. */
  imageKeys: string[];
  images: string[];
  /** The category trail the product lives in (shown only when `breadcrumbs` is set). */
  trail: string[];
  breadcrumbs: string[] | null;
  rating: number | null;
  reviewCount: number | null;
  language: string | null;
  optionName: string | null;
  variants: VariantSpec[];
  /** Index of the variant selected when the page loads. */
  selected: number;
  stockLeft: number;
}

export function slugify(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** A price in the locale's currency with the endings shops use (.99, .00; 24.990 CLP; 12,800 JPY). */
export function localPrice(rng: Random, locale: Locale, usd: number): LabelledMoney {
  const local = usd * locale.rate;
  if (locale.decimals === 2) {
    const whole = Math.max(1, Math.floor(local));
    const cents = rng.pick(local > 150 ? ['00', '00', '99', '95', '90'] : ['99', '95', '00', '90', '50', '49']);
    return { amount: `${whole}.${cents}`, currency: locale.currency };
  }
  const step = 10 ** Math.max(1, String(Math.round(local)).length - 3);
  let value = Math.max(step, Math.round(local / step) * step);
  if (locale.currency === 'CLP' || locale.currency === 'RUB') value -= 10;
  else if (locale.currency === 'INR') value -= 1;
  return { amount: String(value), currency: locale.currency };
}

/** An EAN-13 (or a UPC-A for the US) with a valid check digit. */
export function gtinFor(rng: Random, prefix: string): string {
  const length = prefix === '0' ? 12 : 13;
  const body = (prefix === '0' ? '' : prefix) + rng.digits(length - 1 - (prefix === '0' ? 0 : prefix.length));
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function skuFor(rng: Random, title: string): string {
  const letters = slugify(title).replace(/[^a-z]/g, '').toUpperCase();
  const stem = letters.length >= 3 ? letters.slice(0, 3) : rng.chars('ABCDEFGHJKLMNPRSTUVWXYZ', 3);
  switch (rng.int(0, 3)) {
    case 0:
      return `${stem}-${rng.digits(4)}`;
    case 1:
      return `${rng.chars('ABCDEFGHJKLMNPRSTUVWXYZ', 2)}${rng.digits(5)}`;
    case 2:
      return `${stem}${rng.digits(3)}-${rng.chars('ABCDEFGHJKLMNPRSTUVWXYZ', 2)}`;
    default:
      return `${rng.digits(2)}-${stem}${rng.digits(2)}`;
  }
}

function availabilityOf(stock: StockCase): LabelledAvailability {
  switch (stock) {
    case 'in':
    case 'low':
    case 'partial':
      return 'IN_STOCK';
    case 'out':
      return 'OUT_OF_STOCK';
    case 'preorder':
      return 'PREORDER';
    case 'backorder':
      return 'BACKORDER';
    case 'discontinued':
      return 'DISCONTINUED';
    default:
      throw new Error(`Unknown stock case ${String(stock satisfies never)}`);
  }
}

function variantsFor(rng: Random, locale: Locale, base: ProductSpec, values: string[], scenario: Scenario): VariantSpec[] {
  const tiered = /ml|g$|kg|Weight|Contenance/.test(values.join(' '));
  return values.map((value, index) => {
    const factor = tiered ? 1 + index * 0.6 : 1;
    const price = index === 0 || !tiered ? base.price : localPrice(rng, locale, (Number(base.price.amount) / locale.rate) * factor);
    let compareAt = index === 0 || !tiered ? base.compareAt : null;
    if (base.compareAt && index > 0 && tiered) {
      compareAt = localPrice(rng, locale, (Number(price.amount) / locale.rate) * 1.3);
      if (Number(compareAt.amount) <= Number(price.amount)) compareAt = { amount: (Number(price.amount) * 1.3).toFixed(locale.decimals), currency: locale.currency };
    }
    const available = scenario.stock === 'out' || scenario.stock === 'discontinued' ? false
      : scenario.stock === 'partial' ? index !== 0 : !(index === values.length - 1 && rng.chance(0.3));
    const suffix = slugify(value).toUpperCase() || String(index + 1);
    return { id: base.id * 100 + index + 1, value, sku: `${base.sku ?? 'V'}-${suffix}`, gtin: base.gtin ? gtinFor(rng, locale.gs1) : null, price, compareAt, available };
  });
}

/** A product for `locale` in the situation `scenario`. */
export function makeProduct(rng: Random, locale: Locale, scenario: Scenario, id: number): ProductSpec {
  const pinned = locale.words.departments.find((candidate) => candidate.trail[candidate.trail.length - 1] === scenario.department);
  const department = pinned ?? rng.pick(locale.words.departments);
  const model = rng.chance(0.5) ? rng.pick(locale.words.models) : '';
  const title = locale.words.name(rng.pick(department.adjectives), rng.pick(department.nouns), model);
  const usd = department.usd[0] + rng.next() * (department.usd[1] - department.usd[0]);
  const price = localPrice(rng, locale, usd);
  let compareAt: LabelledMoney | null = null;
  if (scenario.sale) {
    compareAt = localPrice(rng, locale, usd * (1.18 + rng.next() * 0.5));
    if (Number(compareAt.amount) <= Number(price.amount)) compareAt = { amount: (Number(price.amount) * 1.25).toFixed(locale.decimals), currency: locale.currency };
  }
  const slug = slugify(title) || `p${id}`;
  const imageCount = rng.int(1, 6);
  const product: ProductSpec = {
    id, slug, title,
    brand: scenario.brand ? rng.pick(BRANDS[locale.script]!) : null,
    description: locale.words.blurbs.map((blurb) => blurb.replace('{name}', title)).join(' '),
    sku: skuFor(rng, title),
    gtin: scenario.gtin ? gtinFor(rng, locale.gs1) : null,
    mpn: scenario.mpn ? `${rng.chars('ABCDEFGHKLMNPRSTX', rng.int(2, 3))}${rng.digits(rng.int(3, 5))}${rng.pick(['', '-BK', '/A', '-01', 'LL'])}` : null,
    price, compareAt,
    availability: availabilityOf(scenario.stock),
    imageKeys: Array.from({ length: imageCount }, (_, i) => `${slug.slice(0, 40) || `p${id}`}-${i + 1}`),
    images: [],
    trail: department.trail,
    breadcrumbs: scenario.breadcrumbs ? department.trail : null,
    rating: scenario.reviews ? Math.round((3.6 + rng.next() * 1.4) * 10) / 10 : null,
    reviewCount: scenario.reviews ? Math.round(1 + rng.next() ** 2 * 2400) : null,
    language: locale.tag,
    optionName: null, variants: [], selected: 0,
    stockLeft: scenario.stock === 'low' ? rng.int(1, 5) : rng.int(12, 140),
  };
  if (scenario.variants && department.option) {
    const count = Math.min(department.option.values.length, rng.int(3, 5));
    product.optionName = department.option.name;
    product.variants = variantsFor(rng, locale, product, department.option.values.slice(0, count), scenario);
    product.selected = Math.max(0, product.variants.findIndex((variant) => variant.available));
    const chosen = product.variants[product.selected]!;
    product.price = chosen.price;
    product.compareAt = chosen.compareAt;
  }
  return product;
}

/** The variant selected on load, if the product has variants. */
export function selectedVariant(product: ProductSpec): VariantSpec | undefined {
  return product.variants[product.selected];
}

/**
 * Folds availabilities a theme cannot show into what the buyer sees there:
 * backorder and preorder become plain "in stock" (the add-to-cart button),
 * discontinued becomes out of stock (the sold-out state).
 */
export function collapseAvailability(product: ProductSpec, shown: readonly LabelledAvailability[]): void {
  if (shown.includes(product.availability)) return;
  product.availability = product.availability === 'DISCONTINUED' ? 'OUT_OF_STOCK' : 'IN_STOCK';
}

/** Variant prices differ: the page shows the lowest ("from") price; returns true when it did. */
export function useFromPrice(product: ProductSpec, keepCompareAt: boolean): boolean {
  const amounts = product.variants.map((variant) => Number(variant.price.amount));
  if (new Set(amounts).size <= 1) return false;
  const low = product.variants[amounts.indexOf(Math.min(...amounts))]!;
  product.price = low.price;
  product.compareAt = keepCompareAt ? low.compareAt : null;
  return true;
}
