import type { Availability, Money, Product } from './entities/product.js';

/** The part of a product whose changes are kept and announced: price and availability. */
export interface ProductState {
  price?: Money;
  availability: Availability;
}

/** One entry of a product's price and availability history: the state it had from `at` on. */
export interface ProductHistoryEntry extends ProductState {
  productId: string;
  at: Date;
}

/** A change of price or availability seen when a product was scraped again. */
export interface ProductChange {
  productId: string;
  site: string;
  /** The campaign whose scrape saw the change, if any. */
  campaignId?: string;
  title: string;
  canonicalUrl: string;
  /** Present when the price changed (either side may be missing: a price appeared or vanished). */
  price?: { before?: Money; after?: Money };
  /** Present when the availability changed. */
  availability?: { before: Availability; after: Availability };
  at: Date;
}

/** How many history entries a product shows at most, newest first. */
export const MAX_HISTORY_ENTRIES = 100;

export function stateOf(product: ProductState): ProductState {
  return product.price ? { price: { amount: product.price.amount, currency: product.price.currency }, availability: product.availability } : { availability: product.availability };
}

function samePrice(a: Money | undefined, b: Money | undefined): boolean {
  if (!a || !b) return a === b;
  return a.currency === b.currency && Number(a.amount) === Number(b.amount);
}

/** Whether two states differ in price (by value and currency) or availability. */
export function stateChanged(before: ProductState, after: ProductState): boolean {
  return !samePrice(before.price, after.price) || before.availability !== after.availability;
}

/** The change between a product's previous state and the product as stored now; undefined when nothing moved. */
export function diffProduct(before: ProductState, product: Product): ProductChange | undefined {
  if (!stateChanged(before, product)) return undefined;
  const change: ProductChange = {
    productId: product.id, site: product.site, title: product.title, canonicalUrl: product.canonicalUrl, at: product.updatedAt,
    ...(product.campaignId ? { campaignId: product.campaignId } : {}),
  };
  if (!samePrice(before.price, product.price)) {
    change.price = { ...(before.price ? { before: before.price } : {}), ...(product.price ? { after: product.price } : {}) };
  }
  if (before.availability !== product.availability) change.availability = { before: before.availability, after: product.availability };
  return change;
}
