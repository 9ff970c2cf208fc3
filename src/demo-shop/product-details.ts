import type { ShopAvailability, ShopVariant } from './shop-catalog.type.js';
import type { LeafSlot } from './category-tree.js';
import { sizesFor } from './product-types.js';
import type { Random } from './seeded-random.js';
import { intBetween, pick, pickSome } from './seeded-random.js';
import type { ColorSpec } from './word-tables.js';
import { CARE_SENTENCES, COLORS, FEATURE_SENTENCES } from './word-tables.js';

/** What the lazily built parts of a product (variants, copy, images) are derived from. */
export interface ProductRecipe {
  slot: LeafSlot;
  handle: string;
  title: string;
  brand: string;
  sku: string;
  priceCents: number;
  availability: ShopAvailability;
}

/** A decimal string with two places: 4999 -> `49.99`. */
export function formatCents(cents: number): string {
  return [String(Math.floor(cents / 100)), '.', String(cents % 100).padStart(2, '0')].join('');
}

export function buildImages(random: Random, recipe: ProductRecipe): string[] {
  return Array.from({ length: intBetween(random, 2, 4) }, (_, n) => `/images/${recipe.handle}-${n + 1}.png`);
}

export function buildDescription(random: Random, recipe: ProductRecipe): string {
  const material = pick(random, recipe.slot.type.materials);
  return `The ${recipe.title} from ${recipe.brand}, made from ${material}. ${pick(random, FEATURE_SENTENCES)} ${pick(random, CARE_SENTENCES)}`;
}

/**
 * Colours x sizes. Out-of-stock, preorder and backorder products have every
 * variant in that state; about a third of in-stock products have one or two
 * sold-out variants. Some clothing charges 5.00 more for the largest size.
 */
export function buildVariants(random: Random, recipe: ProductRecipe): ShopVariant[] {
  const { slot, sku, priceCents, availability } = recipe;
  const sizes = sizeRun(random, slot);
  const colorCount = random() < 0.5 ? 1 : random() < 0.7 ? 2 : 3;
  const colors = pickSome(random, COLORS, colorCount);
  const upcharge = slot.type.group === 'clothing' && sizes.length >= 4 && random() < 0.2 ? 500 : 0;
  const largest = sizes[sizes.length - 1];
  const variants: ShopVariant[] = [];
  for (const color of colors) {
    for (const size of sizes) {
      variants.push(variant(sku, size, color, formatCents(priceCents + (size === largest ? upcharge : 0)), availability));
    }
  }
  if (availability === 'IN_STOCK' && variants.length > 1 && random() < 0.35) sellOutSome(random, variants);
  return variants;
}

function variant(sku: string, size: string, color: ColorSpec, price: string, availability: ShopAvailability): ShopVariant {
  return {
    title: `${size} / ${color.name}`,
    sku: `${sku}-${size.replace(/\s+/g, '').toUpperCase()}-${color.code}`,
    options: { Size: size, Color: color.name },
    price,
    availability,
  };
}

function sizeRun(random: Random, slot: LeafSlot): readonly string[] {
  const sizes = sizesFor(slot.type.group, slot.gender.key);
  if (sizes.length <= 3) return sizes;
  const length = intBetween(random, 3, sizes.length);
  const start = intBetween(random, 0, sizes.length - length);
  return sizes.slice(start, start + length);
}

/** Marks one or two variants sold out, never all of them. */
function sellOutSome(random: Random, variants: ShopVariant[]): void {
  const count = Math.min(variants.length - 1, intBetween(random, 1, 2));
  for (const chosen of pickSome(random, variants, count)) chosen.availability = 'OUT_OF_STOCK';
}
