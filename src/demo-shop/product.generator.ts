import type { ShopAvailability, ShopRating } from './shop-catalog.type.js';
import type { CategoryTree, LeafSlot } from './category-tree.js';
import { FEATURED, slugify } from './category-tree.js';
import type { ProductCore } from './generated-product.js';
import { GeneratedProduct } from './generated-product.js';
import { formatCents } from './product-details.js';
import type { Random } from './seeded-random.js';
import { deriveSeed, intBetween, mulberry32, pick, pickWeighted } from './seeded-random.js';
import type { UrlScheme } from './url-scheme.type.js';
import { INTERNAL_HANDLE_PREFIX } from './url-scheme.type.js';
import type { BrandSpec } from './word-tables.js';
import { BRANDS, MODEL_PREFIXES, MODEL_SUFFIXES, TITLE_QUALIFIERS } from './word-tables.js';

/** What every product of one catalog shares. */
export interface ProductContext {
  seed: number;
  currency: string;
  tree: CategoryTree;
  scheme: UrlScheme;
  /** Returns a handle no other product has, derived from `base`. */
  uniqueHandle(base: string): string;
}

const SALE_SHARE = 0.15;
const MIN_PRICE_CENTS = 1999;
const MAX_PRICE_CENTS = 34900;
const PRICE_ENDINGS = [0, 99, 99, 95, 50, 0] as const;
/** Every 29th product from the eighth on is internal (never the first few, which demos and tests use). */
const INTERNAL_EVERY = 29;
const INTERNAL_OFFSET = 7;

/**
 * Internal products are listed in their product-type leaf and the staff-only
 * collection only, never on sale, and their pages sit under a path robots.txt
 * disallows.
 */
export function isInternalIndex(index: number): boolean {
  return index % INTERNAL_EVERY === INTERNAL_OFFSET;
}

/**
 * Product number `index`: depends only on the seed and the index (and, for
 * its handle, on earlier products with the same title). Strings are built
 * with `join` so V8 stores them flat rather than as rope nodes.
 */
export function generateProduct(context: ProductContext, index: number): GeneratedProduct {
  const random = mulberry32(deriveSeed(context.seed, index + 1));
  const slot = pickWeighted(random, context.tree.leaves, (leaf) => leaf.weight);
  const brand = pick(random, BRANDS);
  const words = titleWords(random, slot);
  const internal = isInternalIndex(index);
  const handle = context.uniqueHandle([internal ? INTERNAL_HANDLE_PREFIX : '', words.map(slugOf).join('-')].join(''));
  const priceCents = pickPriceCents(random, slot);
  const onSale = random() < SALE_SHARE && !internal;
  const rating = pickRating(random);
  const availability = pickAvailability(random);
  const extras = extraCategories(random, context.tree, brand, onSale, rating !== undefined);
  const id = index + 1;
  const core: ProductCore = {
    id,
    handle,
    path: context.scheme.productPath(handle, id),
    title: words.join(' '),
    brand: brand.name,
    sku: [brand.code, '-', slot.type.key.slice(0, 3).toUpperCase(), '-', String(id).padStart(6, '0')].join(''),
    gtin: makeGtin(context.seed, index),
    price: formatCents(priceCents),
    currency: context.currency,
    availability,
    categories: internCategories([slot.handle, ...(internal ? [context.tree.privateHandle] : extras)]),
    productType: slot.type.name,
  };
  if (onSale) core.compareAtPrice = formatCents(compareAtCents(random, priceCents));
  if (rating) core.rating = rating;
  return new GeneratedProduct(core, slot, priceCents, context.seed, index);
}

/** `Women's`, `Ridgeline`, [`Waterproof`], `Hiking Boot`. */
function titleWords(random: Random, slot: LeafSlot): string[] {
  const model = [pick(random, MODEL_PREFIXES), pick(random, MODEL_SUFFIXES)].join('');
  const qualifier = random() < 0.5 ? [pick(random, TITLE_QUALIFIERS)] : [];
  return [slot.gender.possessive, model, ...qualifier, pick(random, slot.type.nouns)];
}

const slugs = new Map<string, string>();

/** Title words come from small tables, so their slugs are computed once. */
function slugOf(word: string): string {
  let slug = slugs.get(word);
  if (slug === undefined) {
    slug = slugify(word);
    slugs.set(word, slug);
  }
  return slug;
}

function pickPriceCents(random: Random, slot: LeafSlot): number {
  const [min, max] = slot.type.price;
  const scale = slot.gender.key === 'kids' ? 0.6 : 1;
  const whole = Math.round(intBetween(random, min, max) * scale);
  const cents = whole * 100 + pick(random, PRICE_ENDINGS);
  return Math.min(MAX_PRICE_CENTS, Math.max(MIN_PRICE_CENTS, cents));
}

/** 20-50% above the price, ending in .00 or .99. */
function compareAtCents(random: Random, priceCents: number): number {
  const raised = Math.ceil((priceCents * (1.2 + random() * 0.3)) / 100) * 100;
  return random() < 0.5 ? raised : raised - 1;
}

/** About 8% out of stock, 3% preorder, 2% backorder. */
function pickAvailability(random: Random): ShopAvailability {
  const roll = random();
  if (roll < 0.08) return 'OUT_OF_STOCK';
  if (roll < 0.11) return 'PREORDER';
  if (roll < 0.13) return 'BACKORDER';
  return 'IN_STOCK';
}

function pickRating(random: Random): ShopRating | undefined {
  if (random() < 0.25) return undefined;
  return { value: Math.round((3 + random() * 2) * 10) / 10, count: intBetween(random, 1, 480) };
}

/** An EAN-13: a per-seed prefix, the product index, and a valid check digit. */
export function makeGtin(seed: number, index: number): string {
  const base = ['84', String(deriveSeed(seed, 0) % 1000).padStart(3, '0'), String(index).padStart(7, '0')].join('');
  let sum = 0;
  for (let i = 0; i < base.length; i += 1) sum += Number(base[i]) * (i % 2 === 0 ? 1 : 3);
  return [base, String((10 - (sum % 10)) % 10)].join('');
}

/** Up to two collections besides the product-type leaf; every sale item is in Sale. */
function extraCategories(random: Random, tree: CategoryTree, brand: BrandSpec, onSale: boolean, rated: boolean): string[] {
  const extras: string[] = [];
  if (onSale) extras.push(FEATURED.sale);
  const brandHandle = tree.brandCollections.get(brand.name);
  if (brandHandle !== undefined && random() < 0.7) extras.push(brandHandle);
  if (random() < 0.12) extras.push(FEATURED.newArrivals);
  if (rated && random() < 0.1) extras.push(FEATURED.bestSellers);
  return extras.slice(0, 2);
}

const categoryLists = new Map<string, readonly string[]>();

/** Products share their category lists: there are a few hundred distinct ones. */
function internCategories(handles: string[]): readonly string[] {
  const key = handles.join(' ');
  let list = categoryLists.get(key);
  if (!list) {
    list = Object.freeze(handles);
    categoryLists.set(key, list);
  }
  return list;
}
