import type { ShopAvailability, ShopProduct, ShopRating, ShopVariant } from './shop-catalog.type.js';
import type { LeafSlot } from './category-tree.js';
import type { ProductRecipe } from './product-details.js';
import { buildDescription, buildImages, buildVariants } from './product-details.js';
import { deriveSeed, mulberry32 } from './seeded-random.js';

/** The eagerly generated fields of a product. */
export type ProductCore = Omit<ShopProduct, 'images' | 'variants' | 'description'>;

const STREAM = { images: 0x1a2b3c4d, description: 0x5e6f7081, variants: 0x92a3b4c5 } as const;

/**
 * A product whose heavy parts (variants, description, images) are rebuilt on
 * each access from the seed, so a 100,000-product catalog costs about 55 MB of
 * heap and generates in about a second. Each access returns equal values
 * (new arrays). `toJSON` gives the full plain object.
 */
export class GeneratedProduct implements ShopProduct {
  declare id: number;
  declare handle: string;
  declare path: string;
  declare title: string;
  declare brand: string;
  declare sku: string;
  declare gtin: string;
  declare price: string;
  declare compareAtPrice?: string;
  declare currency: string;
  declare availability: ShopAvailability;
  declare categories: readonly string[];
  declare productType: string;
  declare rating?: ShopRating;
  readonly #slot: LeafSlot;
  readonly #priceCents: number;
  readonly #seed: number;
  readonly #index: number;

  constructor(core: ProductCore, slot: LeafSlot, priceCents: number, seed: number, index: number) {
    Object.assign(this, core);
    this.#slot = slot;
    this.#priceCents = priceCents;
    this.#seed = seed;
    this.#index = index;
  }

  get images(): readonly string[] {
    return buildImages(this.#random(STREAM.images), this.#recipe());
  }

  get description(): string {
    return buildDescription(this.#random(STREAM.description), this.#recipe());
  }

  get variants(): readonly ShopVariant[] {
    return buildVariants(this.#random(STREAM.variants), this.#recipe());
  }

  toJSON(): ShopProduct {
    return { ...this, images: this.images, variants: this.variants, description: this.description };
  }

  #recipe(): ProductRecipe {
    const { handle, title, brand, sku, availability } = this;
    return { slot: this.#slot, handle, title, brand, sku, availability, priceCents: this.#priceCents };
  }

  #random(stream: number): () => number {
    return mulberry32(deriveSeed(this.#seed ^ stream, this.#index));
  }
}
